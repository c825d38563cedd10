package dev.gameday.core.load;

import java.time.Duration;

/** Defaults of the format that the model records do not carry themselves. */
final class BinderDefaults {
  static final Duration BASELINE = Duration.ofMinutes(1);
  static final Duration PROBE_EVERY = Duration.ofSeconds(1);
  static final Duration HOLD = Duration.ZERO;
  /** Most bytes of a Prometheus answer read: room for thousands of series, never unbounded. */
  static final long PROMETHEUS_MAX_BODY_BYTES = 1024 * 1024;

  private BinderDefaults() {}
}
