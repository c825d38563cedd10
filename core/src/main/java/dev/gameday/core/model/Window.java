package dev.gameday.core.model;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The maintenance window a run must fit in: either a cron {@code schedule} plus {@code duration}
 * or an explicit {@code start}/{@code end}, in {@code timezone}; {@code freeze} periods in which no
 * window opens; {@code margin} is how long before the window closes every fault must be reverted.
 */
public record Window(
    ZoneId timezone,
    Optional<String> schedule,
    Optional<Duration> duration,
    Optional<ZonedDateTime> start,
    Optional<ZonedDateTime> end,
    List<FreezePeriod> freeze,
    Duration margin) {

  public static final Duration DEFAULT_MARGIN = Duration.ofMinutes(5);

  public Window {
    Objects.requireNonNull(timezone, "timezone");
    freeze = List.copyOf(freeze);
    margin = margin == null ? DEFAULT_MARGIN : margin;
  }

  /** The window's length: {@code duration}, or end minus start. */
  public Duration length() {
    if (duration.isPresent()) {
      return duration.get();
    }
    return Duration.between(start.orElseThrow(), end.orElseThrow());
  }

  /** A freeze period, inclusive dates in the window's time zone. */
  public record FreezePeriod(java.time.LocalDate from, java.time.LocalDate to) {
    public FreezePeriod {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }

    public boolean contains(java.time.LocalDate day) {
      return !day.isBefore(from) && !day.isAfter(to);
    }
  }
}
