package dev.gameday.sandbox.internal.time;

import java.time.Duration;

/** Turns world durations (seconds, as written in the world file) into real durations at a speed factor. */
public record Timings(double speed) {

  public Timings {
    if (!(speed > 0)) {
      throw new IllegalArgumentException("speed must be positive: " + speed);
    }
  }

  public Duration real(double worldSeconds) {
    return Duration.ofNanos(Math.round(worldSeconds * 1_000_000_000d / speed));
  }
}
