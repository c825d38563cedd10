package dev.gameday.reports.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.core.event.Phase;
import dev.gameday.core.event.RunOutcome;
import dev.gameday.core.event.TimelineEvent.PhaseStarted;
import dev.gameday.core.event.TimelineEvent.RunFinished;
import dev.gameday.core.journal.JournalFormat;
import dev.gameday.reports.FixtureJournal;
import dev.gameday.reports.Scenarios;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Verdicts at the edges: aborted, not started, killed, rolled back; one vocabulary. */
class VerdictTest {
  @TempDir Path dir;

  private Analysis analyze(FixtureJournal j) throws IOException {
    return new RecoveryGapAnalyzer().analyze(j.writeTo(dir).resolve(JournalFormat.FILE_NAME));
  }

  @Test
  void everyRunOutcomeButInvalidInputIsAVerdictOfTheSameName() {
    assertThat(Arrays.stream(RunOutcome.values()).filter(o -> o != RunOutcome.INVALID_INPUT))
        .allSatisfy(o -> assertThat(Verdict.of(o).name()).isEqualTo(o.name()));
  }

  @Test
  void anAbortedRunIsAbortedWithItsCauseAndJudgesNothingItNeverWaitedFor() throws IOException {
    Analysis a = analyze(Scenarios.abortedVmPowerOff("aborted"));

    assertThat(a.overallVerdict()).isEqualTo(Verdict.ABORTED);
    assertThat(a.verdictReason()).contains("stopped with `gameday abort`")
        .contains("gameday abort by sre@example.com");
    assertThat(a.objectives()).filteredOn(o -> o.kind() != ObjectiveKind.MAX_TIME_TO_EFFECT
            && o.kind() != ObjectiveKind.MAX_ERROR_RATIO)
        .allSatisfy(o -> assertThat(o.status()).isEqualTo(CheckStatus.NOT_MEASURED));
    assertThat(a.objectives()).filteredOn(o -> o.kind() == ObjectiveKind.MAX_TIME_TO_EFFECT)
        .singleElement().satisfies(o -> assertThat(o.status()).isEqualTo(CheckStatus.MET));
    assertThat(a.findings()).extracting(Finding::code)
        .doesNotContain("application-not-recovered", "steady-state-not-back");
  }

  @Test
  void aRunWhoseBaselineNeverHeldIsNotStartedWithTheRunnersReason() throws IOException {
    Analysis a = analyze(Scenarios.notStarted("not-started"));

    assertThat(a.overallVerdict()).isEqualTo(Verdict.NOT_STARTED);
    assertThat(a.verdictReason()).isEqualTo("Not started: steady state did not hold "
        + "during the baseline, so nothing was injected: storefront.");
    assertThat(a.objectives()).allSatisfy(o ->
        assertThat(o.status()).isEqualTo(CheckStatus.NOT_MEASURED));
  }

  @Test
  void aKilledRunIsIncompleteAndItsMissingFiguresAreNotMissed() throws IOException {
    FixtureJournal j = Scenarios.standardStart("killed", java.util.List.of(Scenarios.vmStep()));
    Scenarios.vmPowerOff(j, 60, 10, false);
    j.samples("storefront", 1, 73, 1, dev.gameday.core.event.TimelineEvent.Outcome.OK, 40)
        .samples("storefront", 73, 170, 1,
            dev.gameday.core.event.TimelineEvent.Outcome.CONNECTION_REFUSED, 2);
    Analysis a = analyze(j);

    assertThat(a.overallVerdict()).isEqualTo(Verdict.INCOMPLETE);
    assertThat(a.verdictReason()).startsWith("The run did not finish");
    assertThat(a.objectives()).filteredOn(o -> o.kind() == ObjectiveKind.RTO
            || o.kind() == ObjectiveKind.MAX_APPLICATION_GAP)
        .hasSize(2).allSatisfy(o -> {
          assertThat(o.status()).isEqualTo(CheckStatus.NOT_MEASURED);
          assertThat(o.checks().get(0).note()).isEqualTo(ObjectiveJudge.RUN_ENDED);
        });
  }

  @Test
  void aRunRolledBackAfterItWasKilledIsIncompleteNamingTheRollback() throws IOException {
    FixtureJournal j = Scenarios.standardStart("rolled", java.util.List.of(Scenarios.vmStep()));
    Scenarios.vmPowerOff(j, 60, 10, false);
    j.add(500, at -> new PhaseStarted(at, Phase.ROLLBACK, Optional.empty()))
        .add(501, at -> new RunFinished(at, RunOutcome.ABORTED, 4,
            "rolled back by 'gameday rollback': reverted 1 step(s)"));
    Analysis a = analyze(j);

    assertThat(a.overallVerdict()).isEqualTo(Verdict.INCOMPLETE);
    assertThat(a.verdictReason()).contains("rolled back by 'gameday rollback'");
  }
}
