package dev.gameday.runner.engine;

import java.time.Duration;

/**
 * How the engine lets time pass. The real one waits on the abort signal; tests use one that moves
 * a fake clock instead, so a two-hour experiment is checked in milliseconds.
 */
public interface Sleeper {
  /** Waits {@code duration} or until {@code abort} fires; returns true if it fired. */
  boolean sleep(Duration duration, AbortSignal abort);

  Sleeper REAL = (d, abort) -> abort.await(d);
}
