package dev.gameday.reports.history;

import dev.gameday.reports.analysis.Analysis;
import dev.gameday.reports.analysis.FigureKind;
import dev.gameday.reports.analysis.StepResult;
import dev.gameday.reports.analysis.Verdict;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One earlier (or the current) run of an experiment, reduced to the figures history compares. */
public record RunSummary(Path runDir, String runId, Optional<Instant> started, Verdict verdict,
    List<StepPoint> steps) {
  public RunSummary {
    Objects.requireNonNull(runDir, "runDir");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(verdict, "verdict");
    steps = List.copyOf(steps);
  }

  /** The figures of one step in one run. */
  public record StepPoint(String step, Optional<Duration> timeToEffect,
      Optional<Duration> platformRecovery, Optional<Duration> applicationGap,
      Optional<Duration> outage, Optional<Double> errorRatio) {}

  public static RunSummary of(Path runDir, Analysis a) {
    List<StepPoint> points = a.steps().stream().filter(StepResult::platformSide)
        .map(s -> new StepPoint(s.name(), s.value(FigureKind.TIME_TO_EFFECT),
            s.value(FigureKind.PLATFORM_RECOVERY), s.value(FigureKind.APPLICATION_GAP),
            s.value(FigureKind.USER_VISIBLE_OUTAGE), s.during().overall().errorRatio()))
        .toList();
    return new RunSummary(runDir, a.run().runId(), a.run().started(), a.overallVerdict(), points);
  }

  public Optional<StepPoint> step(String name) {
    return steps.stream().filter(p -> p.step().equals(name)).findFirst();
  }
}
