package dev.gameday.core.model;

import java.time.Duration;
import java.util.Objects;

/**
 * One probe: an HTTP request sent at a fixed rate ({@code every}), what a good answer looks like
 * ({@code expect}), how much failure is tolerated ({@code tolerance}) and when it runs
 * ({@code mode}).
 */
public record ProbeSpec(
    String name,
    HttpRequestSpec http,
    Duration every,
    Expectation expect,
    Tolerance tolerance,
    Mode mode) {

  public ProbeSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(every, "every");
    Objects.requireNonNull(expect, "expect");
    Objects.requireNonNull(tolerance, "tolerance");
    Objects.requireNonNull(mode, "mode");
    if (every.isNegative() || every.isZero()) {
      throw new IllegalArgumentException("every must be positive");
    }
  }

  /** When a probe runs. */
  public enum Mode {
    /** The whole run, from baseline to the final verification (the default). */
    CONTINUOUS,
    /** Only during the baseline, before any fault. */
    BASELINE,
    /** Only while a fault is held. */
    DURING,
    /** Only after all faults are reverted. */
    AFTER;

    public String yamlName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
