package dev.gameday.core.window;

import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * The five fields of a cron expression, in order, with their allowed numeric range and the names
 * they accept. Used by {@link InvalidCronExpressionException} to say which field is wrong.
 */
public enum CronField {
  MINUTE("minute", 0, 59, List.of()),
  HOUR("hour", 0, 23, List.of()),
  DAY_OF_MONTH("day-of-month", 1, 31, List.of()),
  MONTH("month", 1, 12,
      List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")),
  /** 0 and 7 are both Sunday. */
  DAY_OF_WEEK("day-of-week", 0, 7, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"));

  private final String label;
  private final int min;
  private final int max;
  private final List<String> names;

  CronField(String label, int min, int max, List<String> names) {
    this.label = label;
    this.min = min;
    this.max = max;
    this.names = names;
  }

  /** The field's name as users write it, e.g. {@code day-of-week}. */
  public String label() {
    return label;
  }

  /** 1-based position of the field in the expression. */
  public int position() {
    return ordinal() + 1;
  }

  public int min() {
    return min;
  }

  public int max() {
    return max;
  }

  /** The value a three-letter name stands for, if this field accepts names and knows it. */
  OptionalInt valueOfName(String name) {
    int index = names.indexOf(name.toUpperCase(Locale.ROOT));
    if (index < 0) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(this == MONTH ? index + 1 : index);
  }

  boolean acceptsNames() {
    return !names.isEmpty();
  }

  List<String> names() {
    return names;
  }

  @Override
  public String toString() {
    return label + " (field " + position() + ")";
  }
}
