package dev.gameday.sandbox.internal.time;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one source of "now" in the sandbox. The world is evaluated lazily against it: every state
 * (power state, rule provisioning, job task, load-balancer belief) is a function of the instant,
 * so a fixed clock reproduces a scenario exactly and a real clock reproduces it within scheduling
 * noise.
 */
public interface SimClock {

  Instant now();

  /**
   * The system's wall clock, as Azure's own timestamps are, that never goes back: a step back of
   * the system clock holds the sandbox's time until the wall clock passes it again. (Not the
   * start time plus {@link System#nanoTime()}: on a virtual machine whose wall clock is being
   * corrected the two part by milliseconds a second, and the sandbox's instants, which a run
   * compares with its own wall-clock journal, drifted by seconds within minutes.)
   */
  static SimClock system() {
    AtomicReference<Instant> last = new AtomicReference<>(Instant.EPOCH);
    return () -> last.accumulateAndGet(Instant.now(), (prev, now) -> now.isAfter(prev) ? now : prev);
  }
}
