package dev.gameday.reports.analysis;

import dev.gameday.core.event.TimelineEvent.Outcome;
import dev.gameday.core.event.TimelineEvent.ProbeSample;
import java.time.Duration;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * Counts samples and failures and records latencies (microseconds, two significant digits) in an
 * HdrHistogram, so percentiles need no sample kept. A {@code MISSED} tick (never sent) is not an
 * observation: it is counted apart, never as a sample or a failure, and has no latency.
 */
final class SampleAccumulator {
  private final Histogram latencies = new Histogram(2);
  private long samples;
  private long failures;
  private long missed;

  void add(ProbeSample s) {
    if (s.outcome() == Outcome.MISSED) {
      missed += MissedTicks.ticks(s);
      return;
    }
    samples++;
    if (!s.ok()) {
      failures++;
    }
    latencies.recordValue(Math.max(1, s.latencyNanos() / 1000));
  }

  SampleStats stats() {
    if (latencies.getTotalCount() == 0) {
      return new SampleStats(samples, failures, missed, Optional.empty(), Optional.empty(),
          Optional.empty(), Optional.empty());
    }
    return new SampleStats(samples, failures, missed, at(50), at(95), at(99),
        Optional.of(micros(latencies.getMaxValue())));
  }

  private Optional<Duration> at(double percentile) {
    return Optional.of(micros(latencies.getValueAtPercentile(percentile)));
  }

  private static Duration micros(long v) {
    return Duration.ofNanos(v * 1000);
  }
}
