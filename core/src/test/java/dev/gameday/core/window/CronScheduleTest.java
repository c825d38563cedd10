package dev.gameday.core.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CronScheduleTest {
  private static final ZoneId UTC = ZoneOffset.UTC;

  private static List<String> firings(String expression, String after, int count) {
    CronSchedule schedule = CronSchedule.parse(expression);
    List<String> result = new ArrayList<>();
    ZonedDateTime cursor = ZonedDateTime.parse(after);
    for (int i = 0; i < count; i++) {
      cursor = schedule.next(cursor).orElseThrow();
      result.add(cursor.toLocalDateTime().toString());
    }
    return result;
  }

  private static String utc(String localDateTime) {
    return localDateTime + "Z";
  }

  @Test
  void everyFifteenMinutesFiresOnTheQuarterHours() {
    assertThat(firings("*/15 * * * *", utc("2026-05-04T10:07"), 4))
        .containsExactly("2026-05-04T10:15", "2026-05-04T10:30", "2026-05-04T10:45",
            "2026-05-04T11:00");
  }

  @Test
  void listsFireOnEachListedValue() {
    assertThat(firings("5,40 9,17 * * *", utc("2026-05-04T00:00"), 5))
        .containsExactly("2026-05-04T09:05", "2026-05-04T09:40", "2026-05-04T17:05",
            "2026-05-04T17:40", "2026-05-05T09:05");
  }

  @Test
  void steppedRangeTakesEveryNthValueOfTheRange() {
    assertThat(firings("0 1-5/2 * * *", utc("2026-05-04T00:00"), 4))
        .containsExactly("2026-05-04T01:00", "2026-05-04T03:00", "2026-05-04T05:00",
            "2026-05-05T01:00");
  }

  @Test
  void steppedSingleValueRunsToTheFieldMaximum() {
    assertThat(firings("10/20 * * * *", utc("2026-05-04T00:00"), 4))
        .containsExactly("2026-05-04T00:10", "2026-05-04T00:30", "2026-05-04T00:50",
            "2026-05-04T01:10");
  }

  @Test
  void monthNamesAreCaseInsensitive() {
    assertThat(firings("0 0 1 JAN,jul *", utc("2026-02-01T00:00"), 3))
        .containsExactly("2026-07-01T00:00", "2027-01-01T00:00", "2027-07-01T00:00");
  }

  @Test
  void monthRangeByNames() {
    assertThat(firings("0 0 1 Nov-Dec *", utc("2026-02-01T00:00"), 3))
        .containsExactly("2026-11-01T00:00", "2026-12-01T00:00", "2027-11-01T00:00");
  }

  @Test
  void weekdayRangeByNamesSkipsTheWeekend() {
    // 2026-05-02 is a Saturday
    assertThat(firings("0 9 * * mon-FRI", utc("2026-05-02T00:00"), 6))
        .containsExactly("2026-05-04T09:00", "2026-05-05T09:00", "2026-05-06T09:00",
            "2026-05-07T09:00", "2026-05-08T09:00", "2026-05-11T09:00");
  }

  @Test
  void zeroAndSevenAreBothSunday() {
    List<String> sundays = List.of("2026-05-03T00:00", "2026-05-10T00:00");
    assertThat(firings("0 0 * * 0", utc("2026-05-01T00:00"), 2)).isEqualTo(sundays);
    assertThat(firings("0 0 * * 7", utc("2026-05-01T00:00"), 2)).isEqualTo(sundays);
    assertThat(firings("0 0 * * SUN", utc("2026-05-01T00:00"), 2)).isEqualTo(sundays);
  }

  @Test
  void rangeEndingAtSevenIncludesSunday() {
    // 2026-05-01 is a Friday
    assertThat(firings("0 0 * * 5-7", utc("2026-04-30T12:00"), 4))
        .containsExactly("2026-05-01T00:00", "2026-05-02T00:00", "2026-05-03T00:00",
            "2026-05-08T00:00");
  }

  @Test
  void lastDayOfMonthFollowsMonthLengthAndLeapYears() {
    assertThat(firings("0 0 L * *", utc("2024-01-15T00:00"), 4))
        .containsExactly("2024-01-31T00:00", "2024-02-29T00:00", "2024-03-31T00:00",
            "2024-04-30T00:00");
    assertThat(firings("0 0 L 2 *", utc("2023-01-01T00:00"), 2))
        .containsExactly("2023-02-28T00:00", "2024-02-29T00:00");
  }

  @Test
  void lastDayCanBeListedWithOtherDays() {
    assertThat(firings("0 0 15,L * *", utc("2026-04-01T00:00"), 3))
        .containsExactly("2026-04-15T00:00", "2026-04-30T00:00", "2026-05-15T00:00");
  }

  @Test
  void nthWeekdayByNameAndByNumber() {
    assertThat(firings("0 2 * * TUE#1", utc("2026-01-01T00:00"), 3))
        .containsExactly("2026-01-06T02:00", "2026-02-03T02:00", "2026-03-03T02:00");
    assertThat(firings("0 0 * * 5#3", utc("2026-01-01T00:00"), 3))
        .containsExactly("2026-01-16T00:00", "2026-02-20T00:00", "2026-03-20T00:00");
  }

  @Test
  void fifthWeekdaySkipsMonthsThatHaveOnlyFour() {
    // Fridays in 2026: January has five (30th), February and March have four.
    assertThat(firings("0 0 * * FRI#5", utc("2026-01-01T00:00"), 2))
        .containsExactly("2026-01-30T00:00", "2026-05-29T00:00");
  }

  @Test
  void lastWeekdayOfTheMonth() {
    List<String> lastFridays = List.of("2026-01-30T00:00", "2026-02-27T00:00", "2026-03-27T00:00");
    assertThat(firings("0 0 * * FRIL", utc("2026-01-01T00:00"), 3)).isEqualTo(lastFridays);
    assertThat(firings("0 0 * * 5L", utc("2026-01-01T00:00"), 3)).isEqualTo(lastFridays);
  }

  @Test
  void restrictedDayOfMonthAndDayOfWeekMatchEither() {
    // 2026-01-01 is a Thursday: Fridays 2, 9, 16 and the 13th (a Tuesday)
    assertThat(firings("0 0 13 * FRI", utc("2026-01-01T00:00"), 4))
        .containsExactly("2026-01-02T00:00", "2026-01-09T00:00", "2026-01-13T00:00",
            "2026-01-16T00:00");
  }

  @Test
  void dayOfMonthStartingWithStarMustMatchTogetherWithDayOfWeek() {
    // odd days that are Mondays (Vixie cron rule: "*/2" counts as unrestricted)
    assertThat(firings("0 0 */2 * MON", utc("2026-01-01T00:00"), 4))
        .containsExactly("2026-01-05T00:00", "2026-01-19T00:00", "2026-02-09T00:00",
            "2026-02-23T00:00");
  }

  @Test
  void nextIsStrictlyAfterTheGivenInstant() {
    CronSchedule schedule = CronSchedule.parse("30 10 * * *");
    assertThat(schedule.next(ZonedDateTime.parse("2026-05-04T10:30:00Z")).orElseThrow())
        .isEqualTo(ZonedDateTime.parse("2026-05-05T10:30:00Z"));
    assertThat(schedule.next(ZonedDateTime.parse("2026-05-04T10:29:59.999Z")).orElseThrow())
        .isEqualTo(ZonedDateTime.parse("2026-05-04T10:30:00Z"));
    assertThat(schedule.next(ZonedDateTime.parse("2026-05-04T10:30:00.001Z")).orElseThrow())
        .isEqualTo(ZonedDateTime.parse("2026-05-05T10:30:00Z"));
  }

  @Test
  void answerIsInTheZoneOfTheGivenTime() {
    ZoneId tokyo = ZoneId.of("Asia/Tokyo");
    ZonedDateTime next = CronSchedule.parse("0 9 * * *")
        .next(ZonedDateTime.of(2026, 5, 4, 12, 0, 0, 0, tokyo)).orElseThrow();
    assertThat(next).isEqualTo(ZonedDateTime.of(2026, 5, 5, 9, 0, 0, 0, tokyo));
    assertThat(next.getZone()).isEqualTo(tokyo);
  }

  @Test
  void february29thIsFoundYearsAhead() {
    assertThat(firings("0 0 29 2 *", utc("2025-03-01T00:00"), 1))
        .containsExactly("2028-02-29T00:00");
  }

  @Test
  void scheduleThatNeverFiresGivesEmptyAfterBoundedSearch() {
    long started = System.nanoTime();
    assertThat(CronSchedule.parse("0 0 30 2 *").next(ZonedDateTime.parse("2026-01-01T00:00Z")))
        .isEmpty();
    assertThat(CronSchedule.parse("0 0 31 APR,JUN,SEP,NOV *")
        .next(ZonedDateTime.parse("2026-01-01T00:00Z"))).isEmpty();
    assertThat(System.nanoTime() - started).isLessThan(2_000_000_000L);
  }

  @Test
  void expressionIsKeptStrippedForDisplay() {
    assertThat(CronSchedule.parse("  0 2 * * TUE#1 ").expression()).isEqualTo("0 2 * * TUE#1");
    assertThat(CronSchedule.parse("0  2\t* * TUE#1")).hasToString("0  2\t* * TUE#1");
  }
}
