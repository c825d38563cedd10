package dev.gameday.reports.analysis;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A platform job (a Site Recovery failover or cleanup) with its tasks, in journal order. */
public record PlatformJob(String jobId, List<JobTask> tasks) {
  public PlatformJob {
    Objects.requireNonNull(jobId, "jobId");
    tasks = List.copyOf(tasks);
  }

  public Optional<Instant> started() {
    return tasks.stream().flatMap(t -> t.started().stream()).min(Instant::compareTo);
  }

  public Optional<Instant> ended() {
    return tasks.stream().flatMap(t -> t.ended().stream()).max(Instant::compareTo);
  }

  /** First task start to last task end, by the platform's own clock. */
  public Optional<Duration> duration() {
    return started().isPresent() && ended().isPresent()
        ? Optional.of(Duration.between(started().get(), ended().get()))
        : Optional.empty();
  }

  /** True when every task reached Succeeded. */
  public boolean succeeded() {
    return !tasks.isEmpty() && tasks.stream().allMatch(t -> t.state().equals("Succeeded"));
  }
}
