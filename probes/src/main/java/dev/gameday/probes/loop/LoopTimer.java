package dev.gameday.probes.loop;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deadlines on an event loop, coalesced: the loop is woken at most once per {@code resolution}
 * for them, and each wake-up runs every task then due, in deadline order. A task runs at most one
 * resolution (plus the loop's own latency) after its deadline, never before it; at 10,000 ticks
 * a second and 1 ms, one wake-up runs about ten.
 *
 * <p>Confined to the loop: {@link #at} and {@link #cancel} must be called on it. A task is an
 * object the caller keeps ({@link Task}), queued at most once at a time, so ticking allocates
 * nothing per deadline.
 */
final class LoopTimer {
  private static final Logger LOG = LoggerFactory.getLogger(LoopTimer.class);

  /** Something to run at a deadline; queued at most once at a time. */
  abstract static class Task implements Comparable<Task> {
    private long deadline;
    private long seq;
    private boolean queued;

    /** Runs on the loop at (or up to one resolution after) the deadline it was queued for. */
    abstract void run();

    @Override
    public final int compareTo(Task o) {
      int c = Long.compare(deadline - o.deadline, 0);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  private final EventLoop loop;
  private final WakePlan plan;
  private final LongSupplier nanoTime;
  private final long resolutionNanos;
  private final PriorityQueue<Task> queue = new PriorityQueue<>();
  private final Runnable fire = this::fire;
  private ScheduledFuture<?> wake;
  private long wakeAt;
  private long lastWake;
  private long sequence;
  private boolean closed;

  LoopTimer(EventLoop loop, WakePlan plan, LongSupplier nanoTime, Duration resolution) {
    if (resolution.isNegative()) {
      throw new IllegalArgumentException("resolution must not be negative");
    }
    this.loop = loop;
    this.plan = plan;
    this.nanoTime = nanoTime;
    this.resolutionNanos = resolution.toNanos();
    this.lastWake = nanoTime.getAsLong() - resolutionNanos;
  }

  /** Queues {@code task} for {@code deadlineNanos} (the monotonic clock's); on the loop only. */
  void at(Task task, long deadlineNanos) {
    assert loop.inEventLoop();
    if (closed) {
      return;
    }
    if (task.queued) {
      queue.remove(task);
    }
    task.deadline = deadlineNanos;
    task.seq = sequence++;
    task.queued = true;
    queue.add(task);
    if (queue.peek() == task) {
      arm(nanoTime.getAsLong());
    }
  }

  /** Takes {@code task} off the queue if it is on it; on the loop only. */
  void cancel(Task task) {
    assert loop.inEventLoop();
    if (task.queued) {
      queue.remove(task);
      task.queued = false;
    }
  }

  /** Drops every task; later {@link #at} calls are ignored. On the loop only. */
  void close() {
    closed = true;
    queue.forEach(t -> t.queued = false);
    queue.clear();
    if (wake != null) {
      wake.cancel(false);
      wake = null;
    }
    plan.nextWake(WakePlan.NONE);
  }

  /** Makes sure the loop wakes for the head of the queue, not sooner than one resolution. */
  private void arm(long now) {
    Task head = queue.peek();
    if (head == null) {
      return;
    }
    long at = Math.max(head.deadline, lastWake + resolutionNanos);
    if (wake != null) {
      if (wakeAt - at <= 0) {
        return;
      }
      wake.cancel(false);
    }
    wakeAt = at;
    plan.nextWake(at);
    wake = loop.schedule(fire, Math.max(0, at - now), TimeUnit.NANOSECONDS);
  }

  private void fire() {
    wake = null;
    plan.nextWake(WakePlan.NONE);
    long now = nanoTime.getAsLong();
    lastWake = now;
    Task head;
    while ((head = queue.peek()) != null && head.deadline - now <= 0) {
      queue.poll();
      head.queued = false;
      try {
        head.run();
      } catch (RuntimeException e) {
        LOG.error("probe loop task failed", e);
      }
    }
    if (!closed) {
      arm(nanoTime.getAsLong());
    }
  }
}
