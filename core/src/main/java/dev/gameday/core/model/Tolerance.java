package dev.gameday.core.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How much a probe may fail before steady state counts as breached: at least
 * {@code successRatio} of the samples within the sliding window {@code over} succeed, and
 * optionally the latency percentile {@code latencyPercentile} stays below {@code latencyBelow}.
 * {@code failuresToBreach} consecutive failed samples breach at once even when the window ratio
 * still holds; {@code successesToRestore} consecutive good samples are needed to count as
 * restored.
 */
public record Tolerance(
    double successRatio,
    Duration over,
    Optional<LatencyPercentile> latency,
    int failuresToBreach,
    int successesToRestore) {

  public static final double DEFAULT_SUCCESS_RATIO = 0.95;
  public static final Duration DEFAULT_OVER = Duration.ofSeconds(10);
  public static final int DEFAULT_FAILURES_TO_BREACH = 3;
  public static final int DEFAULT_SUCCESSES_TO_RESTORE = 3;

  public Tolerance {
    if (!(successRatio >= 0 && successRatio <= 1)) {
      throw new IllegalArgumentException("successRatio must be in 0..1");
    }
    Objects.requireNonNull(over, "over");
    if (failuresToBreach < 1 || successesToRestore < 1) {
      throw new IllegalArgumentException("thresholds must be at least 1");
    }
  }

  public static Tolerance defaults() {
    return new Tolerance(DEFAULT_SUCCESS_RATIO, DEFAULT_OVER, Optional.empty(),
        DEFAULT_FAILURES_TO_BREACH, DEFAULT_SUCCESSES_TO_RESTORE);
  }

  /** The {@code percentile} (0–100) of latencies in the window must stay below {@code below}. */
  public record LatencyPercentile(double percentile, Duration below) {
    public LatencyPercentile {
      if (!(percentile > 0 && percentile <= 100)) {
        throw new IllegalArgumentException("percentile must be in (0, 100]");
      }
      Objects.requireNonNull(below, "below");
    }
  }
}
