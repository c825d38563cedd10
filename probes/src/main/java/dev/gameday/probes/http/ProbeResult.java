package dev.gameday.probes.http;

import dev.gameday.core.event.TimelineEvent.Outcome;
import java.time.Instant;
import java.util.Objects;

/**
 * What one probe request came to: when it started (monotonic nanos and UTC) and ended, the HTTP
 * status (0 without an answer), the outcome and a short reason a person can read.
 */
public record ProbeResult(Instant startedUtc, long started, long ended, int status,
    Outcome outcome, String reason) {
  public ProbeResult {
    Objects.requireNonNull(startedUtc, "startedUtc");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(reason, "reason");
  }

  public long latencyNanos() {
    return ended - started;
  }
}
