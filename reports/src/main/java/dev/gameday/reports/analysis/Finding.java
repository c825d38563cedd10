package dev.gameday.reports.analysis;

import java.util.Objects;
import java.util.Optional;

/**
 * A finding in plain words with the numbers: {@code text} says what happened, {@code advice}
 * where to look, {@code command} a command to run by hand (for a revert left incomplete).
 * {@code code} is a stable identifier (e.g. {@code application-gap}) for tools.
 */
public record Finding(String code, Severity severity, Owner owner, Optional<String> step,
    String title, String text, Optional<String> advice, Optional<String> command) {
  public Finding {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(advice, "advice");
    Objects.requireNonNull(command, "command");
  }
}
