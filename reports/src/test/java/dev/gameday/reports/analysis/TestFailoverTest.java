package dev.gameday.reports.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.core.journal.JournalFormat;
import dev.gameday.reports.Scenarios;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A test failover: production impact and the time until the DR copy served are two figures. */
class TestFailoverTest {
  @TempDir Path dir;

  @Test
  void theDrCopysProbeFailingUntilTheCopyExistsIsNoOutage() throws IOException {
    Analysis a = new RecoveryGapAnalyzer().analyze(Scenarios.testFailoverHealthyProduction("dr")
        .writeTo(dir).resolve(JournalFormat.FILE_NAME));
    StepResult s = a.step("dr-drill").orElseThrow();

    assertThat(s.impact()).as("production never failed").isFalse();
    assertThat(s.value(FigureKind.USER_VISIBLE_OUTAGE)).isEmpty();
    assertThat(s.value(FigureKind.DR_COPY_SERVED)).contains(Duration.ofSeconds(35));
    // Azure's part: from the request that started the job (60.1 s, after Gameday read the plan)
    // to the job's own endTime (89.6 s), not to the poll that saw it (90 s).
    assertThat(s.value(FigureKind.PLATFORM_RECOVERY)).contains(Duration.ofMillis(29_500));
    assertThat(a.objectives()).singleElement().satisfies(o -> {
      assertThat(o.kind()).isEqualTo(ObjectiveKind.RTO);
      assertThat(o.status()).isEqualTo(CheckStatus.MET);
      assertThat(o.checks().get(0).measured()).contains(new Measure.Time(Duration.ofSeconds(35)));
    });
    assertThat(a.findings()).filteredOn(f -> f.code().equals("test-failover")).singleElement()
        .satisfies(f -> assertThat(f.text()).contains("no production impact")
            .contains("The DR copy served its first good answer 35 s after the failover request"));
    assertThat(a.findings()).allSatisfy(f -> assertThat(f.text()).doesNotContain("cleaned up"));
    assertThat(a.overallVerdict()).isEqualTo(Verdict.PASSED);
  }
}
