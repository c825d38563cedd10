package dev.gameday.core.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.core.model.Window;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The maintenance window: a real IANA time zone, a valid cron schedule, schedule + duration or
 * start + end (end after start), freeze periods, and that baseline plus all holds plus the margin
 * fit in the window's length.
 */
final class WindowCheck implements SemanticCheck {
  private static final String W = "/window";
  private final Function<String, Optional<String>> cronProblem;

  /** {@code cronProblem} returns why a cron expression is invalid, or empty when it is valid. */
  WindowCheck(Function<String, Optional<String>> cronProblem) {
    this.cronProblem = cronProblem;
  }

  @Override
  public void check(CheckContext ctx) {
    JsonNode window = ctx.at(W);
    if (!window.isObject()) {
      return;
    }
    Optional<ZoneId> zone = zone(ctx);
    boolean scheduled = window.has("schedule") || window.has("duration");
    boolean explicit = window.has("start") || window.has("end");
    if (scheduled && explicit) {
      ctx.report(W, "window has both a schedule/duration and a start/end; use one form",
          "schedule + duration for a recurring window, start + end for a one-off");
    } else if (!(window.has("schedule") && window.has("duration")) && !(window.has("start") && window.has("end"))) {
      ctx.report(W, "window needs schedule + duration, or start + end",
          "e.g. schedule: \"0 2 * * TUE#1\" with duration: PT2H");
    }
    ctx.text(W + "/schedule").ifPresent(expr -> cronProblem.apply(expr).ifPresent(why ->
        ctx.report(W + "/schedule", "window.schedule: " + why,
            "5 fields: minute hour day-of-month month day-of-week, e.g. \"0 2 * * TUE#1\"")));
    Optional<Duration> duration = ctx.duration(W + "/duration", false);
    Optional<ZonedDateTime> start = dateTime(ctx, W + "/start", zone);
    Optional<ZonedDateTime> end = dateTime(ctx, W + "/end", zone);
    if (start.isPresent() && end.isPresent() && !end.get().isAfter(start.get())) {
      ctx.report(W + "/end", "window.end must be after window.start");
      return;
    }
    Optional<Duration> margin = ctx.duration(W + "/margin", true);
    freeze(ctx);
    Optional<Duration> length = duration.or(() -> start.flatMap(s -> end.map(e -> Duration.between(s, e))));
    length.ifPresent(l -> fits(ctx, l, margin.orElse(Window.DEFAULT_MARGIN)));
  }

  private Optional<ZoneId> zone(CheckContext ctx) {
    Optional<String> tz = ctx.text(W + "/timezone");
    if (tz.isEmpty()) {
      return Optional.empty();
    }
    Set<String> ids = ZoneId.getAvailableZoneIds();
    if (ids.contains(tz.get())) {
      return Optional.of(ZoneId.of(tz.get()));
    }
    ctx.report(W + "/timezone", "window.timezone " + ctx.shown(W + "/timezone") + " is not an IANA time zone id",
        Suggestions.didYouMean(tz.get(), ids).orElse("e.g. Europe/Berlin, America/New_York or UTC"));
    return Optional.empty();
  }

  private Optional<ZonedDateTime> dateTime(CheckContext ctx, String pointer, Optional<ZoneId> zone) {
    Optional<String> text = ctx.text(pointer);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text.get()).atZoneSameInstant(zone.orElse(ZoneOffset.UTC)));
    } catch (DateTimeException e) {
      try {
        return Optional.of(LocalDateTime.parse(text.get()).atZone(zone.orElse(ZoneOffset.UTC)));
      } catch (DateTimeException e2) {
        ctx.report(pointer, Pointers.display(pointer) + " is not a date-time: " + ctx.shown(pointer),
            "write 2026-03-03T02:00 (in window.timezone) or 2026-03-03T02:00:00+01:00");
        return Optional.empty();
      }
    }
  }

  private void freeze(CheckContext ctx) {
    JsonNode freeze = ctx.at(W + "/freeze");
    for (int i = 0; i < freeze.size(); i++) {
      String pointer = Pointers.child(W + "/freeze", i);
      Optional<String> text = ctx.text(pointer);
      if (text.isEmpty()) {
        continue;
      }
      String[] parts = text.get().split("/", -1);
      try {
        LocalDate from = LocalDate.parse(parts[0]);
        LocalDate to = parts.length > 1 ? LocalDate.parse(parts[1]) : from;
        if (parts.length > 2 || to.isBefore(from)) {
          ctx.report(pointer, "freeze period " + ctx.shown(pointer) + " ends before it starts");
        }
      } catch (DateTimeException e) {
        ctx.report(pointer, "freeze period " + ctx.shown(pointer) + " is not a date or date range",
            "write 2026-12-31 or 2026-12-20/2027-01-06");
      }
    }
  }

  private void fits(CheckContext ctx, Duration length, Duration margin) {
    Duration baseline = ctx.quietDuration("/steadyState/baseline").orElse(BinderDefaults.BASELINE);
    Duration holds = Duration.ZERO;
    JsonNode faults = ctx.at("/faults");
    for (int i = 0; i < faults.size(); i++) {
      holds = holds.plus(ctx.quietDuration(Pointers.child(Pointers.child("/faults", i), "hold")).orElse(Duration.ZERO));
    }
    Duration needed = baseline.plus(holds).plus(margin);
    if (needed.compareTo(length) > 0) {
      String at = ctx.at(W + "/duration").isMissingNode() ? W : W + "/duration";
      ctx.report(at, "the window is " + length + " long, but the experiment needs at least " + needed
          + " (baseline " + baseline + " + holds " + holds + " + margin " + margin + ")",
          "lengthen the window or shorten the baseline and holds");
    }
  }
}
