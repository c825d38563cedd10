package dev.gameday.reports.analysis;

/**
 * Probe samples of one time bucket of the run, {@code offsetSeconds} after the run started:
 * how many, how many failed, mean and max latency (ms).
 */
public record SeriesPoint(long offsetSeconds, long samples, long failures, double meanLatencyMs,
    double maxLatencyMs) {

  public double successRatio() {
    return samples == 0 ? 1.0 : (double) (samples - failures) / samples;
  }
}
