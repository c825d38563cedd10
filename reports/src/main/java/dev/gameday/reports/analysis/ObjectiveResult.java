package dev.gameday.reports.analysis;

import java.util.List;
import java.util.Objects;

/**
 * One objective of the experiment and its verdict over all fault steps: MISSED if any step
 * missed it, MET if every measured step met it, NOT_MEASURED if no step could be measured.
 */
public record ObjectiveResult(ObjectiveKind kind, Measure limit, CheckStatus status,
    List<ObjectiveCheck> checks) {
  public ObjectiveResult {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(limit, "limit");
    Objects.requireNonNull(status, "status");
    checks = List.copyOf(checks);
  }

  public Owner owner() {
    return kind.owner();
  }

  /**
   * The precision at which the limit and every measured value are shown, so that each verdict
   * reads right: the most any check needs (see {@link Measure#level}), and at least what the
   * limit needs to be shown exactly.
   */
  public int level() {
    return Math.max(limit.exactLevel(), checks.stream().flatMap(c -> c.measured().stream())
        .mapToInt(m -> Measure.level(m, limit)).max().orElse(0));
  }
}
