package dev.gameday.probes.bench;

import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * Tells whether the machine, not the prober, stalled: a platform thread asks to sleep 10 ms over
 * and over and records how much longer each sleep took. On an idle box it oversleeps by well
 * under a millisecond; a sleep that took 100 ms more means no thread of this process ran for
 * that long (a busy or stolen CPU), and every probe tick due in it is late for a reason the
 * prober cannot help. A hundred wake-ups a second cost nothing measurable.
 */
final class StallWatch implements AutoCloseable {
  private static final long SLEEP_NANOS = 10_000_000;

  private final Thread thread;
  private volatile boolean running = true;
  private volatile long over20ms;
  private volatile long over50ms;
  private volatile long maxOversleepNanos;

  StallWatch() {
    thread = Thread.ofPlatform().daemon().name("bench-stall-watch").start(this::loop);
  }

  private void loop() {
    while (running) {
      long before = System.nanoTime();
      LockSupport.parkNanos(SLEEP_NANOS);
      long over = System.nanoTime() - before - SLEEP_NANOS;
      if (over > 20_000_000) {
        over20ms++;
      }
      if (over > 50_000_000) {
        over50ms++;
      }
      if (over > maxOversleepNanos) {
        maxOversleepNanos = over;
      }
    }
  }

  /** Forgets what was seen so far (the warm-up). */
  void reset() {
    over20ms = 0;
    over50ms = 0;
    maxOversleepNanos = 0;
  }

  String summary() {
    return String.format(Locale.ROOT, "a 10 ms sleep overslept by > 20 ms %d times, > 50 ms %d "
        + "times, at most %.1f ms", over20ms, over50ms, maxOversleepNanos / 1e6);
  }

  @Override
  public void close() {
    running = false;
    LockSupport.unpark(thread);
  }
}
