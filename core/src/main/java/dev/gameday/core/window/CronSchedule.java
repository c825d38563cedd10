package dev.gameday.core.window;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Optional;

/**
 * A five-field cron schedule ({@code minute hour day-of-month month day-of-week}) that answers
 * "when does it fire next?" in a given time zone. Immutable and thread-safe.
 *
 * <p>Dialect: {@code *}, lists ({@code 1,15}), ranges ({@code 1-5}), steps ({@code *}{@code /15},
 * {@code 1-5/2}, {@code 10/15} = from 10 to the field's maximum), month names {@code JAN}-{@code DEC}
 * and weekday names {@code SUN}-{@code SAT} (case-insensitive; 0 and 7 are Sunday), {@code L} in
 * day-of-month (the last day of the month), {@code w#n} in day-of-week (the n-th such weekday of
 * the month, n = 1..5, e.g. {@code TUE#1}) and {@code wL} in day-of-week (the last such weekday,
 * e.g. {@code FRIL}, {@code 5L}). When both day-of-month and day-of-week are restricted (neither
 * starts with {@code *}) a day matches if <em>either</em> matches, as in Vixie cron and cronie.
 *
 * <p>Daylight saving: a local time that does not exist (spring-forward gap) fires at the first
 * valid instant after the gap, i.e. the instant of the transition; a local time that exists twice
 * (fall-back overlap) fires once, at the earlier offset.
 */
public final class CronSchedule {
  /** How far {@link #next} searches before deciding the schedule never fires. */
  public static final int SEARCH_YEARS = 8;

  private final String expression;
  private final long minutes;
  private final long hours;
  private final long months;
  private final DayMatcher days;

  CronSchedule(String expression, long minutes, long hours, long months, DayMatcher days) {
    this.expression = expression;
    this.minutes = minutes;
    this.hours = hours;
    this.months = months;
    this.days = days;
  }

  /**
   * Parses a five-field expression.
   *
   * @throws InvalidCronExpressionException (an {@link IllegalArgumentException}) naming the field
   *     at fault and what is wrong with it
   */
  public static CronSchedule parse(String expression) {
    return CronParser.parse(expression);
  }

  /** The expression, stripped of surrounding blanks. */
  public String expression() {
    return expression;
  }

  /**
   * The first firing strictly after {@code after}, in {@code after}'s zone; empty if the schedule
   * does not fire within {@value #SEARCH_YEARS} years (e.g. {@code 0 0 30 2 *}).
   */
  public Optional<ZonedDateTime> next(ZonedDateTime after) {
    ZoneId zone = after.getZone();
    LocalDateTime from = after.toLocalDateTime().truncatedTo(ChronoUnit.MINUTES);
    LocalDate first = from.toLocalDate();
    LocalDate limit = first.plusYears(SEARCH_YEARS);
    for (LocalDate day = first; !day.isAfter(limit); day = day.plusDays(1)) {
      if (!has(months, day.getMonthValue())) {
        day = day.withDayOfMonth(day.lengthOfMonth());
        continue;
      }
      if (!days.matches(day)) {
        continue;
      }
      int firstMinuteOfDay = day.equals(first) ? from.getHour() * 60 + from.getMinute() : 0;
      Optional<ZonedDateTime> found = firstInDay(day, firstMinuteOfDay, after, zone);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private Optional<ZonedDateTime> firstInDay(LocalDate day, int firstMinuteOfDay,
      ZonedDateTime after, ZoneId zone) {
    for (int hour = firstMinuteOfDay / 60; hour < 24; hour++) {
      if (!has(hours, hour)) {
        continue;
      }
      for (int minute = 0; minute < 60; minute++) {
        if (!has(minutes, minute) || hour * 60 + minute < firstMinuteOfDay) {
          continue;
        }
        ZonedDateTime at = resolve(day.atTime(hour, minute), zone);
        if (at.isAfter(after)) {
          return Optional.of(at);
        }
      }
    }
    return Optional.empty();
  }

  /** Local time to instant: gap → the transition instant; overlap → the earlier offset. */
  private static ZonedDateTime resolve(LocalDateTime local, ZoneId zone) {
    ZoneRules rules = zone.getRules();
    if (rules.getValidOffsets(local).isEmpty()) {
      ZoneOffsetTransition gap = rules.getTransition(local);
      return ZonedDateTime.ofInstant(gap.getInstant(), zone);
    }
    return ZonedDateTime.ofLocal(local, zone, rules.getValidOffsets(local).get(0));
  }

  private static boolean has(long mask, int value) {
    return (mask & (1L << value)) != 0;
  }

  @Override
  public String toString() {
    return expression;
  }
}
