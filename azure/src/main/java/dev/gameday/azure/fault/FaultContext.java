package dev.gameday.azure.fault;

import dev.gameday.azure.arm.ArmClient;
import dev.gameday.core.event.Stamp;
import dev.gameday.core.port.RunClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What every fault needs: the ARM client, the run clock, how often to poll the platform, and the
 * ARM URL used in manual {@code az rest} commands.
 */
public record FaultContext(ArmClient arm, RunClock clock, Duration pollInterval, String armUrl) {

  public FaultContext {
    Objects.requireNonNull(arm, "arm");
    Objects.requireNonNull(clock, "clock");
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("pollInterval must be positive");
    }
    armUrl = armUrl.endsWith("/") ? armUrl.substring(0, armUrl.length() - 1) : armUrl;
  }

  /** This context with every ARM call bounded by {@code deadline} (see {@link ArmClient#until}). */
  public FaultContext until(Instant deadline) {
    return new FaultContext(arm.until(deadline, clock::now), clock, pollInterval, armUrl);
  }

  public Stamp stamp() {
    return clock.stamp();
  }

  public boolean past(Instant deadline) {
    return !clock.now().isBefore(deadline);
  }

  /** Waits one poll interval, or less if the deadline comes first. */
  public void pause(Instant deadline) throws InterruptedException {
    pause(deadline, Duration.ZERO);
  }

  /**
   * Waits one poll interval but at least {@code atLeast} (an operation's {@code Retry-After}),
   * or less if the deadline comes first.
   */
  public void pause(Instant deadline, Duration atLeast) throws InterruptedException {
    sleep(atLeast.compareTo(pollInterval) > 0 ? atLeast : pollInterval, deadline);
  }

  /**
   * The waits of one wait for a change: quick right after its request, backing off to the poll
   * interval (see {@link Pace}).
   */
  Pace pace() {
    return new Pace(this);
  }

  /** Waits {@code wait}, or less if the deadline comes first (at least 1 ms). */
  void sleep(Duration wait, Instant deadline) throws InterruptedException {
    long left = Duration.between(clock.now(), deadline).toMillis();
    long ms = Math.max(1, Math.min(wait.toMillis(), left));
    Thread.sleep(ms);
  }
}
