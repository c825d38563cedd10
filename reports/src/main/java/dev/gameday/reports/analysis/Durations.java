package dev.gameday.reports.analysis;

import java.time.Duration;
import java.util.Locale;

/** Formats durations for people: {@code 850 ms}, {@code 48 s}, {@code 2 min 5 s}, {@code -12 s}. */
public final class Durations {
  private Durations() {}

  public static String human(Duration d) {
    if (d.isNegative()) {
      return "-" + human(d.negated());
    }
    long ms = d.toMillis();
    if (ms < 1000) {
      return ms + " ms";
    }
    if (ms < 10_000) {
      return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
    long s = Math.round(ms / 1000.0);
    if (s < 120) {
      return s + " s";
    }
    long h = s / 3600;
    long m = (s % 3600) / 60;
    long rest = s % 60;
    if (h > 0) {
      return h + " h " + m + " min";
    }
    return rest == 0 ? m + " min" : m + " min " + rest + " s";
  }

  /** Seconds with millisecond precision, for machine-readable output. */
  public static double seconds(Duration d) {
    return d.toMillis() / 1000.0;
  }
}
