package dev.gameday.reports.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.core.event.Phase;
import dev.gameday.core.event.RunOutcome;
import dev.gameday.core.event.TimelineEvent.Action;
import dev.gameday.core.event.TimelineEvent.FaultEffective;
import dev.gameday.core.event.TimelineEvent.FaultRequested;
import dev.gameday.core.event.TimelineEvent.OperationAccepted;
import dev.gameday.core.event.TimelineEvent.Outcome;
import dev.gameday.core.event.TimelineEvent.PhaseStarted;
import dev.gameday.core.event.TimelineEvent.PlanRecorded;
import dev.gameday.core.event.TimelineEvent.PlannedStep;
import dev.gameday.core.event.TimelineEvent.PlatformRestored;
import dev.gameday.core.event.TimelineEvent.RevertRequested;
import dev.gameday.core.event.TimelineEvent.RunFinished;
import dev.gameday.core.event.TimelineEvent.RunStarted;
import dev.gameday.core.event.TimelineEvent.SiteRecoveryJobChanged;
import dev.gameday.core.event.TimelineEvent.SiteRecoveryJobRole;
import dev.gameday.core.event.TimelineEvent.SiteRecoveryRecoveryPoint;
import dev.gameday.core.event.TimelineEvent.SiteRecoveryReplicationRpo;
import dev.gameday.core.journal.JournalFormat;
import dev.gameday.reports.FixtureJournal;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The observed RPO of a failover: from the oldest recovery point its job used to the job's start,
 * both as Azure stated them, judged against {@code objectives.rpo}.
 */
class RecoveryPointTest {
  private static final String STEP = "dr-drill";
  private static final String PLAN = "/subscriptions/0000/resourceGroups/rg-dr/providers/"
      + "Microsoft.RecoveryServices/vaults/rsv-shop/replicationRecoveryPlans/rp-shop";

  @TempDir Path dir;

  /** A failover whose job Azure started at 60.25 s; {@code points} are the recovery points' seconds. */
  private static FixtureJournal failover(Duration rpoObjective, boolean jobStart, double... points) {
    FixtureJournal j = new FixtureJournal()
        .add(0, at -> new RunStarted(at, "run-rpo", "rpo", "DR drill", "e.yaml", "ab".repeat(32),
            "apiVersion: gameday/v1\n", "0.1.0", Map.of(), Optional.empty()))
        .add(0, at -> new PlanRecorded(at, List.of(new PlannedStep(STEP, "siteRecovery.failover",
            Duration.ofMinutes(1), Optional.empty(), "unplanned failover of recovery plan 'rp-shop'")),
            List.of("storefront"), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.of(rpoObjective), Duration.ofSeconds(50)))
        .add(1, at -> new PhaseStarted(at, Phase.BASELINE, Optional.empty()))
        .add(60, at -> new PhaseStarted(at, Phase.INJECT, Optional.of(STEP)))
        .add(60, at -> new FaultRequested(at, STEP, "siteRecovery.failover", List.of(PLAN),
            "unplanned failover of recovery plan rp-shop (PrimaryToRecovery, Latest, then none)"))
        .add(60.5, at -> new OperationAccepted(at, STEP, Action.INJECT, PLAN, 202,
            Optional.of("corr-asr-1"), Optional.of("job-fo")))
        .add(62, at -> new FaultEffective(at, STEP, PLAN, "job job-fo InProgress"));
    if (jobStart) {
      j.add(62, at -> new SiteRecoveryJobChanged(at, STEP, "job-fo", "UnplannedFailover",
          SiteRecoveryJobRole.FAILOVER, "InProgress", Optional.of(FixtureJournal.instant(60.25)),
          Optional.empty()));
    }
    int n = 0;
    for (double p : points) {
      String vm = "vm-web-" + ++n;
      j.add(70, at -> new SiteRecoveryRecoveryPoint(at, STEP, "job-fo", vm, Optional.of("rp-" + vm),
          FixtureJournal.instant(p)));
    }
    return j.add(62, at -> new PhaseStarted(at, Phase.HOLD, Optional.of(STEP)))
        .add(90, at -> new PlatformRestored(at, STEP, PLAN, "failover job job-fo Succeeded"))
        .add(120, at -> new PhaseStarted(at, Phase.REVERT, Optional.of(STEP)))
        .add(120, at -> new RevertRequested(at, STEP, List.of(PLAN)))
        .samples("storefront", 1, 150, 1, Outcome.OK, 40)
        .add(150, at -> new PhaseStarted(at, Phase.REPORT, Optional.empty()))
        .add(150, at -> new RunFinished(at, RunOutcome.PASSED, 0, "passed"));
  }

