package dev.gameday.probes;

import dev.gameday.core.port.RunClock;
import java.time.Duration;
import java.time.Instant;

/** A run clock that moves only when told: UTC is a fixed origin plus the monotonic reading. */
public final class FakeClock implements RunClock {
  private final Instant origin = Instant.parse("2026-05-05T02:00:00Z");
  private long nanos = 1_000_000_000L;

  @Override
  public Instant now() {
    return origin.plusNanos(nanos);
  }

  @Override
  public long nanoTime() {
    return nanos;
  }

  public void advance(Duration d) {
    nanos += d.toNanos();
  }
}
