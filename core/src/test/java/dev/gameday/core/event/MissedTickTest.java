package dev.gameday.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MissedTickTest {
  @Test
  void writesTheReasonsJournalsHaveAlwaysHeld() {
    assertThat(MissedTick.stillRunning().reason()).isEqualTo("previous request still running");
    assertThat(MissedTick.timerLate(350, 0).reason())
        .isEqualTo("timer late by 350 ms; tick skipped");
    assertThat(MissedTick.timerLate(900, 12).reason())
        .isEqualTo("timer late by 900 ms; tick skipped (12 more ticks skipped)");
  }

  @Test
  void readsBackCauseLatenessAndTheTicksASampleStandsFor() {
    assertThat(MissedTick.parse("previous request still running"))
        .isEqualTo(MissedTick.stillRunning());
    assertThat(MissedTick.parse("timer late by 900 ms; tick skipped (12 more ticks skipped)"))
        .isEqualTo(new MissedTick(MissedTick.Cause.TIMER_LATE, 900, 13));
    assertThat(MissedTick.parse("something new")).isEqualTo(
        new MissedTick(MissedTick.Cause.OTHER, 0, 1));
  }
}
