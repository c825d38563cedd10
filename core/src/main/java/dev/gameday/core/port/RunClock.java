package dev.gameday.core.port;

import dev.gameday.core.event.Stamp;
import java.time.Instant;

/** Time for a run: wall clock for stamps, monotonic nanoseconds for durations. Faked in tests. */
public interface RunClock {
  Instant now();

  long nanoTime();

  default Stamp stamp() {
    return new Stamp(now(), nanoTime());
  }

  /** The system clock: {@link Instant#now()} and {@link System#nanoTime()}. */
  RunClock SYSTEM = new RunClock() {
    @Override
    public Instant now() {
      return Instant.now();
    }

    @Override
    public long nanoTime() {
      return System.nanoTime();
    }
  };
}
