package dev.gameday.probes.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FixedRateTest {
  private static final long MS = 1_000_000;
  private final FixedRate rate = new FixedRate(1_000 * MS, 100 * MS);

  @Test
  void ticksAreDueAtStartPlusKIntervalsWithoutDrift() {
    assertThat(rate.slot(0)).isEqualTo(1_000 * MS);
    assertThat(rate.slot(10_000)).isEqualTo(1_000 * MS + 10_000 * 100 * MS);
  }

  @Test
  void aTickLateByLessThanAnIntervalStillFires() {
    FixedRate.Decision d = rate.decide(3, rate.slot(3) + 99 * MS);
    assertThat(d.run()).isEqualTo(3);
    assertThat(d.missedCount()).isZero();
  }

  @Test
  void ticksMoreThanAnIntervalLateAreSkippedNotBurst() {
    // The timer wakes 350 ms after tick 3 was due: ticks 3, 4, 5 are gone, tick 6 fires.
    FixedRate.Decision d = rate.decide(3, rate.slot(3) + 350 * MS);
    assertThat(d.firstMissed()).isEqualTo(3);
    assertThat(d.run()).isEqualTo(6);
    assertThat(d.missedCount()).isEqualTo(3);
  }

  @Test
  void aWakeUpBeforeTheSlotFiresThatTick() {
    FixedRate.Decision d = rate.decide(2, rate.slot(2) - MS);
    assertThat(d.run()).isEqualTo(2);
    assertThat(d.missedCount()).isZero();
  }

  @Test
  void aRateFromNowKeepsTheOffsetAndStartsNoSoonerThanTheDelay() {
    assertThat(FixedRate.from(5_000 * MS, 30 * MS, 0, 100 * MS).slot(0)).isEqualTo(5_030 * MS);
    assertThat(FixedRate.from(5_000 * MS, 30 * MS, 30 * MS, 100 * MS).slot(0))
        .isEqualTo(5_030 * MS);
    assertThat(FixedRate.from(5_000 * MS, 30 * MS, 31 * MS, 100 * MS).slot(0))
        .isEqualTo(5_130 * MS);
    assertThat(FixedRate.from(5_000 * MS, 30 * MS, 250 * MS, 100 * MS).slot(0))
        .isEqualTo(5_330 * MS);
  }
}
