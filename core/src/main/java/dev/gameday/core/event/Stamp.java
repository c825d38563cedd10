package dev.gameday.core.event;

import java.time.Instant;
import java.util.Objects;

/**
 * When something happened: wall-clock UTC for people and correlation with Azure's own times, and
 * a monotonic reading (nanoseconds, comparable only within one process) for exact durations.
 */
public record Stamp(Instant utc, long mono) implements Comparable<Stamp> {
  public Stamp {
    Objects.requireNonNull(utc, "utc");
  }

  @Override
  public int compareTo(Stamp o) {
    return utc.compareTo(o.utc);
  }
}
