package dev.gameday.core.load;

import java.util.Objects;
import java.util.Optional;

/**
 * One mistake in an experiment file, located at {@code line}:{@code column} (both 1-based), with
 * an optional hint on how to fix it. Messages never contain values that came from the
 * environment.
 */
public record Problem(String file, int line, int column, String message, Optional<String> hint) {

  public Problem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(hint, "hint");
    line = Math.max(1, line);
    column = Math.max(1, column);
  }

  /** {@code FILE:LINE:COLUMN: message (hint: ...)}, the form editors and CI logs understand. */
  public String format() {
    return file + ":" + line + ":" + column + ": " + message + hint.map(h -> " (hint: " + h + ")").orElse("");
  }

  @Override
  public String toString() {
    return format();
  }
}
