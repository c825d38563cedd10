package dev.gameday.reports.render;

import java.util.Locale;

/** Small helpers for writing inline SVG by hand: numbers, ticks and text width estimates. */
final class Svg {
  private Svg() {}

  static String n(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return "0";
    }
    String s = String.format(Locale.ROOT, "%.1f", v);
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }

  /** A "nice" tick step (1, 2 or 5 times a power of ten) for {@code span} in about {@code n} ticks. */
  static double tickStep(double span, int n) {
    if (span <= 0) {
      return 1;
    }
    double raw = span / n;
    double pow = Math.pow(10, Math.floor(Math.log10(raw)));
    double f = raw / pow;
    double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
    return nice * pow;
  }

  /** A step in seconds that reads well on a time axis (1, 2, 5, 10, 15, 30 s, 1, 2, 5... min). */
  static double timeStep(double spanSeconds, int n) {
    double[] steps = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400};
    double raw = spanSeconds / Math.max(1, n);
    for (double s : steps) {
      if (s >= raw) {
        return s;
      }
    }
    return tickStep(spanSeconds, n);
  }

  /** A tick label for {@code seconds} relative to an origin, e.g. {@code +30 s}, {@code 12 min}. */
  static String timeLabel(double seconds, boolean signed) {
    String sign = signed ? (seconds < 0 ? "−" : "+") : (seconds < 0 ? "−" : "");
    double a = Math.abs(seconds);
    if (a < 120) {
      return sign + n(a) + " s";
    }
    if (a < 7200) {
      return sign + n(a / 60) + " min";
    }
    return sign + n(a / 3600) + " h";
  }

  /** A rough width of {@code text} at 11px sans-serif, for laying out labels. */
  static double textWidth(String text, double fontSize) {
    return text.length() * fontSize * 0.56;
  }
}
