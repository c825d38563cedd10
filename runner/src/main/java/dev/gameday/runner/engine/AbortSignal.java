package dev.gameday.runner.engine;

import dev.gameday.core.event.TimelineEvent.AbortCause;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The one place every reason to stop arrives (stop condition, max duration, window closing,
 * signals, {@code gameday abort}). The first trigger wins and wakes every waiter at once; a
 * second trigger makes the abort urgent (revert at once, without waiting for each restore).
 */
public final class AbortSignal {
  /** Why the run was asked to stop. */
  public record Reason(AbortCause cause, String message) {}

  private final AtomicReference<Reason> reason = new AtomicReference<>();
  private final AtomicBoolean urgent = new AtomicBoolean();
  private final CountDownLatch fired = new CountDownLatch(1);
  private volatile Consumer<Reason> onFirst = r -> {};
  private boolean firing;

  /**
   * Calls {@code listener} with the first reason, from the triggering thread, the moment it
   * arrives (at once if it already has). The run uses it to journal the abort.
   */
  public synchronized void onFirstTrigger(Consumer<Reason> listener) {
    onFirst = listener;
    Reason r = reason.get();
    if (r != null) {
      listener.accept(r);
    }
  }

  /**
   * Records the first reason and wakes waiters; returns true if this call was the first. The
   * first-trigger listener runs before anyone can see the signal fired, so the abort is on the
   * record before any waiter acts on it (a revert never precedes the abort that asked for it).
   */
  public boolean trigger(AbortCause cause, String message) {
    Reason r = new Reason(cause, message);
    synchronized (this) {
      if (reason.get() != null || firing) {
        urgent.set(true);
        return false;
      }
      firing = true;
      try {
        onFirst.accept(r);
      } finally {
        reason.set(r);
        firing = false;
      }
    }
    fired.countDown();
    return true;
  }

  public Optional<Reason> reason() {
    return Optional.ofNullable(reason.get());
  }

  public boolean triggered() {
    return reason.get() != null;
  }

  /** True once a second abort arrived while the first was being handled. */
  public boolean urgent() {
    return urgent.get();
  }

  /** Waits up to {@code timeout}; returns true as soon as the signal fires (or had fired). */
  public boolean await(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      return triggered();
    }
    try {
      return fired.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return triggered();
    }
  }
}
