package dev.gameday.reports.analysis;

import static dev.gameday.reports.Scenarios.RULE;
import static dev.gameday.reports.Scenarios.VM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.core.event.Phase;
import dev.gameday.core.event.RunOutcome;
import dev.gameday.core.event.TimelineEvent.Action;
import dev.gameday.core.event.TimelineEvent.ApplicationRecovered;
import dev.gameday.core.event.TimelineEvent.FaultEffective;
import dev.gameday.core.event.TimelineEvent.FaultRequested;
import dev.gameday.core.event.TimelineEvent.OperationAccepted;
import dev.gameday.core.event.TimelineEvent.Outcome;
import dev.gameday.core.event.TimelineEvent.PhaseStarted;
import dev.gameday.core.event.TimelineEvent.PlannedStep;
import dev.gameday.core.event.TimelineEvent.PlatformRestored;
import dev.gameday.core.event.TimelineEvent.PlatformTask;
import dev.gameday.core.event.TimelineEvent.RevertFailed;
import dev.gameday.core.event.TimelineEvent.RevertRequested;
import dev.gameday.core.event.TimelineEvent.RunFinished;
import dev.gameday.core.event.TimelineEvent.SteadyStateChanged;
import dev.gameday.core.event.TimelineEvent.SteadyStatus;
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

class RecoveryGapAnalyzerTest {
  @TempDir Path dir;

  private Analysis analyze(FixtureJournal j) throws IOException {
    return new RecoveryGapAnalyzer().analyze(j.writeTo(dir).resolve(JournalFormat.FILE_NAME));
  }

  private static Duration fig(StepResult s, FigureKind k) {
    return s.value(k).orElseThrow(() -> new AssertionError(k + " not measured: "
        + s.figure(k).map(Figure::note).orElse("absent")));
  }

  @Test
  void measuresEveryFigureOfAVmPowerOffWithItsOwner() throws IOException {
    Analysis a = analyze(Scenarios.vmPowerOffWithGap("shop", 95));
    StepResult s = a.step("web-power-off").orElseThrow();

    assertThat(fig(s, FigureKind.TIME_TO_EFFECT)).isEqualTo(Duration.ofSeconds(12));
    assertThat(fig(s, FigureKind.TIME_TO_IMPACT)).isEqualTo(Duration.ofSeconds(1));
    // From the start request, sent 100 ms after the revert request (Gameday's look-up of the
    // power state), to the VM running: not from the revert request.
    assertThat(fig(s, FigureKind.PLATFORM_RECOVERY)).isEqualTo(Duration.ofMillis(47_900));
    assertThat(s.figure(FigureKind.PLATFORM_RECOVERY).orElseThrow().note())
        .startsWith("from the revert's request that changed Azure (Gameday's own look-ups before"
            + " it took 100 ms)");
    assertThat(fig(s, FigureKind.APPLICATION_GAP)).isEqualTo(Duration.ofSeconds(95));
    assertThat(fig(s, FigureKind.USER_VISIBLE_OUTAGE)).isEqualTo(Duration.ofSeconds(190));
    assertThat(s.figure(FigureKind.TIME_TO_EFFECT).orElseThrow().owner()).isEqualTo(Owner.AZURE);
    assertThat(s.figure(FigureKind.APPLICATION_GAP).orElseThrow().owner())
        .isEqualTo(Owner.APPLICATION);
    assertThat(s.figure(FigureKind.USER_VISIBLE_OUTAGE).orElseThrow().owner())
        .isEqualTo(Owner.SHARED);
    assertThat(s.applicationRestoredSource()).isEqualTo("app.recovered");
  }

  @Test
  void evidenceNamesJournalLinesCorrelationIdsAndTheFailedSample() throws IOException {
    Analysis a = analyze(Scenarios.vmPowerOffWithGap("shop", 95));
    StepResult s = a.step("web-power-off").orElseThrow();

    assertThat(s.figure(FigureKind.TIME_TO_EFFECT).orElseThrow().evidence())
        .extracting(Evidence::kind)
        .containsExactly("fault.requested", "operation.accepted", "fault.effective");
    assertThat(s.evidence()).extracting(Evidence::detail)
        .anyMatch(d -> d.contains("ARM correlation id corr-inject-1"))
        .anyMatch(d -> d.contains("ARM correlation id corr-revert-1"))
        .anyMatch(d -> d.contains("storefront failed: CONNECTION_REFUSED"));
    assertThat(s.evidence()).allMatch(e -> e.seq() > 0);
    assertThat(s.evidence()).extracting(Evidence::seq).isSorted();
  }

