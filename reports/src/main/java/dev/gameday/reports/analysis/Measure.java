package dev.gameday.reports.analysis;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/** A value an objective is stated in: a duration or a ratio. */
public sealed interface Measure {

  /** The value for people, e.g. {@code 1 min 35 s} or {@code 4.2 %}. */
  String human();

  /** A duration. */
  record Time(Duration value) implements Measure {
    public Time {
      Objects.requireNonNull(value, "value");
    }

    public String human() {
      return Durations.human(value);
    }
  }

  /** A ratio in 0..1. */
  record Ratio(double value) implements Measure {
    public String human() {
      return String.format(Locale.ROOT, "%.2f %%", value * 100);
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
