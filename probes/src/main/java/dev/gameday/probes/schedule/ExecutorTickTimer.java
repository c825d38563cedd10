package dev.gameday.probes.schedule;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link TickTimer} on a one-thread {@link ScheduledThreadPoolExecutor}; each absolute
 * deadline becomes a relative delay when scheduled. Kept to compare against
 * {@link ParkingTickTimer} in the bench.
 */
public final class ExecutorTickTimer implements TickTimer {
  private static final Logger LOG = LoggerFactory.getLogger(ExecutorTickTimer.class);

  private final ScheduledThreadPoolExecutor executor;
  private final LongSupplier nanoTime;

  /** @param nanoTime the monotonic clock deadlines are read on (the run clock's) */
  public ExecutorTickTimer(String name, LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
    this.executor = new ScheduledThreadPoolExecutor(1,
        Thread.ofPlatform().name(name).daemon(true).priority(Thread.MAX_PRIORITY).factory());
    executor.setRemoveOnCancelPolicy(true);
  }

  @Override
  public void at(long deadlineNanos, Runnable task) {
    long delay = deadlineNanos - nanoTime.getAsLong();
    try {
      executor.schedule(() -> {
        try {
          task.run();
        } catch (RuntimeException e) {
          LOG.error("probe timer task failed", e);
        }
      }, Math.max(0, delay), TimeUnit.NANOSECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      LOG.debug("probe timer closed; tick dropped");
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
