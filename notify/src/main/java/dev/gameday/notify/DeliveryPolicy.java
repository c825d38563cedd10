package dev.gameday.notify;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard a notice is pushed: each request may take {@code requestTimeout}; a failed one is
 * retried after {@code firstBackoff}, doubling, until {@code deadline} after the notice was
 * queued; each receiver queues at most {@code capacity} notices (more are dropped and counted).
 */
public record DeliveryPolicy(Duration requestTimeout, Duration firstBackoff, Duration deadline,
    int capacity) {

  public DeliveryPolicy {
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(firstBackoff, "firstBackoff");
    Objects.requireNonNull(deadline, "deadline");
    if (requestTimeout.isNegative() || requestTimeout.isZero() || capacity < 1) {
      throw new IllegalArgumentException("a request timeout and a capacity above zero are needed");
    }
  }

  /** 10 s per request, retries from 1 s on for up to 2 minutes, 256 notices per receiver. */
  public static DeliveryPolicy defaults() {
    return new DeliveryPolicy(Duration.ofSeconds(10), Duration.ofSeconds(1),
        Duration.ofMinutes(2), 256);
  }
}
