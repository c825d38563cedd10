package dev.gameday.probes.loop;

import io.netty.channel.SelectStrategy;
import io.netty.channel.SelectStrategyFactory;
import io.netty.util.IntSupplier;
import java.util.concurrent.locks.LockSupport;

/**
 * When the loop next wakes for its ticks, and the select strategy that uses it to read answers
 * in batches: while the next tick is at most {@code batchNanos} away, the loop sleeps until then
 * instead of waking for every answer, and then reads every answer that arrived meanwhile without
 * blocking. At 10,000 requests a second that is one wake-up per millisecond for about ten
 * requests and ten answers, instead of one per answer; an answer's end is then read up to that
 * much late (its latency is measured up to {@code batchNanos} longer). With the next tick
 * further away (few probes) the loop blocks in select as usual and reads each answer as it comes.
 *
 * <p>Confined to the loop thread.
 */
final class WakePlan implements SelectStrategyFactory {
  static final long NONE = Long.MAX_VALUE;

  private final long batchNanos;
  private long nextWake = NONE;

  /** @param batchNanos how long the loop may leave answers unread; zero reads each at once */
  WakePlan(long batchNanos) {
    this.batchNanos = batchNanos;
  }

  /** The loop's next wake-up for its ticks (monotonic nanos), or {@link #NONE}. */
  void nextWake(long nanos) {
    nextWake = nanos;
  }

  @Override
  public SelectStrategy newSelectStrategy() {
    return this::strategy;
  }

  private int strategy(IntSupplier selectNow, boolean hasTasks) throws Exception {
    if (hasTasks || batchNanos == 0 || nextWake == NONE) {
      return hasTasks ? selectNow.get() : SelectStrategy.SELECT;
    }
    long wait = nextWake - System.nanoTime();
    if (wait > batchNanos) {
      return SelectStrategy.SELECT;
    }
    if (wait > 0) {
      LockSupport.parkNanos(wait);
    }
    return selectNow.get();
  }
}
