package dev.gameday.reports.analysis;

import dev.gameday.core.event.TimelineEvent.Outcome;
import dev.gameday.core.event.TimelineEvent.ProbeSample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Per-second counters of all answered probe samples (a {@code MISSED} tick is no observation and
 * is left out), by the second the request started (count, failures, latency sum and max), merged into
 * at most {@code maxPoints} buckets at the end. Memory grows with the run's length, not with
 * the number of samples; samples past {@link #MAX_SECONDS} fall into the last second.
 */
final class SeriesAccumulator {
  static final int MAX_SECONDS = 7 * 24 * 3600;

  private Instant origin;
  private long[] count = new long[1024];
  private long[] failed = new long[1024];
  private double[] latencySum = new double[1024];
  private double[] latencyMax = new double[1024];
  private int used;

  void origin(Instant at) {
    if (origin == null) {
      origin = at;
    }
  }

  void add(ProbeSample s) {
    if (s.outcome() == Outcome.MISSED) {
      return;
    }
    if (origin == null) {
      origin = s.at().utc();
    }
    long sec = s.at().utc().getEpochSecond() - origin.getEpochSecond()
        - (s.at().utc().getNano() < origin.getNano() ? 1 : 0);
    int i = (int) Math.max(0, Math.min(MAX_SECONDS - 1, sec));
    ensure(i + 1);
    count[i]++;
    if (!s.ok()) {
      failed[i]++;
    }
    double ms = s.latencyNanos() / 1e6;
    latencySum[i] += ms;
    latencyMax[i] = Math.max(latencyMax[i], ms);
    used = Math.max(used, i + 1);
  }

  private void ensure(int n) {
    if (n > count.length) {
      int size = Math.max(n, count.length * 2);
      count = Arrays.copyOf(count, size);
      failed = Arrays.copyOf(failed, size);
      latencySum = Arrays.copyOf(latencySum, size);
      latencyMax = Arrays.copyOf(latencyMax, size);
    }
  }

  Series build(int maxPoints, Instant fallbackOrigin) {
    Instant o = origin == null ? fallbackOrigin : origin;
    if (used == 0) {
      return Series.empty(o);
    }
    int bucket = Math.max(1, (used + maxPoints - 1) / maxPoints);
    List<SeriesPoint> points = new ArrayList<>();
    for (int start = 0; start < used; start += bucket) {
      long c = 0;
      long f = 0;
      double sum = 0;
      double max = 0;
      for (int i = start; i < Math.min(used, start + bucket); i++) {
        c += count[i];
        f += failed[i];
        sum += latencySum[i];
        max = Math.max(max, latencyMax[i]);
      }
      if (c > 0) {
        points.add(new SeriesPoint(start, c, f, round(sum / c), round(max)));
      }
    }
    return new Series(o, bucket, points);
  }

  private static double round(double ms) {
    return Math.round(ms * 1000) / 1000.0;
  }
}
