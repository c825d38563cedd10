package dev.gameday.reports.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.reports.bench.SyntheticRun;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's journal gives the figures it was built with (so the bench measures real work). */
class SyntheticRunAnalysisTest {
  @TempDir Path dir;

  @Test
  void theBenchJournalHasTheGapsItWasBuiltWith() throws IOException {
    Path journal = dir.resolve("journal.jsonl");
    SyntheticRun run = new SyntheticRun(4, 2, Duration.ofMinutes(60),
        Instant.parse("2026-03-03T01:00:00Z"));
    run.write(journal);

    Analysis a = new RecoveryGapAnalyzer().analyze(journal);

    assertThat(a.series().points()).hasSizeLessThanOrEqualTo(720);
    assertThat(a.step("web-power-off").orElseThrow().value(FigureKind.APPLICATION_GAP))
        .contains(Duration.ofSeconds(95));
    assertThat(a.step("cut-sql").orElseThrow().value(FigureKind.TIME_TO_IMPACT).orElseThrow())
        .isBetween(Duration.ofSeconds(120), Duration.ofSeconds(121));
    assertThat(a.findings()).extracting(Finding::code)
        .contains("application-gap", "nsg-late-impact", "failover-slower-than-rto");
    assertThat(a.baseline().overall().samples() + a.after().overall().samples())
        .isLessThan(run.samples());
  }
}
