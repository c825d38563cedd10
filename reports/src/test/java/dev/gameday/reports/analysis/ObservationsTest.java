package dev.gameday.reports.analysis;

import static dev.gameday.reports.FixtureJournal.instant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.core.event.MissedTick;
import dev.gameday.core.event.Phase;
import dev.gameday.core.event.RunOutcome;
import dev.gameday.core.event.TimelineEvent.Outcome;
import dev.gameday.core.event.TimelineEvent.PhaseStarted;
import dev.gameday.core.event.TimelineEvent.RunFinished;
import dev.gameday.core.journal.JournalFormat;
import dev.gameday.reports.FixtureJournal;
import dev.gameday.reports.Scenarios;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Observations against non-observations: a {@code MISSED} tick sent no request, so it never
 * starts or ends an outage and never counts as an error users saw; samples are ordered by when
 * their request started, not by when the journal got them.
 */
class ObservationsTest {
  @TempDir Path dir;

  private Analysis analyze(FixtureJournal j) throws IOException {
    return new RecoveryGapAnalyzer().analyze(j.writeTo(dir).resolve(JournalFormat.FILE_NAME));
  }

  private static FixtureJournal finish(FixtureJournal j, RunOutcome outcome) {
    return j.add(299.8, at -> new PhaseStarted(at, Phase.VERIFY, Optional.empty()))
        .add(400, at -> new PhaseStarted(at, Phase.REPORT, Optional.empty()))
        .add(400, at -> new RunFinished(at, outcome, outcome.exitCode(), outcome.name()));
  }

  @Test
  void missedTicksNeitherStartAnOutageNorCountAsErrors() throws IOException {
    FixtureJournal j = Scenarios.standardStart("missed", List.of(Scenarios.vmStep()));
    Scenarios.vmPowerOff(j, 60, 10, true);
    j.samples("storefront", 1, 65, 1, Outcome.OK, 40);
    // 65..69 s: a slow answer holds the probe, its ticks are MISSED; the real failure is at 73 s.
    j.sampleAt("storefront", 65, 69.5, Outcome.OK, 200, "");
    for (int t = 66; t < 70; t++) {
      j.missed("storefront", t, MissedTick.stillRunning());
    }
    j.missed("storefront", 70, MissedTick.timerLate(1_200, 2));
    j.samples("storefront", 73, 178, 1, Outcome.CONNECTION_REFUSED, 2)
        .samples("storefront", 178, 400, 1, Outcome.OK, 40)
        .samples("checkout", 1.5, 400, 1, Outcome.OK, 80);
    // during the baseline too: MISSED ticks there are not baseline errors
    j.missed("checkout", 10.2, MissedTick.stillRunning());
    Analysis a = analyze(finish(j, RunOutcome.OBJECTIVES_MISSED));
    StepResult s = a.step("web-power-off").orElseThrow();

    assertThat(s.moments().firstFailed()).contains(instant(73));
    assertThat(s.value(FigureKind.TIME_TO_IMPACT)).contains(Duration.ofSeconds(1));
    assertThat(a.baseline().overall().failures()).isZero();
    assertThat(a.baseline().overall().errorRatio()).contains(0.0);
    assertThat(a.baseline().overall().missed()).isEqualTo(1);
    assertThat(s.during().overall().missed()).isEqualTo(4 + 3);
    // the "during" window closes when Azure reports the VM running again, at 168 s
    assertThat(s.during().probes().get("storefront").failures()).isEqualTo(168 - 73);
    assertThat(a.series().points()).allSatisfy(p -> assertThat(p.samples()).isLessThanOrEqualTo(2));
    assertThat(a.findings()).filteredOn(f -> f.code().equals("probe-missed-ticks")).singleElement()
        .satisfies(f -> assertThat(f.text())
            .contains("could not keep up: 8 ticks sent no request (checkout 1, storefront 7)")
            .contains("5 found the probe's previous request still running")
            .contains("the slowest answer took 4.5 s")
            .contains("3 were skipped because Gameday's timer woke up late (by up to 1,200 ms)"));
  }

