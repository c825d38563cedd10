package dev.gameday.runner.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.reports.analysis.Verdict;
import dev.gameday.reports.history.RunSummary;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The streak behind the "gap above objective three runs in a row" alert, and the run gauges. */
class ReportMetricsTest {
  static RunSummary run(int i, Integer gapSeconds) {
    return new RunSummary(Path.of("r" + i), "r" + i, Optional.of(Instant.EPOCH.plusSeconds(i)),
        Verdict.PASSED, List.of(new RunSummary.StepPoint("web", Optional.empty(), Optional.empty(),
            Optional.ofNullable(gapSeconds).map(Duration::ofSeconds), Optional.empty(),
            Optional.empty())));
  }

  @Test
  void theStreakCountsTheLatestRunsInARowAboveTheLimit() {
    Optional<Duration> limit = Optional.of(Duration.ofSeconds(90));
    assertThat(ReportMetrics.gapStreak(List.of(run(1, 95), run(2, 40), run(3, 91), run(4, 120),
        run(5, 100)), limit)).isEqualTo(3);
    assertThat(ReportMetrics.gapStreak(List.of(run(1, 95), run(2, 90)), limit))
        .as("at the limit is not above it").isZero();
    assertThat(ReportMetrics.gapStreak(List.of(run(1, 95), run(2, null)), limit))
        .as("an unmeasured gap breaks the streak").isZero();
    assertThat(ReportMetrics.gapStreak(List.of(run(1, 95)), Optional.empty())).isZero();
  }

  @Test
  void aRunWithoutAnAnalysisStillExportsItsExitCodeAndInfo() {
    var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().commonTags("experiment", "exp");
    ReportMetrics.register(registry, new ReportMetrics.Run("run-1", "1.2.3", "REVERT_INCOMPLETE",
        5, 2, Optional.of("sre"), Instant.ofEpochSecond(1_700_000_000), Optional.empty(), 0));
    assertThat(registry.scrape())
        .contains("gameday_run_exit_code{experiment=\"exp\"} 5.0")
        .contains("gameday_revert_failures{experiment=\"exp\"} 2.0")
        .contains("gameday_run_info{experiment=\"exp\",outcome=\"REVERT_INCOMPLETE\",run_id=\"run-1\",team=\"sre\",version=\"1.2.3\"} 1\n")
        .contains("gameday_run_finished_timestamp_seconds{experiment=\"exp\"} 1.7E9")
        .doesNotContain("gameday_verdict");
  }
}
