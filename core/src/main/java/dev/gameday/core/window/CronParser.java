package dev.gameday.core.window;

import java.util.OptionalInt;
import java.util.regex.Pattern;

/** Turns the text of a five-field cron expression into bit masks; see {@link CronSchedule}. */
final class CronParser {
  private static final Pattern DIGITS = Pattern.compile("\\d+");
  private static final Pattern UNSUPPORTED_DAY_OF_MONTH =
      Pattern.compile("(?i)L.+|\\d*W");
  private static final int MAX_OCCURRENCE = 5;

  private final String expression;

  private CronParser(String expression) {
    this.expression = expression;
  }

  static CronSchedule parse(String expression) {
    if (expression == null) {
      throw new InvalidCronExpressionException("null", null, "the expression is missing");
    }
    return new CronParser(expression).parse();
  }

  private CronSchedule parse() {
    String trimmed = expression.strip();
    String[] fields = trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+");
    if (fields.length != CronField.values().length) {
      throw new InvalidCronExpressionException(expression, null,
          "expected 5 fields (minute hour day-of-month month day-of-week) but found "
              + fields.length);
    }
    long minutes = plainField(CronField.MINUTE, fields[0]);
    long hours = plainField(CronField.HOUR, fields[1]);
    long months = plainField(CronField.MONTH, fields[3]);
    DayMatcher days = dayFields(fields[2], fields[4]);
    return new CronSchedule(trimmed, minutes, hours, months, days);
  }

  private long plainField(CronField field, String text) {
    long mask = 0;
    for (String element : elements(field, text)) {
      mask |= rangeElement(field, element);
    }
    return mask;
  }

  private DayMatcher dayFields(String domText, String dowText) {
    long daysOfMonth = 0;
    boolean last = false;
    for (String element : elements(CronField.DAY_OF_MONTH, domText)) {
      if (element.equalsIgnoreCase("L")) {
        last = true;
      } else if (UNSUPPORTED_DAY_OF_MONTH.matcher(element).matches()) {
        throw error(CronField.DAY_OF_MONTH, "\"" + element
            + "\" is not supported; only a plain L (last day of the month) is");
      } else {
        daysOfMonth |= rangeElement(CronField.DAY_OF_MONTH, element);
      }
    }
    long daysOfWeek = 0;
    long nth = 0;
    long lastWeekdays = 0;
    for (String element : elements(CronField.DAY_OF_WEEK, dowText)) {
      int hash = element.indexOf('#');
      if (hash >= 0) {
        int weekday = singleWeekday(element.substring(0, hash), element, "'#'");
        int occurrence = occurrence(element.substring(hash + 1), element);
        nth |= 1L << (weekday * 5 + occurrence - 1);
      } else if (element.equalsIgnoreCase("L")) {
        throw error(CronField.DAY_OF_WEEK, "a lone \"L\" is not supported; write SAT for"
            + " Saturdays or, e.g., FRIL or 5L for the last Friday of the month");
      } else if (element.length() > 1
          && Character.toUpperCase(element.charAt(element.length() - 1)) == 'L') {
        int weekday = singleWeekday(element.substring(0, element.length() - 1), element, "'L'");
        lastWeekdays |= 1L << weekday;
      } else {
        daysOfWeek |= foldSunday(rangeElement(CronField.DAY_OF_WEEK, element));
      }
    }
    return new DayMatcher(daysOfMonth, last, domText.startsWith("*"),
        daysOfWeek, nth, lastWeekdays, dowText.startsWith("*"));
  }

  private static long foldSunday(long mask) {
    long sunday = 1L << 7;
    return (mask & sunday) != 0 ? (mask & ~sunday) | 1L : mask;
  }

  private int singleWeekday(String text, String element, String suffix) {
    if (text.isEmpty() || text.contains("-") || text.contains("/") || text.equals("*")) {
      throw error(CronField.DAY_OF_WEEK,
          suffix + " needs one weekday before it (e.g. TUE or 2), got \"" + element + "\"");
    }
    return value(CronField.DAY_OF_WEEK, text, element) % 7;
  }

  private int occurrence(String text, String element) {
    if (!DIGITS.matcher(text).matches() || text.length() > 2
        || Integer.parseInt(text) < 1 || Integer.parseInt(text) > MAX_OCCURRENCE) {
      throw error(CronField.DAY_OF_WEEK, "occurrence after '#' must be 1-" + MAX_OCCURRENCE
          + ", got " + (text.isEmpty() ? "nothing" : text) + " in \"" + element + "\"");
    }
    return Integer.parseInt(text);
  }

  private String[] elements(CronField field, String text) {
    String[] elements = text.split(",", -1);
    for (String element : elements) {
      if (element.isEmpty()) {
        throw error(field, "empty element in list \"" + text + "\"");
      }
    }
    return elements;
  }

  /** {@code *}, {@code a}, {@code a-b}, each optionally followed by {@code /step}. */
  private long rangeElement(CronField field, String element) {
    int slash = element.indexOf('/');
    String base = slash < 0 ? element : element.substring(0, slash);
    int low;
    int high;
    if (base.equals("*")) {
      low = field.min();
      high = field == CronField.DAY_OF_WEEK ? 6 : field.max();
    } else if (base.indexOf('-') > 0) {
      int dash = base.indexOf('-');
      low = value(field, base.substring(0, dash), element);
      high = value(field, base.substring(dash + 1), element);
      if (low > high) {
        throw error(field, "range \"" + base + "\" goes backwards (" + low + " > " + high
            + "); ranges do not wrap around, use a list instead");
      }
    } else {
      low = value(field, base, element);
      high = slash < 0 ? low : (field == CronField.DAY_OF_WEEK ? 6 : field.max());
    }
    int step = slash < 0 ? 1 : step(field, element.substring(slash + 1), element);
    long mask = 0;
    for (int v = low; v <= high; v += step) {
      mask |= 1L << v;
    }
    return mask;
  }

  private int step(CronField field, String text, String element) {
    int maxStep = (field == CronField.DAY_OF_WEEK ? 6 : field.max()) - field.min();
    if (!DIGITS.matcher(text).matches() || text.length() > 2
        || Integer.parseInt(text) < 1 || Integer.parseInt(text) > maxStep) {
      throw error(field, "step must be a number from 1 to " + maxStep + ", got "
          + (text.isEmpty() ? "nothing" : "\"" + text + "\"") + " in \"" + element + "\"");
    }
    return Integer.parseInt(text);
  }

  private int value(CronField field, String text, String element) {
    if (text.isEmpty()) {
      throw error(field, "missing value in \"" + element + "\"");
    }
    if (DIGITS.matcher(text).matches()) {
      if (text.length() > 4 || Integer.parseInt(text) < field.min()
          || Integer.parseInt(text) > field.max()) {
        throw error(field, "value " + text + " is out of range " + field.min() + "-"
            + field.max() + " in \"" + element + "\"");
      }
      return Integer.parseInt(text);
    }
    if (!field.acceptsNames()) {
      throw error(field, "\"" + text + "\" is not a number in \"" + element + "\"");
    }
    OptionalInt named = field.valueOfName(text);
    if (named.isEmpty()) {
      throw error(field, "unknown name \"" + text + "\" in \"" + element + "\"; expected one of "
          + String.join(", ", field.names()) + " or a number " + field.min() + "-" + field.max());
    }
    return named.getAsInt();
  }

  private InvalidCronExpressionException error(CronField field, String problem) {
    return new InvalidCronExpressionException(expression, field, problem);
  }
}
