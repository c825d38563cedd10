package dev.gameday.sandbox.internal.time;

import java.time.Instant;

/**
 * The one source of "now" in the sandbox. The world is evaluated lazily against it: every state
 * (power state, rule provisioning, job task, load-balancer belief) is a function of the instant,
 * so a fixed clock reproduces a scenario exactly and a real clock reproduces it within scheduling
 * noise.
 */
public interface SimClock {

  Instant now();

  /** A monotonic wall clock: starts at the system time and advances with {@link System#nanoTime()}. */
  static SimClock system() {
    Instant origin = Instant.now();
    long originNanos = System.nanoTime();
    return () -> origin.plusNanos(System.nanoTime() - originNanos);
  }
}