  @Test
  void theProbesWarmUpIsStatedAsAFindingWithItsFiguresAndOnlyWhenTheJournalHoldsOne()
      throws IOException {
    FixtureJournal j = Scenarios.standardStart("warm", List.of(Scenarios.vmStep()));
    j.add(0.5, at -> new dev.gameday.core.event.TimelineEvent.WarmUpEnded(at,
        Duration.ofMillis(8_500), 1_000, 57_591, 3, 2_420));
    Scenarios.vmPowerOff(j, 60, 10, true);
    j.samples("storefront", 1, 400, 1, Outcome.OK, 40);
    Analysis a = analyze(finish(j, RunOutcome.PASSED));

    assertThat(a.findings()).filteredOn(f -> f.code().equals("probe-warm-up")).singleElement()
        .satisfies(f -> {
          assertThat(f.severity()).isEqualTo(Severity.INFO);
          assertThat(f.text()).contains("warmed up for 8.5 s: 1,000 probes sent 57,591 requests"
              + " (3 not OK) and missed 2,420 ticks").contains("None of it was recorded");
        });
    assertThat(a.baseline().overall().missed()).as("the warm-up's misses are not the baseline's")
        .isZero();

    FixtureJournal cold = Scenarios.standardStart("cold", List.of(Scenarios.vmStep()));
    Scenarios.vmPowerOff(cold, 60, 10, true);
    Path coldJournal = finish(cold, RunOutcome.PASSED).writeTo(dir.resolve("cold"))
        .resolve(JournalFormat.FILE_NAME);
    assertThat(new RecoveryGapAnalyzer().analyze(coldJournal).findings()).extracting(Finding::code)
        .doesNotContain("probe-warm-up");
  }

  @Test
  void firstFailureIsTheEarliestStartAcrossProbesNotTheFirstJournaled() throws IOException {
    FixtureJournal j = Scenarios.standardStart("order", List.of(Scenarios.vmStep()));
    Scenarios.vmPowerOff(j, 60, 10, true);
    j.samples("storefront", 1, 73, 1, Outcome.OK, 40)
        .samples("checkout", 1.5, 74.5, 1, Outcome.OK, 80);
    // storefront's request of 73 s times out at 83 s; checkout fails at 74.5 s, journaled first
    j.sampleAt("storefront", 73, 83, Outcome.TIMEOUT, 0, "timeout");
    j.samples("storefront", 83, 178, 1, Outcome.CONNECTION_REFUSED, 2)
        .samples("checkout", 74.5, 178.5, 1, Outcome.CONNECTION_REFUSED, 2)
        .samples("storefront", 178, 400, 1, Outcome.OK, 40)
        .samples("checkout", 178.5, 400, 1, Outcome.OK, 80);
    Analysis a = analyze(finish(j, RunOutcome.OBJECTIVES_MISSED));
    StepResult s = a.step("web-power-off").orElseThrow();

    assertThat(s.moments().firstFailed()).contains(instant(73));
    assertThat(s.figure(FigureKind.TIME_TO_IMPACT).orElseThrow().evidence())
        .anySatisfy(e -> assertThat(e.detail()).startsWith("storefront failed: TIMEOUT"));
  }

  @Test
  void aSlowButSuccessfulAnswerIsLatencyNotAnOutage() throws IOException {
    FixtureJournal j = Scenarios.standardStart("slow", List.of(Scenarios.vmStep()));
    Scenarios.vmPowerOff(j, 60, 0, true);
    j.samples("storefront", 1, 80, 1, Outcome.OK, 40);
    j.sampleAt("storefront", 80, 85, Outcome.OK, 200, "");
    for (int t = 81; t < 85; t++) {
      j.missed("storefront", t, MissedTick.stillRunning());
    }
    j.samples("storefront", 85, 400, 1, Outcome.OK, 40)
        .samples("checkout", 1.5, 400, 1, Outcome.OK, 80);
    Analysis a = analyze(finish(j, RunOutcome.PASSED));
    StepResult s = a.step("web-power-off").orElseThrow();

    assertThat(s.impact()).isFalse();
    assertThat(s.value(FigureKind.TIME_TO_IMPACT)).isEmpty();
    assertThat(s.value(FigureKind.USER_VISIBLE_OUTAGE)).isEmpty();
    assertThat(s.value(FigureKind.APPLICATION_GAP)).isEmpty();
    assertThat(s.moments().applicationRestored()).isEmpty();
    assertThat(s.figure(FigureKind.USER_VISIBLE_OUTAGE).orElseThrow().note())
        .isEqualTo("no user-visible impact: no probe answered badly");
    assertThat(s.during().overall().errorRatio()).contains(0.0);
    assertThat(a.findings()).extracting(Finding::code)
        .contains("slow-answers", "no-impact", "probe-missed-ticks")
        .doesNotContain("application-gap", "rto-missed");
    assertThat(a.findings()).filteredOn(f -> f.code().equals("slow-answers")).singleElement()
        .satisfies(f -> assertThat(f.text()).contains("the slowest took 5.0 s")
            .contains("longer than the probe interval of 1.0 s"));
    assertThat(a.objectives()).allSatisfy(o -> assertThat(o.status()).isEqualTo(CheckStatus.MET));
    assertThat(a.overallVerdict()).isEqualTo(Verdict.PASSED);
  }
}
