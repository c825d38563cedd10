package dev.gameday.probes.steady;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * The observations of the last {@code over} nanoseconds (by request start), with their success
 * ratio and latency percentiles. Not thread-safe: one probe's evaluator owns it.
 */
final class SlidingWindow {
  private final long overNanos;
  private final ArrayDeque<Observation> samples = new ArrayDeque<>();
  private int successes;

  SlidingWindow(long overNanos) {
    this.overNanos = overNanos;
  }

  void add(Observation o) {
    samples.addLast(o);
    if (o.ok()) {
      successes++;
    }
    long oldest = o.startedNanos() - overNanos;
    while (!samples.isEmpty() && samples.peekFirst().startedNanos() < oldest) {
      if (samples.removeFirst().ok()) {
        successes--;
      }
    }
  }

  int size() {
    return samples.size();
  }

  /** Successes over all observations in the window; 1.0 when the window is empty. */
  double ratio() {
    return samples.isEmpty() ? 1.0 : (double) successes / samples.size();
  }

  /** The {@code percentile} (0–100, nearest rank) of the latencies in the window; 0 if empty. */
  long latencyPercentile(double percentile) {
    if (samples.isEmpty()) {
      return 0;
    }
    long[] latencies = samples.stream().mapToLong(Observation::latencyNanos).toArray();
    Arrays.sort(latencies);
    int rank = (int) Math.ceil(percentile / 100.0 * latencies.length);
    return latencies[Math.max(0, Math.min(latencies.length - 1, rank - 1))];
  }
}
