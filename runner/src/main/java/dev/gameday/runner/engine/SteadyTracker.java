package dev.gameday.runner.engine;

import dev.gameday.core.event.EventListener;
import dev.gameday.core.event.TimelineEvent;
import dev.gameday.core.event.TimelineEvent.SteadyStateChanged;
import dev.gameday.core.event.TimelineEvent.SteadyStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Stream;
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

  /**
   * True when no active probe's last transition is a breach. A probe outside its mode (a
   * {@code during} probe after the hold) keeps its last state but no longer counts.
   */
  boolean allSteady(Collection<String> active) {
    return of(active).noneMatch(c -> c.status() == SteadyStatus.BREACHED);
  }

  /**
   * When the application was restored after a fault injected at {@code from}: the latest
   * first-good-sample instant among the probes that came back since then (a {@code during} probe
   * that recovered in the hold counts too), provided every active probe is steady now. Empty when
   * no probe came back since {@code from} (the application never degraded) or one is still down.
   */
  Optional<Instant> allSteadySince(Collection<String> active, Instant from) {
    if (!allSteady(active)) {
      return Optional.empty();
    }
    return last.values().stream()
        .filter(c -> c.status() == SteadyStatus.STEADY && !c.at().utc().isBefore(from))
        .map(SteadyStateChanged::firstCause).max(Instant::compareTo);
  }

  private Stream<SteadyStateChanged> of(Collection<String> active) {
    return last.values().stream().filter(c -> active.contains(c.probe()));
  }

  /** The probes whose last transition is a breach, for messages. */
  String breachedProbes() {
    return String.join(", ", last.values().stream()
        .filter(c -> c.status() == SteadyStatus.BREACHED)
        .map(c -> c.probe() + " (" + c.reason() + ")").sorted().toList());
  }
}
