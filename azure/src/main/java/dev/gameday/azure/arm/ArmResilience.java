package dev.gameday.azure.arm;

import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;
import java.util.Objects;

/**
 * How ARM calls are made resilient: retries with exponential backoff and jitter (honouring
 * {@code Retry-After}), a rate limit per subscription for reads and for writes, and a time limit
 * per call. Immutable; start from {@link #defaults()}.
 *
 * @param maxAttempts attempts per call, the first included
 * @param initialBackoff wait before the first retry (then doubled, with 50% jitter)
 * @param maxBackoff longest wait between attempts without {@code Retry-After}
 * @param maxRetryAfter longest {@code Retry-After} honoured; longer answers end the retries
 * @param writesPerSecond writes per second per subscription (ARM refills 10/s per principal)
 * @param readsPerSecond reads per second per subscription (ARM refills 25/s per principal)
 * @param callTimeout time limit of one attempt, answer body included
 */
public record ArmResilience(int maxAttempts, Duration initialBackoff, Duration maxBackoff,
    Duration maxRetryAfter, double writesPerSecond, double readsPerSecond, Duration callTimeout) {

  public ArmResilience {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    if (!(writesPerSecond > 0) || !(readsPerSecond > 0)) {
      throw new IllegalArgumentException("rate limits must be positive");
    }
    Objects.requireNonNull(callTimeout, "callTimeout");
  }

  /** 5 attempts from 1 s up to 30 s apart, 5 writes/s and 50 reads/s, 60 s per call. */
  public static ArmResilience defaults() {
    return new ArmResilience(5, Duration.ofSeconds(1), Duration.ofSeconds(30),
        Duration.ofMinutes(2), 5, 50, Duration.ofSeconds(60));
  }

  public ArmResilience withBackoff(Duration initial, Duration max) {
    return new ArmResilience(maxAttempts, initial, max, maxRetryAfter, writesPerSecond,
        readsPerSecond, callTimeout);
  }

  public ArmResilience withMaxAttempts(int attempts) {
    return new ArmResilience(attempts, initialBackoff, maxBackoff, maxRetryAfter, writesPerSecond,
        readsPerSecond, callTimeout);
  }

  public ArmResilience withRates(double writes, double reads) {
    return new ArmResilience(maxAttempts, initialBackoff, maxBackoff, maxRetryAfter, writes, reads,
        callTimeout);
  }

  public ArmResilience withCallTimeout(Duration timeout) {
    return new ArmResilience(maxAttempts, initialBackoff, maxBackoff, maxRetryAfter,
        writesPerSecond, readsPerSecond, timeout);
  }

  /** Exponential backoff with jitter, capped at {@link #maxBackoff}. */
  IntervalFunction backoff() {
    return IntervalFunction.ofExponentialRandomBackoff(initialBackoff, 2.0, 0.5, maxBackoff);
  }

  /**
   * Whether a failed attempt may be repeated. ARM's 429 and 503 mean the request was not
   * accepted, so even actions are retried; other 5xx and lost answers only for idempotent calls;
   * a POST whose request may have been sent is never blindly repeated.
   */
  static boolean retryable(ArmRequest request, Throwable failure) {
    return switch (failure) {
      case ArmHttpException h -> h.status() == 429 || h.status() == 503
          || (request.idempotent() && (h.status() == 408 || h.status() >= 500));
      case ArmTransportException t -> request.idempotent() || !t.maybeSent();
      default -> false;
    };
  }
}
