package dev.gameday.core.load;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as the experiment format writes them: ISO-8601 ({@code PT30S}, {@code PT0.5S},
 * {@code P1D}, and {@code PT800MS} for milliseconds) or the short form ({@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h},
 * {@code 1h30m}, {@code 1d}) where {@code m} is always minutes. Same grammar as the schema's
 * {@code $defs/duration} pattern.
 */
public final class Durations {

  private static final Pattern ISO =
      Pattern.compile("P(?=\\d|T\\d)(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+(\\.\\d{1,9})?S)?((\\d+)MS)?)?");
  private static final Pattern SHORT =
      Pattern.compile("(?=\\d)(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?(?:(\\d+)ms)?");

  /** How a user should write a duration, for hints. */
  public static final String FORMS = "write ISO-8601 like PT30S, PT0.5S, PT1H30M or short form like 500ms, 30s, 5m, 1h30m";

  private Durations() {}

  /** The duration, or empty if the text is not one of the two forms (or overflows). */
  public static Optional<Duration> parse(String text) {
    try {
      Matcher iso = ISO.matcher(text);
      if (iso.matches()) {
        if (iso.group(7) == null) {
          return Optional.of(Duration.parse(text));
        }
        String rest = text.substring(0, text.length() - iso.group(7).length());
        Duration base = rest.equals("PT") ? Duration.ZERO : Duration.parse(rest.endsWith("T") ? rest.substring(0, rest.length() - 1) : rest);
        return Optional.of(base.plusMillis(Long.parseLong(iso.group(8))));
      }
      Matcher m = SHORT.matcher(text);
      if (m.matches()) {
        Duration d = Duration.ZERO;
        d = d.plusDays(group(m, 1)).plusHours(group(m, 2)).plusMinutes(group(m, 3));
        d = d.plusSeconds(group(m, 4)).plusMillis(group(m, 5));
        return Optional.of(d);
      }
    } catch (ArithmeticException | java.time.format.DateTimeParseException | NumberFormatException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static long group(Matcher m, int i) {
    String g = m.group(i);
    return g == null ? 0 : Long.parseLong(g);
  }
}
