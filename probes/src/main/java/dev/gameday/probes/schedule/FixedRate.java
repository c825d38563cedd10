package dev.gameday.probes.schedule;

/**
 * A fixed-rate schedule on a monotonic clock: tick {@code k} is due at {@code start + k * every},
 * so lateness never accumulates into drift. A tick found more than one interval past its slot is
 * skipped (missed) rather than fired late, so a stalled timer never causes a catch-up burst.
 */
public record FixedRate(long startNanos, long everyNanos) {
  public FixedRate {
    if (everyNanos <= 0) {
      throw new IllegalArgumentException("every must be positive");
    }
  }

  /** When tick {@code k} is due. */
  /**
   * A probe's rate from {@code now}: slots at {@code offset} plus whole intervals, the first at
   * least {@code startDelay} from now (the probe keeps its offset within the interval).
   */
  public static FixedRate from(long now, long offset, long startDelay, long every) {
    long first = offset < startDelay
        ? offset + Math.ceilDiv(startDelay - offset, every) * every : offset;
    return new FixedRate(now + first, every);
  }

  public long slot(long k) {
    return startNanos + k * everyNanos;
  }

  /**
   * What to do when the timer wakes at {@code now} for tick {@code k}: ticks {@code k} up to
   * (excluding) {@link Decision#run()} are missed; {@code run} fires now.
   */
  public Decision decide(long k, long now) {
    long late = now - slot(k);
    if (late <= everyNanos) {
      return new Decision(k, k);
    }
    long current = Math.floorDiv(now - startNanos, everyNanos);
    return new Decision(k, Math.max(current, k));
  }

  /** Ticks {@code [firstMissed, run)} are missed; tick {@code run} fires. */
  public record Decision(long firstMissed, long run) {
    public long missedCount() {
      return run - firstMissed;
    }
  }
}
