package dev.gameday.runner.engine;

import dev.gameday.core.event.EventListener;
import dev.gameday.core.event.TimelineEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Hands events to a slow listener (the console, the live view, metrics) on its own thread, so
 * that a stalled terminal never stalls a probe, a fault or a revert. The queue is bounded; when
 * it is full, events are dropped for that listener only and counted (the journal, which is
 * written synchronously, still has them). {@link #close} delivers what is queued.
 *
 * <p>The listener's thread takes what is queued in batches and, when it finds nothing, sleeps
 * for {@link #PERIOD} instead of waiting to be woken: handing over an event is then only a
 * queue insertion, never a thread wake-up. At 10,000 probe samples a second a wake-up per event
 * was a context switch per sample for each such listener. An event reaches the listener at
 * most {@code PERIOD} late.
 */
public final class AsyncListener implements EventListener, AutoCloseable {
  private static final TimelineEvent.Note END = new TimelineEvent.Note(
      new dev.gameday.core.event.Stamp(java.time.Instant.EPOCH, 0), TimelineEvent.Level.INFO, "");

  /** The longest an event waits before its listener sees it. */
  static final Duration PERIOD = Duration.ofMillis(20);

  private final EventListener target;
  /** Events, and warm-up events to rehearse ({@link Rehearsal}), in the order they came. */
  private final BlockingQueue<Object> queue;
  private final AtomicLong dropped = new AtomicLong();
  private final Thread worker;

  public AsyncListener(String name, EventListener target, int capacity) {
    this.target = target;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.worker = Thread.ofPlatform().daemon().name("gameday-" + name).start(this::drain);
  }

  @Override
  public void on(TimelineEvent event) {
    if (!queue.offer(event)) {
      dropped.incrementAndGet();
    }
  }

  /** Hands the rehearsal over as an event is handed over; one that does not fit is not counted. */
  @Override
  public void rehearse(TimelineEvent event) {
    queue.offer(new Rehearsal(event));
  }

  private record Rehearsal(TimelineEvent event) {}

  /** How many events this listener missed because it fell behind. */
  public long dropped() {
    return dropped.get();
  }

  private void drain() {
    List<Object> batch = new ArrayList<>();
    while (true) {
      if (queue.drainTo(batch) == 0) {
        LockSupport.parkNanos(this, PERIOD.toNanos());
        if (Thread.interrupted()) {
          return;
        }
        continue;
      }
      for (Object e : batch) {
        if (e == END) {
          return;
        }
        try {
          if (e instanceof Rehearsal r) {
            target.rehearse(r.event());
          } else {
            target.on((TimelineEvent) e);
          }
        } catch (RuntimeException ex) {
          // a failing observer never breaks the run; the journal has the event
        }
      }
      batch.clear();
    }
  }

  /** Delivers what is queued (waiting at most {@code timeout}) and stops the thread. */
  public void close(Duration timeout) {
    try {
      if (queue.offer(END, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        LockSupport.unpark(worker); // no need to wait out its sleep
        worker.join(timeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    worker.interrupt();
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(5));
  }
}
