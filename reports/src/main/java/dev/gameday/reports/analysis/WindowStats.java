package dev.gameday.reports.analysis;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Probe statistics for one window of the run (baseline, during a fault, after the reverts):
 * overall and per probe (sorted by probe name).
 */
public record WindowStats(String window, Optional<Instant> from, Optional<Instant> to,
    SampleStats overall, Map<String, SampleStats> probes) {
  public WindowStats {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(overall, "overall");
    probes = Collections.unmodifiableMap(new TreeMap<>(probes));
  }

  public static WindowStats empty(String window) {
    return new WindowStats(window, Optional.empty(), Optional.empty(), SampleStats.empty(),
        Map.of());
  }
}
