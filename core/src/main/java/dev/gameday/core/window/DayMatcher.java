package dev.gameday.core.window;

import java.time.LocalDate;

/**
 * Decides whether a date matches the day-of-month and day-of-week fields together, with the
 * classic cron rule: when both fields are restricted (neither starts with {@code *}) a day matches
 * if either does; otherwise both must match.
 *
 * @param daysOfMonth bit {@code d} set for day-of-month {@code d}
 * @param lastDayOfMonth {@code L} in day-of-month
 * @param daysOfMonthStar the day-of-month field starts with {@code *}
 * @param daysOfWeek bit {@code w} set for weekday {@code w} (0 = Sunday)
 * @param nthWeekdays bit {@code w * 5 + (n - 1)} set for {@code w#n}
 * @param lastWeekdays bit {@code w} set for {@code wL} (last such weekday of the month)
 * @param daysOfWeekStar the day-of-week field starts with {@code *}
 */
record DayMatcher(long daysOfMonth, boolean lastDayOfMonth, boolean daysOfMonthStar,
    long daysOfWeek, long nthWeekdays, long lastWeekdays, boolean daysOfWeekStar) {

  boolean matches(LocalDate date) {
    int day = date.getDayOfMonth();
    int length = date.lengthOfMonth();
    boolean domMatches = bit(daysOfMonth, day) || (lastDayOfMonth && day == length);
    int weekday = date.getDayOfWeek().getValue() % 7;
    int occurrence = (day - 1) / 7 + 1;
    boolean dowMatches = bit(daysOfWeek, weekday)
        || bit(nthWeekdays, weekday * 5 + occurrence - 1)
        || (bit(lastWeekdays, weekday) && day + 7 > length);
    if (daysOfMonthStar || daysOfWeekStar) {
      return domMatches && dowMatches;
    }
    return domMatches || dowMatches;
  }

  private static boolean bit(long mask, int index) {
    return (mask & (1L << index)) != 0;
  }
}
