package dev.gameday.reports.analysis;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Probe samples over one window: how many were answered (or timed out, or failed to connect),
 * how many of those failed, latency percentiles (empty when there were no samples), and
 * {@code missed}: ticks on which no request was sent (the probe could not keep up). Missed ticks
 * are not observations, so they are in neither {@code samples} nor {@code failures}.
 */
public record SampleStats(long samples, long failures, long missed, Optional<Duration> p50,
    Optional<Duration> p95, Optional<Duration> p99, Optional<Duration> max) {
  public SampleStats {
    Objects.requireNonNull(p50, "p50");
    Objects.requireNonNull(p95, "p95");
    Objects.requireNonNull(p99, "p99");
    Objects.requireNonNull(max, "max");
  }

  public static SampleStats empty() {
    return new SampleStats(0, 0, 0, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty());
  }

  /** Failed samples over all answered samples (missed ticks excluded); empty without samples. */
  public Optional<Double> errorRatio() {
    return samples == 0 ? Optional.empty() : Optional.of((double) failures / samples);
  }
}
