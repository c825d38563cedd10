package dev.gameday.reports.render;

import dev.gameday.reports.analysis.CheckStatus;
import dev.gameday.reports.analysis.Measure;
import dev.gameday.reports.analysis.ObjectiveCheck;
import dev.gameday.reports.analysis.ObjectiveResult;
import dev.gameday.reports.analysis.Verdict;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Words and symbols shared by the renderers. */
final class Labels {
  private Labels() {}

  static String verdictIcon(Verdict v) {
    return switch (v) {
      case PASSED -> "✅";
      case OBJECTIVES_MISSED, REVERT_INCOMPLETE -> "❌";
      case NOT_STARTED, ABORTED, INCOMPLETE -> "⚠️";
    };
  }

  static String statusIcon(CheckStatus s) {
    return switch (s) {
      case MET -> "✅";
      case MISSED -> "❌";
      case NOT_MEASURED -> "➖";
    };
  }

  /** The operator as {@code key=value, ...} (it never holds a token). */
  static String operator(Map<String, String> operator) {
    return operator.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
  }

  /** The largest measured value among the checks of an objective. */
  static Optional<Measure> worst(ObjectiveResult o) {
    return o.checks().stream().map(ObjectiveCheck::measured).flatMap(Optional::stream)
        .max(Comparator.comparingDouble(Labels::magnitude));
  }

  private static double magnitude(Measure m) {
    return switch (m) {
      case Measure.Time t -> t.value().toNanos();
      case Measure.Ratio r -> r.value();
    };
  }
}
