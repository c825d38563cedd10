package dev.gameday.runner.engine;

import dev.gameday.core.port.RunClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when told to. */
final class FakeClock implements RunClock {
  private final Instant start;
  private final AtomicLong nanos = new AtomicLong();

  FakeClock(Instant start) {
    this.start = start;
  }

  @Override
  public Instant now() {
    return start.plusNanos(nanos.get());
  }

  @Override
  public long nanoTime() {
    return nanos.get();
  }

  void advance(Duration d) {
    nanos.addAndGet(d.toNanos());
  }

  /**
   * A sleeper that moves this clock instead of waiting, after one real millisecond so that
   * threads the engine started (injections) get to run.
   */
  Sleeper sleeper() {
    return (d, abort) -> {
      if (abort.await(Duration.ofMillis(1))) {
        return true;
      }
      advance(d.isZero() ? Duration.ofMillis(1) : d);
      return abort.triggered();
    };
  }
}
