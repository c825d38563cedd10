package dev.gameday.core.window;

import static dev.gameday.core.window.Windows.berlin;
import static dev.gameday.core.window.Windows.explicit;
import static dev.gameday.core.window.Windows.freeze;
import static dev.gameday.core.window.Windows.scheduled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gameday.core.model.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WindowPlannerTest {
  private static final Duration TWO_HOURS = Duration.ofHours(2);
  private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

  private static List<String> starts(List<Opening> openings) {
    return openings.stream().map(o -> o.start().toOffsetDateTime().toString()).toList();
  }

  @Test
  void nextListsOpeningsWithEndAndLatestRevertTime() {
    WindowPlanner planner = new WindowPlanner(scheduled("0 2 * * TUE#1", TWO_HOURS, FIVE_MINUTES));
    List<Opening> openings = planner.next(berlin("2026-02-10T00:00"), 3);

    assertThat(starts(openings)).containsExactly(
        "2026-03-03T02:00+01:00", "2026-04-07T02:00+02:00", "2026-05-05T02:00+02:00");
    Opening april = openings.get(1);
    assertThat(april.end().toOffsetDateTime()).hasToString("2026-04-07T04:00+02:00");
    assertThat(april.latestRevertBy()).isEqualTo(Instant.parse("2026-04-07T01:55:00Z"));
    assertThat(april.start().getZone()).isEqualTo(Windows.BERLIN);
  }

  @Test
  void openingsStartingOnFrozenDaysAreSkipped() {
    WindowPlanner planner = new WindowPlanner(scheduled("0 2 * * TUE#1", TWO_HOURS, FIVE_MINUTES,
        freeze("2026-12-20", "2027-01-06")));
    assertThat(starts(planner.next(berlin("2026-11-15T00:00"), 3))).containsExactly(
        "2026-12-01T02:00+01:00", "2027-02-02T02:00+01:00", "2027-03-02T02:00+01:00");
  }

  @Test
  void freezeBoundariesAreInclusiveDates() {
    WindowPlanner planner = new WindowPlanner(scheduled("0 23 * * *", Duration.ofHours(1),
        FIVE_MINUTES, freeze("2026-12-24", "2026-12-26")));
    assertThat(starts(planner.next(berlin("2026-12-23T00:00"), 2))).containsExactly(
        "2026-12-23T23:00+01:00", "2026-12-27T23:00+01:00");
  }

  @Test
  void openingThatStartsRightAfterAFreezeIsKept() {
    WindowPlanner planner = new WindowPlanner(scheduled("0 0 * * *", Duration.ofHours(1),
        FIVE_MINUTES, freeze("2026-12-24", "2026-12-26")));
    assertThat(starts(planner.next(berlin("2026-12-23T12:00"), 2))).containsExactly(
        "2026-12-27T00:00+01:00", "2026-12-28T00:00+01:00");
  }

  @Test
  void nextIncludesTheOpeningThatIsOpenAtFrom() {
    WindowPlanner planner = new WindowPlanner(scheduled("0 2 * * TUE#1", TWO_HOURS, FIVE_MINUTES));
    assertThat(starts(planner.next(berlin("2026-03-03T03:00"), 2))).containsExactly(
        "2026-03-03T02:00+01:00", "2026-04-07T02:00+02:00");
    assertThat(starts(planner.next(berlin("2026-03-03T04:00"), 1))).containsExactly(
        "2026-04-07T02:00+02:00");
  }

  @Test
  void nextWithCountZeroIsEmptyAndNegativeCountIsRejected() {
    WindowPlanner planner = new WindowPlanner(scheduled("0 2 * * *", TWO_HOURS, FIVE_MINUTES));
    assertThat(planner.next(berlin("2026-03-03T03:00"), 0)).isEmpty();
    assertThatThrownBy(() -> planner.next(berlin("2026-03-03T03:00"), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void currentFindsTheOpeningThatStartedBeforeNow() {
    WindowPlanner planner = new WindowPlanner(scheduled("0 2 * * TUE#1", TWO_HOURS, FIVE_MINUTES));
    Optional<Opening> open = planner.current(berlin("2026-03-03T03:30"));
    assertThat(open).isPresent();
    assertThat(open.get().start().toOffsetDateTime()).hasToString("2026-03-03T02:00+01:00");
    assertThat(open.get().remaining(berlin("2026-03-03T03:30"))).isEqualTo(Duration.ofMinutes(25));
  }

  @Test
  void currentIsOpenFromStartInclusiveToEndExclusive() {
    WindowPlanner planner = new WindowPlanner(scheduled("0 2 * * TUE#1", TWO_HOURS, FIVE_MINUTES));
    assertThat(planner.current(berlin("2026-03-03T01:59:59"))).isEmpty();
    assertThat(planner.current(berlin("2026-03-03T02:00"))).isPresent();
    assertThat(planner.current(berlin("2026-03-03T03:59:59"))).isPresent();
    assertThat(planner.current(berlin("2026-03-03T04:00"))).isEmpty();
    assertThat(planner.current(berlin("2026-03-10T02:30"))).isEmpty();
  }

  @Test
  void currentSkipsAFrozenOpening() {
    WindowPlanner planner = new WindowPlanner(scheduled("0 2 * * *", TWO_HOURS, FIVE_MINUTES,
        freeze("2026-12-24", "2026-12-26")));
    assertThat(planner.current(berlin("2026-12-25T02:30"))).isEmpty();
    assertThat(planner.current(berlin("2026-12-27T02:30"))).isPresent();
  }

  @Test
  void openingMovedByTheSpringGapStartsAtTheJumpAndKeepsItsLength() {
    WindowPlanner planner = new WindowPlanner(scheduled("30 2 * * *", Duration.ofHours(1),
        FIVE_MINUTES));
    Opening open = planner.current(berlin("2026-03-29T03:30")).orElseThrow();
    assertThat(open.start().toOffsetDateTime()).hasToString("2026-03-29T03:00+02:00");
    assertThat(open.end().toOffsetDateTime()).hasToString("2026-03-29T04:00+02:00");
  }

  @Test
  void openingOverTheAutumnChangeLastsItsDurationInRealTime() {
    WindowPlanner planner = new WindowPlanner(scheduled("0 1 * * SUN", TWO_HOURS, FIVE_MINUTES));
    Opening opening = planner.next(berlin("2026-10-24T00:00"), 1).get(0);
    assertThat(opening.start().toOffsetDateTime()).hasToString("2026-10-25T01:00+02:00");
    assertThat(opening.end().toOffsetDateTime()).hasToString("2026-10-25T02:00+01:00");
  }

  @Test
  void overlappingOpeningsYieldTheOneThatClosesLast() {
    WindowPlanner planner = new WindowPlanner(scheduled("0 * * * *", TWO_HOURS, FIVE_MINUTES));
    Opening open = planner.current(berlin("2026-05-04T10:30")).orElseThrow();
    assertThat(open.start().toOffsetDateTime()).hasToString("2026-05-04T10:00+02:00");
  }

  @Test
  void explicitWindowIsListedUntilItIsOver() {
    ZonedDateTime start = ZonedDateTime.parse("2026-06-13T20:00:00Z");
    ZonedDateTime end = ZonedDateTime.parse("2026-06-13T23:00:00Z");
    WindowPlanner planner = new WindowPlanner(explicit(start, end, FIVE_MINUTES));

    List<Opening> before = planner.next(Instant.parse("2026-06-01T00:00:00Z"), 5);
    assertThat(starts(before)).containsExactly("2026-06-13T22:00+02:00");
    assertThat(before.get(0).end().toOffsetDateTime()).hasToString("2026-06-14T01:00+02:00");
    assertThat(planner.next(Instant.parse("2026-06-13T21:00:00Z"), 5)).hasSize(1);
    assertThat(planner.next(Instant.parse("2026-06-13T23:00:00Z"), 5)).isEmpty();
  }

  @Test
  void explicitWindowIsCurrentOnlyBetweenStartAndEnd() {
    WindowPlanner planner = new WindowPlanner(explicit(ZonedDateTime.parse("2026-06-13T20:00:00Z"),
        ZonedDateTime.parse("2026-06-13T23:00:00Z"), FIVE_MINUTES));
    assertThat(planner.current(Instant.parse("2026-06-13T19:59:00Z"))).isEmpty();
    assertThat(planner.current(Instant.parse("2026-06-13T21:00:00Z"))).isPresent();
    assertThat(planner.current(Instant.parse("2026-06-13T23:00:00Z"))).isEmpty();
  }

  @Test
  void invalidWindowsAreRejected() {
    assertThatThrownBy(() -> new WindowPlanner(new Window(Windows.BERLIN, Optional.of("0 2 * * *"),
        Optional.empty(), Optional.empty(), Optional.empty(), List.of(), FIVE_MINUTES)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a duration");
    assertThatThrownBy(() -> new WindowPlanner(scheduled("0 2 * * *", FIVE_MINUTES, FIVE_MINUTES)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("margin PT5M must be at least zero and shorter than the window's"
            + " length PT5M");
    assertThatThrownBy(() -> new WindowPlanner(scheduled("0 2 * * TUE#6", TWO_HOURS,
        FIVE_MINUTES))).isInstanceOf(InvalidCronExpressionException.class);
    assertThatThrownBy(() -> new WindowPlanner(explicit(ZonedDateTime.parse("2026-06-13T23:00Z"),
        ZonedDateTime.parse("2026-06-13T20:00Z"), FIVE_MINUTES)))
        .hasMessageContaining("length must be positive");
  }
}
