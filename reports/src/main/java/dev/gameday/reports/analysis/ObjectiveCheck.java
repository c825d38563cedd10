package dev.gameday.reports.analysis;

import java.util.Objects;
import java.util.Optional;

/** One objective judged for one fault step: the figure measured and whether it was within. */
public record ObjectiveCheck(String step, Optional<Measure> measured, CheckStatus status,
    String note) {
  public ObjectiveCheck {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(measured, "measured");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(note, "note");
  }
}
