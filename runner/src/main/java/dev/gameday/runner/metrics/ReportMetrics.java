package dev.gameday.runner.metrics;

import dev.gameday.reports.analysis.Analysis;
import dev.gameday.reports.analysis.CheckStatus;
import dev.gameday.reports.analysis.Figure;
import dev.gameday.reports.analysis.ObjectiveResult;
import dev.gameday.reports.analysis.StepResult;
import dev.gameday.reports.analysis.Verdict;
import dev.gameday.reports.history.RunSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A finished run's report as Prometheus gauges, for fleet dashboards and alerts. Registered once
 * the reports are written; the registry's common tag {@code experiment} labels every series (the
 * probe metrics too). In the Prometheus format:
 * <ul>
 *   <li>{@code gameday_figure_seconds{step,owner,figure}}: each measured figure of each step
 *   <li>{@code gameday_step_error_ratio{step,owner="application"}}: errors while the fault held
 *   <li>{@code gameday_objective_met{objective,owner}}: 1 met, 0 missed (not measured: absent)
 *   <li>{@code gameday_verdict{verdict}}: 1 for the run's verdict, 0 for the others
 *   <li>{@code gameday_run_exit_code}, {@code gameday_revert_failures},
 *       {@code gameday_run_finished_timestamp_seconds}
 *   <li>{@code gameday_run_info{run_id,version,outcome,team}} 1
 *   <li>{@code gameday_application_gap_over_objective_runs}: how many of the latest runs in a
 *       row had an application gap above today's {@code maxApplicationGap} (0: the last did not)
 * </ul>
 */
public final class ReportMetrics {
  private ReportMetrics() {}

  /** What the gauges are made of; {@code analysis} is empty when the journal could not be read. */
  public record Run(String runId, String version, String outcome, int exitCode,
      int revertFailures, Optional<String> team, Instant finished, Optional<Analysis> analysis,
      int gapStreak) {}

  public static void register(MeterRegistry registry, Run run) {
    run.analysis().ifPresent(a -> {
      for (StepResult step : a.steps()) {
        for (Figure f : step.figures()) {
          f.value().ifPresent(v -> Gauge.builder("gameday.figure.seconds", () -> seconds(v))
              .description("A recovery figure of the report (time to effect, platform recovery,"
                  + " application recovery gap, ...), in seconds")
              .tag("step", step.name()).tag("owner", f.owner().label())
              .tag("figure", f.kind().key()).register(registry));
        }
        step.during().overall().errorRatio().ifPresent(r ->
            Gauge.builder("gameday.step.error.ratio", () -> r)
                .description("Failed probe samples over all samples while the step's fault held")
                .tag("step", step.name()).tag("owner", "application").register(registry));
      }
      for (ObjectiveResult o : a.objectives()) {
        if (o.status() != CheckStatus.NOT_MEASURED) {
          double met = o.status() == CheckStatus.MET ? 1 : 0;
          Gauge.builder("gameday.objective.met", () -> met)
              .description("1 when the objective was met, 0 when missed")
              .tag("objective", o.kind().key()).tag("owner", o.owner().label())
              .register(registry);
        }
      }
      for (Verdict v : Verdict.values()) {
        double current = v == a.overallVerdict() ? 1 : 0;
        Gauge.builder("gameday.verdict", () -> current)
            .description("1 for the run's verdict, 0 for the others")
            .tag("verdict", v.name()).register(registry);
      }
    });
    Gauge.builder("gameday.run.exit.code", run::exitCode)
        .description("The run's exit code (0 passed, 1 missed, 3 not started, 4 aborted, 5 revert incomplete)")
        .register(registry);
    Gauge.builder("gameday.revert.failures", run::revertFailures)
        .description("Reverts that did not complete: something may still be injected")
        .register(registry);
    double finished = run.finished().toEpochMilli() / 1000.0;
    Gauge.builder("gameday.run.finished.timestamp.seconds", () -> finished)
        .description("When the run finished, UNIX seconds").register(registry);
    Gauge.builder("gameday.run.info", () -> 1)
        .description("The run: its id, Gameday's version, the outcome and the owning team")
        .tag("run_id", run.runId()).tag("version", run.version()).tag("outcome", run.outcome())
        .tag("team", run.team().orElse("")).register(registry);
    Gauge.builder("gameday.application.gap.over.objective.runs", run::gapStreak)
        .description("How many of the latest runs in a row had an application recovery gap"
            + " above the maxApplicationGap objective")
        .register(registry);
  }

  /**
   * How many of the latest runs (oldest first in {@code runs}) in a row had a step whose
   * application recovery gap exceeded {@code limit}; 0 without a limit.
   */
  public static int gapStreak(List<RunSummary> runs, Optional<Duration> limit) {
    if (limit.isEmpty()) {
      return 0;
    }
    int streak = 0;
    for (int i = runs.size() - 1; i >= 0; i--) {
      boolean over = runs.get(i).steps().stream().anyMatch(p -> p.applicationGap()
          .filter(g -> g.compareTo(limit.get()) > 0).isPresent());
      if (!over) {
        break;
      }
      streak++;
    }
    return streak;
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }
}