  @Test
  void judgesObjectivesAndFailsTheRunWhenTheGapIsTooLong() throws IOException {
    Analysis a = analyze(Scenarios.vmPowerOffWithGap("shop", 95));

    assertThat(a.objectives()).extracting(ObjectiveResult::kind, ObjectiveResult::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ObjectiveKind.RTO, CheckStatus.MET),
            org.assertj.core.groups.Tuple.tuple(ObjectiveKind.MAX_APPLICATION_GAP,
                CheckStatus.MISSED),
            org.assertj.core.groups.Tuple.tuple(ObjectiveKind.MAX_ERROR_RATIO,
                CheckStatus.MISSED),
            org.assertj.core.groups.Tuple.tuple(ObjectiveKind.MAX_TIME_TO_EFFECT,
                CheckStatus.MET));
    assertThat(a.overallVerdict()).isEqualTo(Verdict.OBJECTIVES_MISSED);
    assertThat(a.objectivesMet()).isFalse();
    assertThat(a.findings()).filteredOn(f -> f.code().equals("application-gap")).singleElement()
        .satisfies(f -> {
          assertThat(f.text()).contains("Azure reported the VM running 48 s after the start "
              + "request; the application needed 95 s more").contains("objective of 60 s");
          assertThat(f.advice().orElseThrow()).contains("warm-up").contains("health-probe");
          assertThat(f.severity()).isEqualTo(Severity.PROBLEM);
        });
  }

  @Test
  void passesWhenTheApplicationCameBackWithinEveryObjective() throws IOException {
    FixtureJournal j = Scenarios.start("calm", List.of(Scenarios.vmStep()),
        Optional.of(Duration.ofMinutes(5)), Optional.of(Duration.ofSeconds(60)), Optional.empty(),
        Optional.empty());
    Scenarios.vmPowerOff(j, 60, 10, true);
    j.samples("storefront", 1, 73, 1, Outcome.OK, 40)
        .samples("storefront", 73, 178, 1, Outcome.TIMEOUT, 2000)
        .samples("storefront", 178, 300, 1, Outcome.OK, 40)
        .add(250, at -> new PhaseStarted(at, Phase.VERIFY, Optional.empty()))
        .add(300, at -> new RunFinished(at, RunOutcome.PASSED, 0, "passed"));
    Analysis a = analyze(j);

    assertThat(a.overallVerdict()).isEqualTo(Verdict.PASSED);
    assertThat(a.objectivesMet()).isTrue();
    assertThat(a.problems()).isEmpty();
  }

  @Test
  void theBaselineEndsWhereTheFirstStepBeginsAndAfterHoldsTheVerifySamples() throws IOException {
    Analysis a = analyze(Scenarios.vmPowerOffWithGap("windows", 95));

    assertThat(a.baseline().from()).contains(FixtureJournal.instant(1));
    assertThat(a.baseline().to()).contains(FixtureJournal.instant(60));
    assertThat(a.after().from()).contains(FixtureJournal.instant(299.8));
    assertThat(a.after().to()).contains(FixtureJournal.instant(400));
    assertThat(a.after().overall().samples()).isEqualTo(200);
  }

  @Test
  void noFailedProbeMeansRedundancyWorked() throws IOException {
    FixtureJournal j = Scenarios.standardStart("redundant", List.of(Scenarios.vmStep()));
    Scenarios.vmPowerOff(j, 60, 0, false);
    j.samples("storefront", 1, 300, 1, Outcome.OK, 40)
        .add(250, at -> new PhaseStarted(at, Phase.VERIFY, Optional.empty()))
        .add(300, at -> new RunFinished(at, RunOutcome.PASSED, 0, "passed"));
    Analysis a = analyze(j);
    StepResult s = a.step("web-power-off").orElseThrow();

    assertThat(s.impact()).isFalse();
    assertThat(s.value(FigureKind.TIME_TO_IMPACT)).isEmpty();
    assertThat(s.figure(FigureKind.TIME_TO_IMPACT).orElseThrow().note())
        .contains("redundancy worked");
    assertThat(s.value(FigureKind.USER_VISIBLE_OUTAGE)).isEmpty();
    assertThat(s.figure(FigureKind.USER_VISIBLE_OUTAGE).orElseThrow().note())
        .startsWith("no user-visible impact");
    assertThat(a.findings()).filteredOn(f -> f.code().equals("no-impact")).singleElement()
        .satisfies(f -> assertThat(f.text()).contains("no probe failed")
            .contains("12 s after the request"));
    assertThat(a.overallVerdict()).isEqualTo(Verdict.PASSED);
  }

  @Test
  void derivesApplicationRestoreFromSteadyStateWhenTheRunnerDidNotAnnounceIt()
      throws IOException {
    FixtureJournal j = Scenarios.standardStart("derived", List.of(Scenarios.vmStep()));
    Scenarios.vmPowerOff(j, 60, 0, false);
    j.samples("storefront", 1, 73, 1, Outcome.OK, 40)
        .samples("storefront", 73, 200, 1, Outcome.CONNECTION_REFUSED, 2)
        .samples("storefront", 200, 300, 1, Outcome.OK, 40)
        .add(76, at -> new SteadyStateChanged(at, "storefront", SteadyStatus.BREACHED,
            FixtureJournal.instant(73), FixtureJournal.instant(75), "3 failures"))
        .add(203, at -> new SteadyStateChanged(at, "storefront", SteadyStatus.STEADY,
            FixtureJournal.instant(200), FixtureJournal.instant(202), "3 successes"))
        .add(250, at -> new PhaseStarted(at, Phase.VERIFY, Optional.empty()))
        .add(300, at -> new RunFinished(at, RunOutcome.OBJECTIVES_MISSED, 1, "missed"));
    StepResult s = analyze(j).step("web-power-off").orElseThrow();

    assertThat(s.applicationRestoredSource()).isEqualTo("steady.changed");
    assertThat(fig(s, FigureKind.APPLICATION_GAP)).isEqualTo(Duration.ofSeconds(32));
  }

  @Test
  void derivesApplicationRestoreFromSamplesWhenNothingElseSaysSo() throws IOException {
    FixtureJournal j = Scenarios.standardStart("samples", List.of(Scenarios.vmStep()));
    Scenarios.vmPowerOff(j, 60, 0, false);
    j.samples("storefront", 1, 73, 1, Outcome.OK, 40)
        .samples("storefront", 73, 150, 1, Outcome.CONNECTION_REFUSED, 2)
        .samples("storefront", 150, 300, 1, Outcome.OK, 40)
        .add(250, at -> new PhaseStarted(at, Phase.VERIFY, Optional.empty()))
        .add(300, at -> new RunFinished(at, RunOutcome.PASSED, 0, "passed"));
    StepResult s = analyze(j).step("web-power-off").orElseThrow();

    assertThat(s.applicationRestoredSource()).isEqualTo("probe.sample");
    assertThat(fig(s, FigureKind.APPLICATION_GAP)).isEqualTo(Duration.ofSeconds(-18));
    assertThat(fig(s, FigureKind.USER_VISIBLE_OUTAGE)).isEqualTo(Duration.ofSeconds(77));
  }

  @Test
  void computesErrorRatioAndLatencyPerWindowAndProbe() throws IOException {
    Analysis a = analyze(Scenarios.vmPowerOffWithGap("shop", 95));
    StepResult s = a.step("web-power-off").orElseThrow();

    assertThat(a.baseline().overall().failures()).isZero();
    assertThat(a.baseline().probes().get("storefront").p50().orElseThrow().toMillis())
        .isBetween(39L, 41L);
    assertThat(a.baseline().probes().get("checkout").p99().orElseThrow().toMillis())
        .isBetween(79L, 81L);
    SampleStats storefront = s.during().probes().get("storefront");
    assertThat(storefront.samples()).isEqualTo(108);
    assertThat(storefront.failures()).isEqualTo(95);
    assertThat(s.during().probes().get("checkout").failures()).isZero();
    assertThat(a.after().overall().failures()).isZero();
    assertThat(a.after().overall().samples()).isEqualTo(200);
  }

  @Test
  void flagsAnNsgRuleThatOnlyHitNewConnections() throws IOException {
    String step = "cut-sql";
    FixtureJournal j = Scenarios.standardStart("nsg", List.of(Scenarios.nsgStep()))
        .add(60, at -> new FaultRequested(at, step, "nsg.deny", List.of(RULE), "deny 1433"))
        .add(62, at -> new FaultEffective(at, step, RULE, "provisioningState/Succeeded"))
        .add(240, at -> new RevertRequested(at, step, List.of(RULE)))
        .add(243, at -> new PlatformRestored(at, step, RULE, "rule deleted"))
        .add(260, at -> new ApplicationRecovered(at, step, true,
            Optional.of(FixtureJournal.instant(255))))
        .samples("checkout", 1, 182, 1, Outcome.OK, 50)
        .samples("checkout", 182, 255, 1, Outcome.TIMEOUT, 2000)
        .samples("checkout", 255, 320, 1, Outcome.OK, 50)
        .add(300, at -> new PhaseStarted(at, Phase.VERIFY, Optional.empty()))
        .add(320, at -> new RunFinished(at, RunOutcome.PASSED, 0, "passed"));
    Analysis a = analyze(j);

    assertThat(a.step(step).orElseThrow().value(FigureKind.TIME_TO_IMPACT))
        .contains(Duration.ofSeconds(120));
    assertThat(a.findings()).filteredOn(f -> f.code().equals("nsg-late-impact")).singleElement()
        .satisfies(f -> assertThat(f.text()).contains("2 min").contains("every 1.0 s"))
        .satisfies(f -> assertThat(f.advice().orElseThrow()).contains("new connections only"));
  }

  @Test
  void flagsAFailoverJobSlowerThanTheRto() throws IOException {
    String step = "dr-drill";
    String plan = "/subscriptions/0/resourceGroups/rg-dr/providers/Microsoft.RecoveryServices/"
        + "vaults/rsv/replicationRecoveryPlans/rp-shop";
    FixtureJournal j = Scenarios.standardStart("dr", List.of(new PlannedStep(step,
            "siteRecovery.failover", Duration.ofMinutes(10), Optional.empty(), "test failover")))
        .add(60, at -> new FaultRequested(at, step, "siteRecovery.failover", List.of(plan), "tf"))
        .add(61, at -> new OperationAccepted(at, step, Action.INJECT, plan, 202,
            Optional.of("corr-asr"), Optional.of("job-1")))
        .add(90, at -> new FaultEffective(at, step, plan, "job job-1 InProgress"))
        .add(200, at -> new PlatformTask(at, step, "job-1", "Prerequisites check", "Succeeded",
            Optional.of(FixtureJournal.instant(62)), Optional.of(FixtureJournal.instant(100))))
        .add(480, at -> new PlatformTask(at, step, "job-1", "Start the virtual machines",
            "Succeeded", Optional.of(FixtureJournal.instant(100)),
            Optional.of(FixtureJournal.instant(480))))
        .add(700, at -> new RevertRequested(at, step, List.of(plan)))
        .add(760, at -> new PlatformRestored(at, step, plan, "cleanup Succeeded"))
        .samples("storefront", 1, 900, 5, Outcome.OK, 40)
        .add(800, at -> new PhaseStarted(at, Phase.VERIFY, Optional.empty()))
        .add(900, at -> new RunFinished(at, RunOutcome.PASSED, 0, "passed"));
    Analysis a = analyze(j);

    assertThat(a.step(step).orElseThrow().jobs()).singleElement()
        .satisfies(job -> assertThat(job.duration()).contains(Duration.ofSeconds(418)));
    assertThat(a.findings()).filteredOn(f -> f.code().equals("failover-slower-than-rto"))
        .singleElement().satisfies(f -> {
          assertThat(f.owner()).isEqualTo(Owner.AZURE);
          assertThat(f.text()).contains("job-1").contains("6 min 58 s").contains("RTO of 5 min")
              .contains("Start the virtual machines");
        });
    assertThat(a.step(step).orElseThrow().evidence()).extracting(Evidence::detail)
        .anyMatch(d -> d.contains("job job-1: Start the virtual machines Succeeded"));
  }

  @Test
  void aFailedRevertIsAProblemWithTheManualCommand() throws IOException {
    String step = "web-power-off";
    FixtureJournal j = Scenarios.standardStart("stuck", List.of(Scenarios.vmStep()))
        .add(60, at -> new FaultRequested(at, step, "vm.powerOff", List.of(VM), "off"))
        .add(70, at -> new FaultEffective(at, step, VM, "PowerState/stopped"))
        .add(120, at -> new RevertRequested(at, step, List.of(VM)))
        .add(720, at -> new RevertFailed(at, step, VM, "still stopped after 10 min",
            "az vm start --ids " + VM))
        .samples("storefront", 1, 730, 5, Outcome.OK, 40)
        .add(730, at -> new RunFinished(at, RunOutcome.REVERT_INCOMPLETE, 5, "revert incomplete"));
    Analysis a = analyze(j);

    assertThat(a.overallVerdict()).isEqualTo(Verdict.REVERT_INCOMPLETE);
    assertThat(a.step(step).orElseThrow().value(FigureKind.PLATFORM_RECOVERY)).isEmpty();
    assertThat(a.findings()).filteredOn(f -> f.code().equals("revert-incomplete")).singleElement()
        .satisfies(f -> {
          assertThat(f.command()).contains("az vm start --ids " + VM);
          assertThat(f.text()).contains("may still be in force");
        });
  }

  @Test
  void steadyStateNotBackAfterTheRevertsIsAProblem() throws IOException {
    FixtureJournal j = Scenarios.standardStart("sticky", List.of(Scenarios.vmStep()));
    Scenarios.vmPowerOff(j, 60, 0, false);
    j.samples("storefront", 1, 73, 1, Outcome.OK, 40)
        .samples("storefront", 73, 400, 1, Outcome.UNEXPECTED_STATUS, 30)
        .add(76, at -> new SteadyStateChanged(at, "storefront", SteadyStatus.BREACHED,
            FixtureJournal.instant(73), FixtureJournal.instant(75), "3 failures"))
        .add(268, at -> new ApplicationRecovered(at, "web-power-off", false, Optional.empty()))
        .add(300, at -> new PhaseStarted(at, Phase.VERIFY, Optional.empty()))
        .add(400, at -> new RunFinished(at, RunOutcome.OBJECTIVES_MISSED, 1, "missed"));
    Analysis a = analyze(j);

    assertThat(a.overallVerdict()).isEqualTo(Verdict.OBJECTIVES_MISSED);
    assertThat(a.findings()).extracting(Finding::code)
        .contains("steady-state-not-back", "application-not-recovered");
    assertThat(a.findings()).filteredOn(f -> f.code().equals("steady-state-not-back"))
        .singleElement().satisfies(f -> assertThat(f.text()).contains("storefront"));
    assertThat(a.objectives()).filteredOn(o -> o.kind() == ObjectiveKind.RTO).singleElement()
        .satisfies(o -> assertThat(o.status()).isEqualTo(CheckStatus.MISSED));
  }

  @Test
  void aPauseStepHasNoPlatformSide() throws IOException {
    FixtureJournal j = Scenarios.standardStart("pause", List.of(new PlannedStep("settle",
            "pause", Duration.ofSeconds(30), Optional.empty(), "let it settle")))
        .add(60, at -> new PhaseStarted(at, Phase.HOLD, Optional.of("settle")))
        .samples("storefront", 1, 120, 1, Outcome.OK, 40)
        .add(89.9, at -> new PhaseStarted(at, Phase.VERIFY, Optional.empty()))
        .add(120, at -> new RunFinished(at, RunOutcome.PASSED, 0, "passed"));
    Analysis a = analyze(j);
    StepResult s = a.step("settle").orElseThrow();

    assertThat(s.platformSide()).isFalse();
    assertThat(s.figures()).extracting(Figure::kind)
        .containsExactly(FigureKind.USER_VISIBLE_OUTAGE);
    assertThat(s.during().overall().samples()).isEqualTo(30);
    assertThat(a.objectives()).allSatisfy(o -> assertThat(o.checks()).isEmpty());
  }
}
