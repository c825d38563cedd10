package dev.gameday.core.model;

import java.time.Duration;
import java.util.Objects;

/**
 * One step of the experiment's method: inject {@code action}, hold it for {@code hold}, revert it,
 * then wait up to {@code recoveryTimeout} for the platform and the application to recover.
 */
public record FaultStep(String name, FaultAction action, Duration hold, Duration recoveryTimeout) {
  public static final Duration DEFAULT_RECOVERY_TIMEOUT = Duration.ofMinutes(10);

  public FaultStep {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(hold, "hold");
    Objects.requireNonNull(recoveryTimeout, "recoveryTimeout");
  }
}
