package dev.gameday.sandbox.internal.world;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The recovery point a failover job used for one protected VM, as a job shows it in
 * {@code customDetails.protectedItemDetails[]} ({@code FailoverReplicationProtectedItemDetails}:
 * {@code name}, {@code friendlyName}, {@code recoveryPointId}, {@code recoveryPointTime};
 * {@code SiteRecovery/stable/2025-08-01/service.json}).
 *
 * <p>How the sandbox picks it, from the A2A {@code recoveryPointType} of the request and the
 * world's replication settings: {@code Latest} processes everything the recovery site received,
 * so it loses only what was still in flight ({@code replicationLagSeconds} before the job's
 * start); {@code LatestProcessed} and {@code LatestCrashConsistent} take the last crash-consistent
 * snapshot before that, {@code LatestApplicationConsistent} the last app-consistent one (snapshots
 * every {@code crashConsistentMinutes} / {@code appConsistentMinutes} since replication began at
 * the world's origin).
 */
public record RecoveryPoint(String protectedItem, String friendlyName, String id, Instant time) {

  /** The recovery point types of {@code RecoveryPlanA2AFailoverInput}. */
  public static final List<String> TYPES = List.of("Latest", "LatestApplicationConsistent",
      "LatestCrashConsistent", "LatestProcessed");

  /**
   * The instant of the point of {@code type} for a failover starting at {@code start}; world
   * durations run at the sandbox's speed like every other timing ({@code delays}).
   */
  static Instant chosen(String type, Instant start, Instant origin, Delays delays) {
    WorldConfig.SiteRecoveryTiming t = delays.siteRecovery();
    Instant received = start.minus(delays.of(t.replicationLagSeconds()));
    return switch (type) {
      case "Latest" -> received;
      case "LatestProcessed", "LatestCrashConsistent" ->
          snapshot(received, origin, delays.of(t.crashConsistentMinutes() * 60));
      case "LatestApplicationConsistent" -> snapshot(received, origin, delays.of(t.appConsistentMinutes() * 60));
      default -> throw new IllegalArgumentException("unknown recoveryPointType " + type + "; known: " + TYPES);
    };
  }

  /**
   * A protected VM's last replication RPO as Azure's Protection Service states it on the item
   * ({@code rpoInSeconds}, {@code lastRpoCalculatedTime} of {@code A2AReplicationDetails},
   * {@code SiteRecovery/stable/2026-02-01/service.json}).
   */
  public record LastRpo(long seconds, Instant calculatedAt) {}

  /**
   * The sandbox's: what was still in flight ({@code replicationLagSeconds}), as calculated at the
   * last whole (world) minute since the world's origin, both at the sandbox's speed.
   */
  public static LastRpo lastRpo(Instant now, Instant origin, Delays delays) {
    Duration lag = delays.of(delays.siteRecovery().replicationLagSeconds());
    return new LastRpo(Math.round(lag.toMillis() / 1000.0), snapshot(now, origin, delays.of(60)));
  }

  /** The last snapshot at or before {@code t} of a series every {@code interval} from {@code origin}. */
  private static Instant snapshot(Instant t, Instant origin, Duration interval) {
    long every = Math.max(1, interval.toMillis());
    long since = Duration.between(origin, t).toMillis();
    return since <= 0 ? origin : origin.plusMillis(since / every * every);
  }
}
