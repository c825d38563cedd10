package dev.gameday.reports.analysis;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One measured timing of a fault step. {@code value} is empty when it could not be measured (the
 * {@code note} says why, e.g. "no failed probe: redundancy worked"); the evidence names the
 * journal lines it was computed from.
 */
public record Figure(FigureKind kind, Optional<Duration> value, String note,
    List<Evidence> evidence) {
  public Figure {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(note, "note");
    evidence = List.copyOf(evidence);
  }

  public Owner owner() {
    return kind.owner();
  }

  static Figure measured(FigureKind kind, Duration value, String note, List<Evidence> evidence) {
    return new Figure(kind, Optional.of(value), note, evidence);
  }

  static Figure missing(FigureKind kind, String note, List<Evidence> evidence) {
    return new Figure(kind, Optional.empty(), note, evidence);
  }
}
