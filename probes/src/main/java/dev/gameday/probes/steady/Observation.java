package dev.gameday.probes.steady;

import java.time.Instant;
import java.util.Objects;

/**
 * One probe answer as steady-state evaluation sees it: when the request started (monotonic nanos
 * and UTC), whether it met the expectation, its latency and its reason. Missed ticks are not
 * observations: they say nothing about the application.
 */
public record Observation(long startedNanos, Instant startedUtc, boolean ok, long latencyNanos,
    String reason) {
  public Observation {
    Objects.requireNonNull(startedUtc, "startedUtc");
    Objects.requireNonNull(reason, "reason");
  }
}
