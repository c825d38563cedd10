package dev.gameday.reports.analysis;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/** A value an objective is stated in: a duration or a ratio. */
public sealed interface Measure {

  /** The value for people, e.g. {@code 1 min 35 s} or {@code 4.20 %}. */
  String human();

  /**
   * The value at a precision {@code level}: 0 is {@link #human()}; each level above adds a digit
   * (a duration in seconds with 1 to 3 decimals, a ratio in percent with 3 to 5 decimals).
   */
  String human(int level);

  /** The most precise level there is. */
  int MAX_LEVEL = 3;

  /**
   * The least precision at which {@code a} and {@code b} read differently, so that a verdict
   * shows why it passed or missed ("11.4 s against 10.5 s", not "11 s against 11 s"); 0 when they
   * are equal or differ at every level.
   */
  static int level(Measure a, Measure b) {
    if (a.equals(b)) {
      return 0;
    }
    for (int level = 0; level < MAX_LEVEL; level++) {
      if (a.rounded(level) != b.rounded(level)) {
        return level;
      }
    }
    return MAX_LEVEL;
  }

  /** The least precision that shows this value exactly (10.5 s needs one decimal, 60 s none). */
  default int exactLevel() {
    for (int level = 0; level < MAX_LEVEL; level++) {
      if (rounded(level) == rounded(MAX_LEVEL)) {
        return level;
      }
    }
    return MAX_LEVEL;
  }

  /** A measured value and its limit as a verdict shows them: same precision, enough digits. */
  record Judged(String measured, String limit) {}

  /** {@code measured} against {@code limit}, each at the precision the verdict needs. */
  static Judged judged(Measure measured, Measure limit) {
    int level = Math.max(limit.exactLevel(), level(measured, limit));
    return new Judged(measured.human(level), limit.human(level));
  }

  /** The same, for durations. */
  static Judged judged(Duration measured, Duration limit) {
    return judged(new Time(measured), new Time(limit));
  }

  /**
   * The value as {@link #human(int)} rounds it, as a number on one scale for every level (so
   * values rounded at different levels compare).
   */
  long rounded(int level);

  /** A duration. */
  record Time(Duration value) implements Measure {
    public Time {
      Objects.requireNonNull(value, "value");
    }

    public String human() {
      return Durations.human(value);
    }

    public String human(int level) {
      return level <= 0 ? human() : String.format(Locale.ROOT, "%." + level + "f s",
          value.toNanos() / 1e9);
    }

    public long rounded(int level) {
      long ms = value.toMillis();
      long unit = level > 0 ? (long) Math.pow(10, MAX_LEVEL - level)
          : Math.abs(ms) < 1000 ? 1 : Math.abs(ms) < 10_000 ? 100 : 1000;
      return Math.round(ms / (double) unit) * unit;
    }
  }

  /** A ratio in 0..1. */
  record Ratio(double value) implements Measure {
    public String human() {
      return human(0);
    }

    public String human(int level) {
      return String.format(Locale.ROOT, "%." + (2 + Math.max(0, level)) + "f %%", value * 100);
    }

    public long rounded(int level) {
      int l = Math.max(0, level);
      return Math.round(value * Math.pow(10, 4 + l)) * (long) Math.pow(10, MAX_LEVEL - l);
    }
  }

  /** True when {@code measured} does not exceed {@code limit} (both of the same kind). */
  static boolean within(Measure measured, Measure limit) {
    return switch (measured) {
      case Time t -> limit instanceof Time l && t.value().compareTo(l.value()) <= 0;
      case Ratio r -> limit instanceof Ratio l && r.value() <= l.value();
    };
  }
}
