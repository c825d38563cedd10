package dev.gameday.core.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * When a run stops early and reverts: a steady-state breach that lasts longer than
 * {@code whenSteadyStateBreachedFor}, or the run lasting {@code maxDuration}.
 */
public record AbortConditions(Optional<Duration> whenSteadyStateBreachedFor, Duration maxDuration) {
  public static final Duration DEFAULT_MAX_DURATION = Duration.ofHours(1);

  public AbortConditions {
    Objects.requireNonNull(maxDuration, "maxDuration");
  }
}
