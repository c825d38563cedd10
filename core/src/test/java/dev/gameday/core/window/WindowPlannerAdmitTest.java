package dev.gameday.core.window;

import static dev.gameday.core.window.Windows.berlin;
import static dev.gameday.core.window.Windows.explicit;
import static dev.gameday.core.window.Windows.freeze;
import static dev.gameday.core.window.Windows.scheduled;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class WindowPlannerAdmitTest {
  private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
  private final WindowPlanner firstTuesdays =
      new WindowPlanner(scheduled("0 2 * * TUE#1", Duration.ofHours(1), FIVE_MINUTES));

  @Test
  void runThatFitsIsAdmittedIntoTheOpenOpening() {
    Decision decision = firstTuesdays.admit(berlin("2026-03-03T02:05"), Duration.ofMinutes(45));
    assertThat(decision).isInstanceOfSatisfying(Decision.Admitted.class, admitted ->
        assertThat(admitted.opening().start().toOffsetDateTime())
            .hasToString("2026-03-03T02:00+01:00"));
  }

  @Test
  void runEndingExactlyAtTheLatestRevertTimeFits() {
    assertThat(firstTuesdays.admit(berlin("2026-03-03T02:35"), Duration.ofMinutes(20)))
        .isInstanceOf(Decision.Admitted.class);
  }

  @Test
  void runThatDoesNotFitBeforeTheMarginIsRefused() {
    Decision decision = firstTuesdays.admit(berlin("2026-03-03T02:35"), Duration.ofMinutes(45));
    assertThat(decision).isInstanceOfSatisfying(Decision.Refused.class, refused -> {
      assertThat(refused.reason()).isEqualTo("the run needs PT45M but only PT20M remain before the"
          + " window closes (margin PT5M); the next opens at 2026-04-07T02:00:00+02:00");
      assertThat(refused.nextOpening().orElseThrow().start().toOffsetDateTime())
          .hasToString("2026-04-07T02:00+02:00");
    });
  }

  @Test
  void runInTheMarginHasNoTimeLeft() {
    Decision decision = firstTuesdays.admit(berlin("2026-03-03T02:57"), Duration.ofMinutes(1));
    assertThat(decision).isInstanceOfSatisfying(Decision.Refused.class, refused ->
        assertThat(refused.reason()).startsWith("the run needs PT1M but only PT0S remain"));
  }

  @Test
  void runOutsideTheWindowIsToldWhenTheNextOpens() {
    Decision decision = firstTuesdays.admit(berlin("2026-03-10T12:00"), Duration.ofMinutes(5));
    assertThat(decision).isInstanceOfSatisfying(Decision.Refused.class, refused -> {
      assertThat(refused.reason()).isEqualTo(
          "outside the maintenance window; the next opens at 2026-04-07T02:00:00+02:00");
      assertThat(refused.nextOpening()).isPresent();
    });
  }

  @Test
  void runDuringAFrozenOpeningIsRefusedNamingTheFreeze() {
    WindowPlanner planner = new WindowPlanner(scheduled("0 2 * * *", Duration.ofHours(2),
        FIVE_MINUTES, freeze("2026-12-24", "2026-12-26")));
    Decision decision = planner.admit(berlin("2026-12-25T02:30"), Duration.ofMinutes(5));
    assertThat(decision).isInstanceOfSatisfying(Decision.Refused.class, refused -> {
      assertThat(refused.reason()).isEqualTo("inside a freeze period (2026-12-24 to 2026-12-26):"
          + " the opening at 2026-12-25T02:00:00+01:00 is cancelled;"
          + " the next opens at 2026-12-27T02:00:00+01:00");
      assertThat(refused.nextOpening().orElseThrow().start().toLocalDate())
          .hasToString("2026-12-27");
    });
  }

  @Test
  void runAfterAnExplicitWindowIsToldItClosed() {
    WindowPlanner planner = new WindowPlanner(explicit(ZonedDateTime.parse("2026-06-13T20:00Z"),
        ZonedDateTime.parse("2026-06-13T23:00Z"), FIVE_MINUTES));
    Decision decision = planner.admit(Instant.parse("2026-06-14T08:00:00Z"), Duration.ofMinutes(5));
    assertThat(decision).isInstanceOfSatisfying(Decision.Refused.class, refused -> {
      assertThat(refused.reason()).isEqualTo("outside the maintenance window; the window closed at"
          + " 2026-06-14T01:00:00+02:00");
      assertThat(refused.nextOpening()).isEmpty();
    });
  }

  @Test
  void runBeforeAnExplicitWindowIsToldWhenItOpens() {
    WindowPlanner planner = new WindowPlanner(explicit(ZonedDateTime.parse("2026-06-13T20:00Z"),
        ZonedDateTime.parse("2026-06-13T23:00Z"), FIVE_MINUTES));
    Decision decision = planner.admit(Instant.parse("2026-06-13T08:00:00Z"), Duration.ofMinutes(5));
    assertThat(decision).isInstanceOfSatisfying(Decision.Refused.class, refused ->
        assertThat(refused.reason()).isEqualTo(
            "outside the maintenance window; the next opens at 2026-06-13T22:00:00+02:00"));
  }

  @Test
  void everyDecisionIsOneOfTwoKinds() {
    Decision decision = firstTuesdays.admit(berlin("2026-03-03T02:05"), Duration.ofMinutes(5));
    String shown = switch (decision) {
      case Decision.Admitted admitted -> "admitted until " + admitted.opening().latestRevertBy();
      case Decision.Refused refused -> refused.reason();
    };
    assertThat(shown).isEqualTo("admitted until 2026-03-03T01:55:00Z");
  }
}
