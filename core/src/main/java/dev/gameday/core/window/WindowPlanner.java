package dev.gameday.core.window;

import dev.gameday.core.model.Window;
import dev.gameday.core.model.Window.FreezePeriod;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Answers the questions a run asks of its {@link Window}: is it open now, when does it open next,
 * and may a run of a given length start now. Openings whose start date (in the window's zone)
 * falls in a freeze period never open. Immutable; all answers depend only on the arguments.
 */
public final class WindowPlanner {
  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private final Window window;
  private final ZoneId zone;
  private final Duration length;
  private final Optional<CronSchedule> schedule;

  /**
   * @throws IllegalArgumentException if the window is neither {@code schedule} + {@code duration}
   *     nor {@code start} + {@code end}, has a non-positive length, a margin not shorter than its
   *     length, or an invalid cron expression ({@link InvalidCronExpressionException})
   */
  public WindowPlanner(Window window) {
    this.window = Objects.requireNonNull(window, "window");
    this.zone = window.timezone();
    boolean explicit = window.start().isPresent() || window.end().isPresent();
    if (window.schedule().isPresent()) {
      if (explicit) {
        throw new IllegalArgumentException(
            "window: give either schedule + duration or start + end, not both");
      }
      if (window.duration().isEmpty()) {
        throw new IllegalArgumentException("window: a schedule needs a duration");
      }
      this.schedule = Optional.of(CronSchedule.parse(window.schedule().get()));
    } else {
      if (window.start().isEmpty() || window.end().isEmpty() || window.duration().isPresent()) {
        throw new IllegalArgumentException(
            "window: give either schedule + duration or start + end");
      }
      this.schedule = Optional.empty();
    }
    this.length = window.length();
    if (length.isNegative() || length.isZero()) {
      throw new IllegalArgumentException("window: its length must be positive, got " + length);
    }
    if (window.margin().isNegative() || window.margin().compareTo(length) >= 0) {
      throw new IllegalArgumentException("window: margin " + window.margin()
          + " must be at least zero and shorter than the window's length " + length);
    }
  }

  /** The window this planner answers for. */
  public Window window() {
    return window;
  }

  /**
   * The opening that is open at {@code now} (started at or before {@code now}, not yet ended),
   * skipping frozen ones. If several overlap, the one that started last, which closes last.
   */
  public Optional<Opening> current(Instant now) {
    Opening open = null;
    for (Opening opening : covering(now)) {
      if (freezeOf(opening).isEmpty()) {
        open = opening;
      }
    }
    return Optional.ofNullable(open);
  }

  /**
   * Up to {@code count} openings that have not ended at {@code from}, in start order, skipping
   * frozen ones. The first may already be open (its start is before {@code from}). An explicit
   * start/end window yields at most one opening.
   */
  public List<Opening> next(Instant from, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
    return unfrozenStartingAfter(from.minus(length), count);
  }

  /**
   * Whether a run expected to take {@code plannedDuration} may start at {@code now}: only inside
   * an opening, and only if it ends by {@link Opening#latestRevertBy()}.
   */
  public Decision admit(Instant now, Duration plannedDuration) {
    Objects.requireNonNull(plannedDuration, "plannedDuration");
    if (plannedDuration.isNegative()) {
      throw new IllegalArgumentException("plannedDuration must not be negative: " + plannedDuration);
    }
    List<Opening> covering = covering(now);
    Optional<Opening> open = current(now);
    Optional<Opening> later = unfrozenStartingAfter(now, 1).stream().findFirst();
    String then = later.map(o -> "; the next opens at " + ISO.format(o.start()))
        .orElseGet(() -> "; " + nothingLater(now));
    if (open.isPresent()) {
      Duration left = open.get().remaining(now);
      if (plannedDuration.compareTo(left) <= 0) {
        return new Decision.Admitted(open.get());
      }
      return new Decision.Refused("the run needs " + plannedDuration + " but only "
          + left.truncatedTo(ChronoUnit.SECONDS) + " remain before the window closes (margin "
          + window.margin() + ")" + then, later);
    }
    if (!covering.isEmpty()) {
      Opening frozen = covering.get(covering.size() - 1);
      FreezePeriod period = freezeOf(frozen).orElseThrow();
      return new Decision.Refused("inside a freeze period (" + period.from() + " to "
          + period.to() + "): the opening at " + ISO.format(frozen.start()) + " is cancelled"
          + then, later);
    }
    return new Decision.Refused("outside the maintenance window" + then, later);
  }

  private String nothingLater(Instant now) {
    if (schedule.isPresent()) {
      return "no later opening within " + CronSchedule.SEARCH_YEARS + " years";
    }
    ZonedDateTime end = explicitOpening().end();
    return end.toInstant().isAfter(now) ? "no later opening"
        : "the window closed at " + ISO.format(end);
  }

  /** Openings open at {@code now}, frozen or not, in start order. */
  private List<Opening> covering(Instant now) {
    List<Opening> result = new ArrayList<>();
    Instant cursor = now.minus(length);
    for (Optional<Opening> o = firstStartingAfter(cursor);
        o.isPresent() && !o.get().start().toInstant().isAfter(now);
        o = firstStartingAfter(cursor)) {
      result.add(o.get());
      cursor = o.get().start().toInstant();
    }
    return result;
  }

  private List<Opening> unfrozenStartingAfter(Instant after, int count) {
    List<Opening> result = new ArrayList<>();
    Instant cursor = after;
    while (result.size() < count) {
      Optional<Opening> found = firstStartingAfter(cursor);
      if (found.isEmpty()) {
        break;
      }
      Opening opening = found.get();
      Optional<FreezePeriod> freeze = freezeOf(opening);
      if (freeze.isPresent()) {
        // Nothing starting before the day after the freeze can open: jump past it.
        cursor = freeze.get().to().plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1);
      } else {
        result.add(opening);
        cursor = opening.start().toInstant();
      }
    }
    return result;
  }

  /** The first opening, ignoring freezes, that starts strictly after {@code after}. */
  private Optional<Opening> firstStartingAfter(Instant after) {
    if (schedule.isPresent()) {
      return schedule.get().next(after.atZone(zone))
          .map(start -> new Opening(start, start.plus(length), window.margin()));
    }
    Opening only = explicitOpening();
    return only.start().toInstant().isAfter(after) ? Optional.of(only) : Optional.empty();
  }

  private Opening explicitOpening() {
    return new Opening(window.start().orElseThrow().withZoneSameInstant(zone),
        window.end().orElseThrow().withZoneSameInstant(zone), window.margin());
  }

  private Optional<FreezePeriod> freezeOf(Opening opening) {
    return window.freeze().stream()
        .filter(period -> period.contains(opening.start().toLocalDate()))
        .findFirst();
  }
}
