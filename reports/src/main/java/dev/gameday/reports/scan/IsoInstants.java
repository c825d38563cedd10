package dev.gameday.reports.scan;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Parses the ISO-8601 UTC instants the journal writes ({@code 2026-03-03T02:00:00.123456Z})
 * without the cost of a {@code DateTimeFormatter}; anything else goes to {@link Instant#parse}.
 * Probe samples carry one each, millions per run.
 */
final class IsoInstants {
  private IsoInstants() {}

  static Instant parse(String s) {
    int n = s.length();
    if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
        || s.charAt(13) != ':' || s.charAt(16) != ':' || s.charAt(n - 1) != 'Z') {
      return Instant.parse(s);
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 7);
    int day = digits(s, 8, 10);
    int hour = digits(s, 11, 13);
    int minute = digits(s, 14, 16);
    int second = digits(s, 17, 19);
    int nanos = 0;
    if (n > 20) {
      if (s.charAt(19) != '.' || n - 21 > 9 || n - 21 < 1) {
        return Instant.parse(s);
      }
      nanos = digits(s, 20, n - 1);
      for (int i = n - 21; i < 9; i++) {
        nanos *= 10;
      }
    }
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59
        || second > 59 || nanos < 0) {
      return Instant.parse(s);
    }
    long epochDay = LocalDate.of(year, month, day).toEpochDay();
    return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600L + minute * 60L + second, nanos);
  }

  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      int d = s.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return -1_000_000_000;
      }
      v = v * 10 + d;
    }
    return v;
  }
}
