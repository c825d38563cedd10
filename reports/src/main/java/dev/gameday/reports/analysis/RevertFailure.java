package dev.gameday.reports.analysis;

import java.time.Instant;
import java.util.Objects;

/** A revert that did not complete: the fault may still be in force on {@code resource}. */
public record RevertFailure(String resource, String reason, String manualCommand, long seq,
    Instant at) {
  public RevertFailure {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(manualCommand, "manualCommand");
    Objects.requireNonNull(at, "at");
  }
}
