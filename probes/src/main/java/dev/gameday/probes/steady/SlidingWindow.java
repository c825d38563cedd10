package dev.gameday.probes.steady;

import java.lang.reflect.Array;
import java.util.Arrays;

/**
 * The observations of the last {@code over} nanoseconds (by request start), with their success
 * ratio and latency percentiles. Not thread-safe: one probe's evaluator owns it.
 *
 * <p>Kept as primitives in a ring buffer, not as objects: a thousand probes at ten samples a
 * second over a ten-second window hold a hundred thousand samples, and as objects every one of
 * them would outlive a young collection and be copied by it.
 */
final class SlidingWindow {
  private static final int INITIAL_CAPACITY = 16;

  private final long overNanos;
  private long[] started = new long[INITIAL_CAPACITY];
  private long[] latency = new long[INITIAL_CAPACITY];
  private boolean[] ok = new boolean[INITIAL_CAPACITY];
  private int head;
  private int size;
  private int successes;

  SlidingWindow(long overNanos) {
    this.overNanos = overNanos;
  }

  void add(Observation o) {
    if (size == started.length) {
      grow();
    }
    int tail = (head + size) % started.length;
    started[tail] = o.startedNanos();
    latency[tail] = o.latencyNanos();
    ok[tail] = o.ok();
    size++;
    if (o.ok()) {
      successes++;
    }
    long oldest = o.startedNanos() - overNanos;
    while (size > 0 && started[head] < oldest) {
      if (ok[head]) {
        successes--;
      }
      head = (head + 1) % started.length;
      size--;
    }
  }

  private void grow() {
    int capacity = started.length * 2;
    started = unrolled(started, new long[capacity]);
    latency = unrolled(latency, new long[capacity]);
    ok = unrolled(ok, new boolean[capacity]);
    head = 0;
  }

  /** Copies the live entries of {@code ring}, oldest first, to the start of {@code out}. */
  private <A> A unrolled(A ring, A out) {
    int first = Math.min(size, Array.getLength(ring) - head);
    System.arraycopy(ring, head, out, 0, first);
    System.arraycopy(ring, 0, out, first, size - first);
    return out;
  }

  int size() {
    return size;
  }

  /** Successes over all observations in the window; 1.0 when the window is empty. */
  double ratio() {
    return size == 0 ? 1.0 : (double) successes / size;
  }

  /** The {@code percentile} (0–100, nearest rank) of the latencies in the window; 0 if empty. */
  long latencyPercentile(double percentile) {
    if (size == 0) {
      return 0;
    }
    long[] latencies = unrolled(latency, new long[size]);
    Arrays.sort(latencies);
    int rank = (int) Math.ceil(percentile / 100.0 * size);
    return latencies[Math.max(0, Math.min(size - 1, rank - 1))];
  }
}
