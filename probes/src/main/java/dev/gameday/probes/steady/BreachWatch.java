package dev.gameday.probes.steady;

import dev.gameday.core.event.Stamp;
import dev.gameday.core.event.TimelineEvent.StopConditionMet;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The abort condition {@code whenSteadyStateBreachedFor} for one probe: reports
 * {@link StopConditionMet} once per breach, the first time it is checked after the breach has
 * lasted the limit. The caller checks at every tick of the probe, so the stop condition is heard
 * within one probe interval of the limit.
 */
public final class BreachWatch {
  private final String probe;
  private final Duration limit;
  private long reportedBreach = Long.MIN_VALUE;

  public BreachWatch(String probe, Duration limit) {
    this.probe = probe;
    this.limit = limit;
  }

  /**
   * @param breachedSince monotonic time the current breach was declared, empty when steady
   */
  public Optional<StopConditionMet> check(OptionalLong breachedSince, Stamp now) {
    if (breachedSince.isEmpty() || breachedSince.getAsLong() == reportedBreach) {
      return Optional.empty();
    }
    long lasted = now.mono() - breachedSince.getAsLong();
    if (lasted < limit.toNanos()) {
      return Optional.empty();
    }
    reportedBreach = breachedSince.getAsLong();
    return Optional.of(new StopConditionMet(now, probe, Duration.ofNanos(lasted), limit));
  }
}
