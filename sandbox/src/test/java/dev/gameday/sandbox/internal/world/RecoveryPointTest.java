package dev.gameday.sandbox.internal.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gameday.sandbox.internal.time.Timings;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which recovery point a failover uses, by recoveryPointType, at the sandbox's speed. */
class RecoveryPointTest {
  private static final Instant ORIGIN = Instant.parse("2026-12-01T01:00:00Z");
  /** Defaults: 20 s lag, crash-consistent every 5 min, app-consistent every 60 min; speed x10. */
  private static final Delays DELAYS = new Delays(new WorldConfig.Timing(null, null, null, null,
      null, null, null), new Timings(10));

  @Test
  void latestLosesOnlyTheReplicationLag() {
    Instant start = ORIGIN.plusSeconds(100);

    assertThat(RecoveryPoint.chosen("Latest", start, ORIGIN, DELAYS)).isEqualTo(start.minusSeconds(2));
  }

  @Test
  void crashAndAppConsistentTakeTheLastSnapshotBeforeWhatWasReceived() {
    // Snapshots every 30 s (crash) and 360 s (app) at x10; received = start - 2 s = origin + 399 s.
    Instant start = ORIGIN.plusSeconds(401);

    assertThat(RecoveryPoint.chosen("LatestProcessed", start, ORIGIN, DELAYS)).isEqualTo(ORIGIN.plusSeconds(390));
    assertThat(RecoveryPoint.chosen("LatestCrashConsistent", start, ORIGIN, DELAYS))
        .isEqualTo(ORIGIN.plusSeconds(390));
    assertThat(RecoveryPoint.chosen("LatestApplicationConsistent", start, ORIGIN, DELAYS))
        .isEqualTo(ORIGIN.plusSeconds(360));
  }

  @Test
  void anUnknownTypeIsRefused() {
    assertThatThrownBy(() -> RecoveryPoint.chosen("Oldest", ORIGIN, ORIGIN, DELAYS))
        .hasMessageContaining("Latest, LatestApplicationConsistent");
  }
}
