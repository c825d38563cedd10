package dev.gameday.reports.analysis;

import dev.gameday.core.event.TimelineEvent.PlatformRestored;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * Azure's two instants of a step, as {@link PlatformInstant}s: where the journal states a
 * bracket ({@code lastSeenBefore}) it is used; otherwise the bracket's lower end is the last
 * instant the journal proves came before the change (the request that asked for it). Azure's
 * own times are Site Recovery's job start and end for a failover, and the time faults journal as
 * {@code statedByAzure}.
 */
final class PlatformInstants {
  /** What a fault's {@code statedByAzure} is (a VM's; Network states no time). */
  private static final String STATED =
      "the instance view's provisioning time, else the operation's endTime";
  private PlatformInstants() {}

  /** The fault in force: Azure's first confirmation. */
  static Optional<PlatformInstant> effective(StepState s) {
    if (s.effectiveEvent == null) {
      return Optional.empty();
    }
    var e = s.effectiveEvent;
    Optional<Instant> lower = e.lastSeenBefore()
        .or(() -> Optional.ofNullable(s.effectFrom()).map(Evidence::at));
    if (failover(s)) {
      return Optional.of(PlatformInstant.of(e.resource(), lower, e.at().utc(),
          Optional.ofNullable(s.failoverJobStarted).map(Evidence::at),
          "the failover job's startTime"));
    }
    return Optional.of(PlatformInstant.of(e.resource(), lower, e.at().utc(), e.statedByAzure(),
        STATED));
  }

  /** The platform restored: the latest of the restores of every resource the revert named. */
  static Optional<PlatformInstant> restored(StepState s, Optional<PlatformInstant> effective) {
    return s.restoredEvents.values().stream().map(e -> restored(s, e, effective))
        .max(Comparator.comparing(PlatformInstant::at));
  }

  private static PlatformInstant restored(StepState s, PlatformRestored e,
      Optional<PlatformInstant> effective) {
    Optional<Instant> fallback = failover(s)
        ? effective.map(PlatformInstant::firstSeenAfter)
        : Optional.ofNullable(s.restoreFrom()).map(Evidence::at);
    Optional<Instant> lower = e.lastSeenBefore().or(() -> fallback);
    if (failover(s)) {
      return PlatformInstant.of(e.resource(), lower, e.at().utc(),
          Optional.ofNullable(s.failoverJobEnded),
          "the failover job's endTime");
    }
    return PlatformInstant.of(e.resource(), lower, e.at().utc(), e.statedByAzure(),
        STATED);
  }

  private static boolean failover(StepState s) {
    return StepResults.FAILOVER.equals(s.kind);
  }
}
