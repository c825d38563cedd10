package dev.gameday.core.window;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * One concrete opening of a maintenance window: from {@code start} (inclusive) to {@code end}
 * (exclusive), both in the window's time zone. {@code margin} is how long before {@code end} every
 * fault must be reverted.
 */
public record Opening(ZonedDateTime start, ZonedDateTime end, Duration margin) {

  public Opening {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(margin, "margin");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("an opening must end after it starts: " + start
          + " .. " + end);
    }
    if (margin.isNegative()) {
      throw new IllegalArgumentException("margin must not be negative: " + margin);
    }
  }

  /** The instant by which every fault must be reverted: {@code end - margin}. */
  public Instant latestRevertBy() {
    return end.toInstant().minus(margin);
  }

  /**
   * The time a run may still use at {@code now}: from {@code now} to {@link #latestRevertBy()},
   * never negative. (The window itself stays open {@code margin} longer.)
   */
  public Duration remaining(Instant now) {
    Duration left = Duration.between(now, latestRevertBy());
    return left.isNegative() ? Duration.ZERO : left;
  }

  /** Whether the opening is open at {@code now}: {@code start <= now < end}. */
  public boolean contains(Instant now) {
    return !now.isBefore(start.toInstant()) && now.isBefore(end.toInstant());
  }
}
