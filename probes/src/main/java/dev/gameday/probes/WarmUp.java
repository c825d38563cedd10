package dev.gameday.probes;

import dev.gameday.core.event.Phase;
import dev.gameday.core.model.ProbeSpec;
import dev.gameday.probes.steady.ModeGate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How the probes warm up before the baseline: for {@code duration} they run their whole path
 * (connections, TLS handshakes, requests, judging) at their own rates without recording
 * anything, and over the first {@code ramp} of it they start one after the other, so that a
 * thousand probes do not open a thousand connections in the same interval while the JIT has
 * compiled nothing yet.
 *
 * @param duration from the warm-up's start to the baseline; zero means no warm-up
 * @param ramp probe {@code i} of {@code n} starts {@code i/n} of it after the warm-up's start
 */
public record WarmUp(Duration duration, Duration ramp) {
  /** No warm-up: the probes record from their first tick. */
  public static final WarmUp NONE = new WarmUp(Duration.ZERO, Duration.ZERO);
  /** Each probe adds this much to the ramp ... */
  static final Duration RAMP_PER_PROBE = Duration.ofMillis(5);
  /** ... up to this. */
  static final Duration MAX_RAMP = Duration.ofSeconds(5);
  /** After the ramp, for the last probes' first answers and the code they ran to be compiled. */
  static final Duration SETTLE = Duration.ofSeconds(1);

  public WarmUp {
    if (duration.isNegative() || ramp.isNegative() || ramp.compareTo(duration) > 0) {
      throw new IllegalArgumentException("need 0 <= ramp <= duration, got ramp " + ramp
          + " and duration " + duration);
    }
  }

  /**
   * The warm-up of {@code probes} (those that run in the baseline): a ramp of 5 ms per probe, at
   * most 5 s, then {@link #SETTLE} plus half the ramp again. One probe warms up for about 1 s, a
   * thousand for 8.5 s.
   */
  public static WarmUp plan(List<ProbeSpec> probes) {
    if (probes.isEmpty()) {
      return NONE;
    }
    Duration ramp = RAMP_PER_PROBE.multipliedBy(probes.size());
    if (ramp.compareTo(MAX_RAMP) > 0) {
      ramp = MAX_RAMP;
    }
    return new WarmUp(ramp.plus(SETTLE).plus(ramp.dividedBy(2)), ramp);
  }

  /** The warm-up of a run's probes: {@link #plan} of those that run in the baseline. */
  public static WarmUp forRun(List<ProbeSpec> probes) {
    return plan(probes.stream()
        .filter(p -> ModeGate.active(p.mode(), Optional.of(Phase.WARMUP))).toList());
  }

  /** When probe {@code i} of {@code n} starts, from the warm-up's start, in nanoseconds. */
  public long startOf(int i, int n) {
    return n == 0 ? 0 : ramp.toNanos() * i / n;
  }
}
