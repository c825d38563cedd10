package dev.gameday.runner.engine;

import dev.gameday.core.event.TimelineEvent.AbortCause;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

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

  /** Records the first reason and wakes waiters; returns true if this call was the first. */
  public boolean trigger(AbortCause cause, String message) {
    if (reason.compareAndSet(null, new Reason(cause, message))) {
      fired.countDown();
      return true;
    }
    urgent.set(true);
    return false;
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
