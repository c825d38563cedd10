package dev.gameday.core.window;

import dev.gameday.core.model.Window;
import dev.gameday.core.model.Window.FreezePeriod;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/** Test helpers to build windows and instants in Berlin time. */
final class Windows {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private Windows() {
  }

  static Window scheduled(String cron, Duration duration, Duration margin,
      FreezePeriod... freeze) {
    return new Window(BERLIN, Optional.of(cron), Optional.of(duration), Optional.empty(),
        Optional.empty(), List.of(freeze), margin);
  }

  static Window explicit(ZonedDateTime start, ZonedDateTime end, Duration margin) {
    return new Window(BERLIN, Optional.empty(), Optional.empty(), Optional.of(start),
        Optional.of(end), List.of(), margin);
  }

  static FreezePeriod freeze(String from, String to) {
    return new FreezePeriod(LocalDate.parse(from), LocalDate.parse(to));
  }

  /** A local Berlin time as an instant. */
  static Instant berlin(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
  }
}
