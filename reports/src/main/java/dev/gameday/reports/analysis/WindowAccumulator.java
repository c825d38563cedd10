package dev.gameday.reports.analysis;

import dev.gameday.core.event.TimelineEvent.ProbeSample;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Accumulates the samples of one window, overall and per probe; knows when it opened and closed. */
final class WindowAccumulator {
  private final String name;
  private final SampleAccumulator overall = new SampleAccumulator();
  private final Map<String, SampleAccumulator> probes = new HashMap<>();
  private Instant from;
  private Instant to;

  WindowAccumulator(String name) {
    this.name = name;
  }

  void open(Instant at) {
    if (from == null) {
      from = at;
    }
    to = null;
  }

  void close(Instant at) {
    if (from != null && to == null) {
      to = at;
    }
  }

  /** True when {@code probe} had at least one sample in this window. */
  boolean probed(String probe) {
    return probes.containsKey(probe);
  }

  boolean neverOpened() {
    return from == null;
  }

  boolean isOpen() {
    return from != null && to == null;
  }

  void add(ProbeSample s) {
    overall.add(s);
    probes.computeIfAbsent(s.probe(), p -> new SampleAccumulator()).add(s);
  }

  WindowStats stats() {
    Map<String, SampleStats> perProbe = new HashMap<>();
    probes.forEach((k, v) -> perProbe.put(k, v.stats()));
    return new WindowStats(name, Optional.ofNullable(from), Optional.ofNullable(to),
        overall.stats(), perProbe);
  }
}
