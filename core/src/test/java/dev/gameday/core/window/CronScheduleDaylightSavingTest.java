package dev.gameday.core.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** EU clocks change on 2026-03-29 and 2026-10-25, US clocks on 2026-03-08 and 2026-11-01. */
class CronScheduleDaylightSavingTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private static List<ZonedDateTime> firings(String expression, ZonedDateTime after, int count) {
    CronSchedule schedule = CronSchedule.parse(expression);
    List<ZonedDateTime> result = new ArrayList<>();
    ZonedDateTime cursor = after;
    for (int i = 0; i < count; i++) {
      cursor = schedule.next(cursor).orElseThrow();
      result.add(cursor);
    }
    return result;
  }

  private static List<String> offsetTimes(List<ZonedDateTime> times) {
    return times.stream().map(t -> t.toOffsetDateTime().toString()).toList();
  }

  private static ZonedDateTime at(String localDateTime, ZoneId zone) {
    return java.time.LocalDateTime.parse(localDateTime).atZone(zone);
  }

  @Test
  void firstTuesdaysAtTwoInBerlinCarryTheRightOffsetAcrossBothChanges() {
    List<ZonedDateTime> firings = firings("0 2 * * TUE#1", at("2026-01-01T00:00", BERLIN), 12);
    assertThat(offsetTimes(firings)).containsExactly(
        "2026-01-06T02:00+01:00", "2026-02-03T02:00+01:00", "2026-03-03T02:00+01:00",
        "2026-04-07T02:00+02:00", "2026-05-05T02:00+02:00", "2026-06-02T02:00+02:00",
        "2026-07-07T02:00+02:00", "2026-08-04T02:00+02:00", "2026-09-01T02:00+02:00",
        "2026-10-06T02:00+02:00", "2026-11-03T02:00+01:00", "2026-12-01T02:00+01:00");
    assertThat(firings.get(2).toInstant()).isEqualTo(Instant.parse("2026-03-03T01:00:00Z"));
    assertThat(firings.get(3).toInstant()).isEqualTo(Instant.parse("2026-04-07T00:00:00Z"));
    assertThat(firings.get(9).toInstant()).isEqualTo(Instant.parse("2026-10-06T00:00:00Z"));
    assertThat(firings.get(10).toInstant()).isEqualTo(Instant.parse("2026-11-03T01:00:00Z"));
  }

  @Test
  void timeInTheSpringGapRunsWhenTheClockJumpsInBerlin() {
    List<ZonedDateTime> firings = firings("30 2 * * *", at("2026-03-28T12:00", BERLIN), 2);
    assertThat(offsetTimes(firings))
        .containsExactly("2026-03-29T03:00+02:00", "2026-03-30T02:30+02:00");
    assertThat(firings.get(0).toInstant()).isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
  }

  @Test
  void timeInTheSpringGapRunsWhenTheClockJumpsInNewYork() {
    List<ZonedDateTime> firings = firings("30 2 * * *", at("2026-03-07T12:00", NEW_YORK), 2);
    assertThat(offsetTimes(firings))
        .containsExactly("2026-03-08T03:00-04:00", "2026-03-09T02:30-04:00");
    assertThat(firings.get(0).toInstant()).isEqualTo(Instant.parse("2026-03-08T07:00:00Z"));
  }

  @Test
  void severalTimesInTheGapFireOnlyOnce() {
    assertThat(offsetTimes(firings("*/15 2 * * *", at("2026-03-29T00:00", BERLIN), 2)))
        .containsExactly("2026-03-29T03:00+02:00", "2026-03-30T02:00+02:00");
  }

  @Test
  void timeInTheAutumnOverlapFiresOnceAtTheEarlierOffsetInBerlin() {
    List<ZonedDateTime> firings = firings("30 2 * * *", at("2026-10-24T12:00", BERLIN), 2);
    assertThat(offsetTimes(firings))
        .containsExactly("2026-10-25T02:30+02:00", "2026-10-26T02:30+01:00");
    assertThat(firings.get(0).toInstant()).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
  }

  @Test
  void askingDuringTheRepeatedHourDoesNotFireTheOverlapAgain() {
    // 02:10+01:00 is the second pass through 02:10; 02:30+02:00 already happened an hour ago.
    ZonedDateTime secondPass = ZonedDateTime.ofInstant(Instant.parse("2026-10-25T01:10:00Z"), BERLIN);
    assertThat(secondPass.getOffset().getTotalSeconds()).isEqualTo(3600);
    assertThat(CronSchedule.parse("30 2 * * *").next(secondPass).orElseThrow().toOffsetDateTime())
        .hasToString("2026-10-26T02:30+01:00");
  }

  @Test
  void timeInTheAutumnOverlapFiresOnceInNewYork() {
    assertThat(offsetTimes(firings("30 1 * * *", at("2026-10-31T12:00", NEW_YORK), 2)))
        .containsExactly("2026-11-01T01:30-04:00", "2026-11-02T01:30-05:00");
  }

  @Test
  void hourlyScheduleRunsEachLocalTimeOnceOnTheAutumnChange() {
    assertThat(offsetTimes(firings("0 * * * *", at("2026-10-25T00:30", BERLIN), 4)))
        .containsExactly("2026-10-25T01:00+02:00", "2026-10-25T02:00+02:00",
            "2026-10-25T03:00+01:00", "2026-10-25T04:00+01:00");
  }
}
