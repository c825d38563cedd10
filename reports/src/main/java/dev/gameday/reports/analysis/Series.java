package dev.gameday.reports.analysis;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Probe success and latency over the run, in buckets of {@code bucketSeconds}, for charts. */
public record Series(Instant origin, int bucketSeconds, List<SeriesPoint> points) {
  public Series {
    Objects.requireNonNull(origin, "origin");
    points = List.copyOf(points);
  }

  public static Series empty(Instant origin) {
    return new Series(origin, 1, List.of());
  }
}
