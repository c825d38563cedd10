package dev.gameday.sandbox.internal.arm;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** ARM's timestamp format: {@code 2025-01-01T10:00:00.1234567+00:00}. */
public final class ArmTime {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSxxx").withZone(ZoneOffset.UTC);

  private ArmTime() {
  }

  public static String format(Instant instant) {
    return FORMAT.format(instant);
  }
}
