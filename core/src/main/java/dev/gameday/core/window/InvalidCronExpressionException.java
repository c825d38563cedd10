package dev.gameday.core.window;

import java.util.Optional;

/**
 * A cron expression could not be parsed. The message names the expression, the field (when one
 * field is at fault) and what is wrong with it, e.g. {@code invalid cron expression "0 2 * * TUE#6":
 * day-of-week (field 5): occurrence after '#' must be 1-5, got 6 in "TUE#6"}.
 */
public final class InvalidCronExpressionException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String expression;
  private final CronField field;

  InvalidCronExpressionException(String expression, CronField field, String problem) {
    super("invalid cron expression \"" + expression + "\": "
        + (field == null ? "" : field + ": ") + problem);
    this.expression = expression;
    this.field = field;
  }

  /** The expression as given. */
  public String expression() {
    return expression;
  }

  /** The field at fault; empty when the expression as a whole is malformed (wrong field count). */
  public Optional<CronField> field() {
    return Optional.ofNullable(field);
  }
}
