package dev.gameday.probes.schedule;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Runs short tasks at absolute monotonic deadlines on one platform thread. Tasks must be quick
 * (hand real work to a virtual thread): a slow task delays every other deadline.
 */
public interface TickTimer extends AutoCloseable {

  /** Runs {@code task} on the timer thread once the monotonic clock reaches {@code deadline}. */
  void at(long deadlineNanos, Runnable task);

  /** Stops the timer; pending tasks never run. */
  @Override
  void close();

  /** Which implementation; the parking timer measured lower lag and is the default. */
  enum Kind { PARKING, EXECUTOR }

  /**
   * Which timer, and for the parking one how late it may run a task to wake up less often.
   *
   * @param resolution ignored by the executor timer
   */
  record Choice(Kind kind, Duration resolution) {
    /**
     * The parking timer at one millisecond: well inside the lag budget (p99 under 20 ms) and the
     * breach-placement budget (one interval + 10 ms), and about a third less CPU per request than
     * waking for every deadline at 10,000 requests a second (docs/probes.md).
     */
    public static final Choice DEFAULT = new Choice(Kind.PARKING, Duration.ofMillis(1));

    /** A timer of this choice reading deadlines on {@code nanoTime}. */
    public TickTimer create(String name, LongSupplier nanoTime) {
      return switch (kind) {
        case PARKING -> new ParkingTickTimer(name, nanoTime, resolution);
        case EXECUTOR -> new ExecutorTickTimer(name, nanoTime);
      };
    }
  }
}
