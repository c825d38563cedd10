package dev.gameday.reports.analysis;

import dev.gameday.core.event.TimelineEvent.Outcome;
import dev.gameday.core.event.TimelineEvent.ProbeSample;
import java.time.Duration;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * Counts samples and failures and records latencies (microseconds, two significant digits) in an
 * HdrHistogram, so percentiles need no sample kept. A {@code MISSED} sample (never sent) counts
 * as a failure but has no latency.
 */
final class SampleAccumulator {
  private final Histogram latencies = new Histogram(2);
  private long samples;
  private long failures;

  void add(ProbeSample s) {
    samples++;
    if (!s.ok()) {
      failures++;
    }
    if (s.outcome() != Outcome.MISSED) {
      long micros = Math.max(1, s.latencyNanos() / 1000);
      latencies.recordValue(micros);
    }
  }

  SampleStats stats() {
    if (latencies.getTotalCount() == 0) {
      return new SampleStats(samples, failures, Optional.empty(), Optional.empty(),
          Optional.empty(), Optional.empty());
    }
    return new SampleStats(samples, failures, at(50), at(95), at(99),
        Optional.of(micros(latencies.getMaxValue())));
  }

  private Optional<Duration> at(double percentile) {
    return Optional.of(micros(latencies.getValueAtPercentile(percentile)));
  }

  private static Duration micros(long v) {
    return Duration.ofNanos(v * 1000);
  }
}
