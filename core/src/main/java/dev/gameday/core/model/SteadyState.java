package dev.gameday.core.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What "the application is fine" means: probes with tolerances. {@code baseline} is how long
 * steady state must hold before any fault is injected.
 */
public record SteadyState(Duration baseline, List<ProbeSpec> probes) {
  public SteadyState {
    Objects.requireNonNull(baseline, "baseline");
    probes = List.copyOf(probes);
  }
}
