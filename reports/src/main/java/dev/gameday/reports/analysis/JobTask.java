package dev.gameday.reports.analysis;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One task of a platform job (Site Recovery), in its last reported state, Azure's own times. */
public record JobTask(String task, String state, Optional<Instant> started,
    Optional<Instant> ended, long seq) {
  public JobTask {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(ended, "ended");
  }

  /** How long the platform says the task ran, when it gave both times. */
  public Optional<Duration> duration() {
    return started.isPresent() && ended.isPresent()
        ? Optional.of(Duration.between(started.get(), ended.get()))
        : Optional.empty();
  }
}
