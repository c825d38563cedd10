package dev.gameday.runner.engine;

import dev.gameday.core.event.EventListener;
import dev.gameday.core.event.TimelineEvent;
import dev.gameday.core.event.TimelineEvent.SteadyStateChanged;
import dev.gameday.core.event.TimelineEvent.SteadyStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Follows the probes' steady-state transitions: whether any probe breached since a mark (the
 * baseline gate) and since when every probe has been steady again (the application-restored
 * instant of a step).
 */
final class SteadyTracker implements EventListener {
  private final Map<String, SteadyStateChanged> last = new ConcurrentHashMap<>();
  private final AtomicInteger breaches = new AtomicInteger();

  @Override
  public void on(TimelineEvent event) {
    if (event instanceof SteadyStateChanged c) {
      last.put(c.probe(), c);
      if (c.status() == SteadyStatus.BREACHED) {
        breaches.incrementAndGet();
      }
    }
  }

  /** A count that grows with every breach; compare two readings to see if one happened. */
  int breachCount() {
    return breaches.get();
  }

  /** True when no probe's last transition is a breach. */
  boolean allSteady() {
    return last.values().stream().noneMatch(c -> c.status() == SteadyStatus.BREACHED);
  }

  /**
   * When every probe became steady again (the latest first-good-sample instant among their last
   * restore transitions), if all are steady and at least one ever breached.
   */
  Optional<Instant> allSteadySince() {
    if (!allSteady() || last.isEmpty()) {
      return Optional.empty();
    }
    return last.values().stream().map(SteadyStateChanged::firstCause).max(Instant::compareTo);
  }

  /** The probes whose last transition is a breach, for messages. */
  String breachedProbes() {
    return String.join(", ", last.values().stream()
        .filter(c -> c.status() == SteadyStatus.BREACHED)
        .map(c -> c.probe() + " (" + c.reason() + ")").sorted().toList());
  }
}
