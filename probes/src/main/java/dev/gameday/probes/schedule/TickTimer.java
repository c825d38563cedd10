package dev.gameday.probes.schedule;

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

  /** Which implementation to use; the parking timer measured lower lag (see docs/probes.md). */
  enum Kind { PARKING, EXECUTOR }

  /** A timer of the given kind reading deadlines on {@code nanoTime}. */
  static TickTimer create(Kind kind, String name, LongSupplier nanoTime) {
    return switch (kind) {
      case PARKING -> new ParkingTickTimer(name, nanoTime);
      case EXECUTOR -> new ExecutorTickTimer(name, nanoTime);
    };
  }
}
