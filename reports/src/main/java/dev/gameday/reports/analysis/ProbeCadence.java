package dev.gameday.reports.analysis;

import dev.gameday.core.event.TimelineEvent.ProbeSample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.HashMap;

/** Learns how often each probe ran (mean interval between samples) and which probes exist. */
final class ProbeCadence {
  private final Map<String, long[]> firstLastCount = new HashMap<>();

  void add(ProbeSample s) {
    long nanos = s.at().utc().getEpochSecond() * 1_000_000_000L + s.at().utc().getNano();
    long[] v = firstLastCount.computeIfAbsent(s.probe(), p -> new long[] {nanos, nanos, 0});
    v[0] = Math.min(v[0], nanos);
    v[1] = Math.max(v[1], nanos);
    v[2]++;
  }

  List<String> probes() {
    List<String> names = new ArrayList<>(firstLastCount.keySet());
    names.sort(null);
    return names;
  }

  /** The median of the probes' mean intervals, if any probe ran at least twice. */
  Optional<Duration> typicalInterval() {
    List<Long> intervals = new ArrayList<>();
    for (long[] v : firstLastCount.values()) {
      if (v[2] >= 2) {
        intervals.add((v[1] - v[0]) / (v[2] - 1));
      }
    }
    if (intervals.isEmpty()) {
      return Optional.empty();
    }
    intervals.sort(Long::compare);
    return Optional.of(Duration.ofNanos(intervals.get(intervals.size() / 2)));
  }

}