  private Analysis analyze(FixtureJournal j) throws IOException {
    return new RecoveryGapAnalyzer().analyze(j.writeTo(dir).resolve(JournalFormat.FILE_NAME));
  }

  @Test
  void theOldestRecoveryPointToTheJobsOwnStartIsTheRpo() throws IOException {
    Analysis a = analyze(failover(Duration.ofSeconds(30), true, 45.0, 40.05));

    StepResult s = a.step(STEP).orElseThrow();
    assertThat(s.value(FigureKind.RPO)).contains(Duration.ofMillis(20_200));
    assertThat(s.figure(FigureKind.RPO).orElseThrow().note()).startsWith("from the recovery point of vm-web-2 (2026-03-03T02:00:40.050Z) to the failover"
            + " job's start");
    assertThat(a.objectives()).singleElement().satisfies(o -> {
      assertThat(o.kind()).isEqualTo(ObjectiveKind.RPO);
      assertThat(o.owner()).isEqualTo(Owner.AZURE);
      assertThat(o.status()).isEqualTo(CheckStatus.MET);
    });
  }

  @Test
  void anRpoOverTheObjectiveIsMissedWithAFindingForAzure() throws IOException {
    Analysis a = analyze(failover(Duration.ofSeconds(10), true, 40.05));

    assertThat(a.objectives()).singleElement()
        .satisfies(o -> assertThat(o.status()).isEqualTo(CheckStatus.MISSED));
    assertThat(a.findings()).filteredOn(f -> f.code().equals("rpo-missed")).singleElement()
        .satisfies(f -> assertThat(f.text()).contains("a recovery point 20 s older").contains("an RPO of 10 s"));
  }

  @Test
  void withoutTheJobsStartTheFailoverRequestStandsIn() throws IOException {
    StepResult s = analyze(failover(Duration.ofSeconds(30), false, 45.0)).step(STEP).orElseThrow();

    assertThat(s.value(FigureKind.RPO)).contains(Duration.ofSeconds(15));
    assertThat(s.figure(FigureKind.RPO).orElseThrow().note()).contains("failover request");
  }

  @Test
  void aJobThatNamesNoRecoveryPointLeavesTheRpoNotMeasured() throws IOException {
    Analysis a = analyze(failover(Duration.ofSeconds(30), true));

    assertThat(a.step(STEP).orElseThrow().figure(FigureKind.RPO).orElseThrow().note())
        .isEqualTo("Azure's failover job named no recovery point");
    assertThat(a.objectives()).singleElement()
        .satisfies(o -> assertThat(o.status()).isEqualTo(CheckStatus.NOT_MEASURED));
  }

  @Test
  void azuresStatedReplicationRpoIsItsOwnFigureTheWorstOfTheItems() throws IOException {
    FixtureJournal j = failover(Duration.ofSeconds(30), true, 45.0)
        .add(60, at -> new SiteRecoveryReplicationRpo(at, STEP, "vm-web-1", Optional.empty(), 12,
            Optional.of(FixtureJournal.instant(30))))
        .add(60, at -> new SiteRecoveryReplicationRpo(at, STEP, "vm-web-2", Optional.empty(), 41,
            Optional.empty()));

    StepResult s = analyze(j).step(STEP).orElseThrow();

    assertThat(s.value(FigureKind.REPLICATION_RPO)).contains(Duration.ofSeconds(41));
    Figure f = s.figure(FigureKind.REPLICATION_RPO).orElseThrow();
    assertThat(f.note()).contains("vm-web-2").contains("the worst of 2 protected item(s)");
    assertThat(f.evidence()).extracting(Evidence::detail).containsExactly(
        "vm-web-1: last replication RPO 12 s, calculated by Azure at 2026-03-03T02:00:30Z",
        "vm-web-2: last replication RPO 41 s");
    assertThat(s.value(FigureKind.RPO)).as("the observed RPO stays its own figure")
        .contains(Duration.ofMillis(15_250));
  }

  @Test
  void withoutAStatedReplicationRpoThereIsNoSuchFigure() throws IOException {
    StepResult s = analyze(failover(Duration.ofSeconds(30), true, 45.0)).step(STEP).orElseThrow();

    assertThat(s.figure(FigureKind.REPLICATION_RPO)).isEmpty();
  }
}
