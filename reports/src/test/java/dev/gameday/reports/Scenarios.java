package dev.gameday.reports;

import dev.gameday.core.event.Phase;
import dev.gameday.core.event.RunOutcome;
import dev.gameday.core.event.TimelineEvent.AbortCause;
import dev.gameday.core.event.TimelineEvent.AbortRequested;
import dev.gameday.core.event.TimelineEvent.Action;
import dev.gameday.core.event.TimelineEvent.ApplicationRecovered;
import dev.gameday.core.event.TimelineEvent.ChangeRecorded;
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
import dev.gameday.core.event.TimelineEvent.SiteRecoveryFailoverFacts;
import dev.gameday.core.event.TimelineEvent.SiteRecoveryJobChanged;
import dev.gameday.core.event.TimelineEvent.SiteRecoveryJobRole;
import dev.gameday.core.event.TimelineEvent.TargetsResolved;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Journals of typical runs, with numbers chosen so that every figure is known exactly. */
public final class Scenarios {
  public static final String VM =
      "/subscriptions/0000/resourceGroups/rg-shop/providers/Microsoft.Compute/virtualMachines/web-1";
  public static final String RULE = "/subscriptions/0000/resourceGroups/rg-shop/providers/"
      + "Microsoft.Network/networkSecurityGroups/nsg-app/securityRules/gameday-deny-1";

  private Scenarios() {}

  /** The run's start: run.started, plan (objectives as given), targets, baseline from 1 s. */
  public static FixtureJournal start(String experiment, List<PlannedStep> steps,
      Optional<Duration> rto, Optional<Duration> gap, Optional<Double> errors,
      Optional<Duration> tte) {
    return new FixtureJournal()
        .add(0, at -> new RunStarted(at, "run-" + experiment, experiment, "Shop game day",
            "experiments/" + experiment + ".yaml", "ab".repeat(32), "apiVersion: gameday/v1\n",
            "0.1.0", Map.of("user", "sre@example.com"), Optional.empty()))
        .add(0, at -> new PlanRecorded(at, steps, List.of("storefront", "checkout"), rto, gap,
            errors, tte, Optional.empty(), Duration.ofSeconds(50)))
        .add(0, at -> new TargetsResolved(at, Map.of("web", List.of(VM))))
        .add(1, at -> new PhaseStarted(at, Phase.BASELINE, Optional.empty()));
  }

  /** Objectives: RTO 5 min, gap 60 s, error ratio 5 %, time to effect 2 min. */
  public static FixtureJournal standardStart(String experiment, List<PlannedStep> steps) {
    return start(experiment, steps, Optional.of(Duration.ofMinutes(5)),
        Optional.of(Duration.ofSeconds(60)), Optional.of(0.05),
        Optional.of(Duration.ofMinutes(2)));
  }

  public static PlannedStep vmStep() {
    return new PlannedStep("web-power-off", "vm.powerOff", Duration.ofMinutes(1),
        Optional.of("web"), "power off web-1");
  }

  public static PlannedStep nsgStep() {
    return new PlannedStep("cut-sql", "nsg.deny", Duration.ofMinutes(2), Optional.empty(),
        "deny outbound 1433");
  }

  /**
   * A VM power-off at 60 s: effective at 72 s (12 s), storefront fails from 73 s, revert at
   * 120 s, VM running at 168 s (48 s), storefront good again from 263 s (gap 95 s, outage 190 s).
   * Checkout never fails. Verify from 299.8 s, finished at 400 s.
   */
  public static FixtureJournal vmPowerOffWithGap(String experiment, double gapSeconds) {
    double back = 168 + gapSeconds;
    FixtureJournal j = standardStart(experiment, List.of(vmStep()));
    vmPowerOff(j, 60, gapSeconds, true);
    return j
        .samples("storefront", 1, 73, 1, Outcome.OK, 40)
        .samples("storefront", 73, back, 1, Outcome.CONNECTION_REFUSED, 2)
        .samples("storefront", back, 400, 1, Outcome.OK, 45)
        .samples("checkout", 1.5, 400, 1, Outcome.OK, 80)
        .add(299.8, at -> new PhaseStarted(at, Phase.VERIFY, Optional.empty()))
        .add(400, at -> new PhaseStarted(at, Phase.REPORT, Optional.empty()))
        .add(400, at -> new RunFinished(at, RunOutcome.OBJECTIVES_MISSED, 1,
            "objectives missed"));
  }

  /** The platform side of a VM power-off at {@code s}; app.recovered when {@code announce}. */
  public static void vmPowerOff(FixtureJournal j, double s, double gapSeconds, boolean announce) {
    String step = "web-power-off";
    j.add(s, at -> new PhaseStarted(at, Phase.INJECT, Optional.of(step)))
        .add(s, at -> new FaultRequested(at, step, "vm.powerOff", List.of(VM),
            "power off web-1 (skip shutdown)"))
        .add(s + 0.5, at -> new OperationAccepted(at, step, Action.INJECT, VM, 202,
            Optional.of("corr-inject-1"), Optional.of("op-1")))
        .add(s + 12, at -> new FaultEffective(at, step, VM, "PowerState/stopped"))
        .add(s + 12, at -> new PhaseStarted(at, Phase.HOLD, Optional.of(step)))
        .add(s + 60, at -> new PhaseStarted(at, Phase.REVERT, Optional.of(step)))
        .add(s + 60, at -> new RevertRequested(at, step, List.of(VM)))
        .add(s + 60.4, at -> new OperationAccepted(at, step, Action.REVERT, VM, 202,
            Optional.of("corr-revert-1"), Optional.empty(),
            Optional.of(FixtureJournal.instant(s + 60.1))))
        .add(s + 108, at -> new PlatformRestored(at, step, VM, "PowerState/running"))
        .add(s + 108, at -> new PhaseStarted(at, Phase.RECOVERY, Optional.of(step)));
    if (announce) {
      j.add(s + 108 + gapSeconds + 5, at -> new ApplicationRecovered(at, step, true,
          Optional.of(FixtureJournal.instant(s + 108 + gapSeconds))));
    }
  }

  /**
   * A VM power-off at 60 s that the operator aborts at 110 s, while the storefront fails (from
   * 73 s): the revert is requested at once, Azure reports the VM running at 158 s and the run
   * ends 6 ms later, without waiting for the application.
   */
  public static FixtureJournal abortedVmPowerOff(String experiment) {
    String step = "web-power-off";
    FixtureJournal j = standardStart(experiment, List.of(vmStep()));
    return j.add(60, at -> new PhaseStarted(at, Phase.INJECT, Optional.of(step)))
        .add(60, at -> new FaultRequested(at, step, "vm.powerOff", List.of(VM), "power off web-1"))
        .add(60.5, at -> new OperationAccepted(at, step, Action.INJECT, VM, 202,
            Optional.of("corr-inject-1"), Optional.of("op-1")))
        .add(72, at -> new FaultEffective(at, step, VM, "PowerState/stopped"))
        .add(72, at -> new PhaseStarted(at, Phase.HOLD, Optional.of(step)))
        .add(110, at -> new AbortRequested(at, AbortCause.USER, "gameday abort by sre@example.com"))
        .add(110, at -> new PhaseStarted(at, Phase.REVERT, Optional.of(step)))
        .add(110, at -> new RevertRequested(at, step, List.of(VM)))
        .add(110.4, at -> new OperationAccepted(at, step, Action.REVERT, VM, 202,
            Optional.of("corr-revert-1"), Optional.empty()))
        .add(158, at -> new PlatformRestored(at, step, VM, "PowerState/running"))
        .samples("storefront", 1, 73, 1, Outcome.OK, 40)
        .samples("storefront", 73, 158, 1, Outcome.CONNECTION_REFUSED, 2)
        .samples("checkout", 1.5, 158, 1, Outcome.OK, 80)
        .add(158.006, at -> new RunFinished(at, RunOutcome.ABORTED, 4,
            "aborted and fully reverted: gameday abort by sre@example.com"));
  }

  /** The baseline never held (storefront answered 503 throughout), so nothing was injected. */
  public static FixtureJournal notStarted(String experiment) {
    return standardStart(experiment, List.of(vmStep()))
        .samples("storefront", 1, 51, 1, Outcome.UNEXPECTED_STATUS, 12)
        .samples("checkout", 1.5, 51, 1, Outcome.OK, 80)
        .add(51, at -> new RunFinished(at, RunOutcome.NOT_STARTED, 3, "steady state did not hold "
            + "during the baseline, so nothing was injected: storefront"));
  }

  /**
   * A VM power-off whose application gap, 11.429 s, misses an objective of 10.5 s by less than
   * the whole-second rounding step of an ordinary figure.
   */
  public static FixtureJournal gapMissedByLessThanRounding(String experiment) {
    FixtureJournal j = start(experiment, List.of(vmStep()), Optional.of(Duration.ofMinutes(5)),
        Optional.of(Duration.ofMillis(10_500)), Optional.empty(), Optional.empty());
    vmPowerOff(j, 60, 11.429, true);
    return j.samples("storefront", 1, 73, 1, Outcome.OK, 40)
        .samples("storefront", 73, 179.429, 1, Outcome.CONNECTION_REFUSED, 2)
        .samples("storefront", 179.429, 300, 1, Outcome.OK, 40)
        .add(250, at -> new PhaseStarted(at, Phase.VERIFY, Optional.empty()))
        .add(300, at -> new RunFinished(at, RunOutcome.OBJECTIVES_MISSED, 1, "objectives missed"));
  }

  /**
   * An NSG deny rule that cuts checkout at 62 s; the rule deletion is requested at 120 s,
   * traffic flows again from 121 s, and ARM confirms the deletion only at 125 s: a gap of -4 s
   * that is confirmation lag. As the NSG fault journals it: the rule's change recorded at 60.2 s
   * after Gameday's look-up of the NSG, each of Azure's instants with the start of the last look
   * that still saw the rule as it was (61.6 s, 124.4 s); Network states no time of its own.
   */
  public static FixtureJournal nsgNegativeGap(String experiment) {
    String step = "cut-sql";
    return standardStart(experiment, List.of(nsgStep()))
        .add(60, at -> new PhaseStarted(at, Phase.INJECT, Optional.of(step)))
        .add(60, at -> new FaultRequested(at, step, "nsg.deny", List.of(RULE), "deny 1433"))
        .add(60.2, at -> new ChangeRecorded(at, step, RULE, "securityRule", "absent",
            Map.of("name", "gameday-run-cut-sql", "priority", "102")))
        .add(60.3, at -> new OperationAccepted(at, step, Action.INJECT, RULE, 201,
            Optional.of("corr-inject-1"), Optional.of("op-1")))
        .add(62, at -> new FaultEffective(at, step, RULE, "provisioningState/Succeeded",
            Optional.of(FixtureJournal.instant(61.6)), Optional.empty()))
        .add(120, at -> new PhaseStarted(at, Phase.REVERT, Optional.of(step)))
        .add(120, at -> new RevertRequested(at, step, List.of(RULE)))
        .add(120.2, at -> new OperationAccepted(at, step, Action.REVERT, RULE, 202,
            Optional.of("corr-revert-1"), Optional.of("op-2")))
        .add(125, at -> new PlatformRestored(at, step, RULE, "rule deleted",
            Optional.of(FixtureJournal.instant(124.4)), Optional.empty()))
        .add(126, at -> new ApplicationRecovered(at, step, true,
            Optional.of(FixtureJournal.instant(121))))
        .samples("checkout", 1, 63, 1, Outcome.OK, 50)
        .samples("checkout", 63, 121, 1, Outcome.TIMEOUT, 900)
        .samples("checkout", 121, 200, 1, Outcome.OK, 50)
        .samples("storefront", 1.5, 200, 1, Outcome.OK, 40)
        .add(150, at -> new PhaseStarted(at, Phase.VERIFY, Optional.empty()))
        .add(200, at -> new PhaseStarted(at, Phase.REPORT, Optional.empty()))
        .add(200, at -> new RunFinished(at, RunOutcome.PASSED, 0, "passed"));
  }

  /**
   * A VM power-off during which the application never failed: one answer of 5 s (probe every
   * 1 s, so four ticks found it still running), every other answer in 40 ms.
   */
  public static FixtureJournal neverFailingSlowApp(String experiment) {
    FixtureJournal j = standardStart(experiment, List.of(vmStep()));
    vmPowerOff(j, 60, 0, true);
    j.samples("storefront", 1, 80, 1, Outcome.OK, 40)
        .sampleAt("storefront", 80, 85, Outcome.OK, 200, "");
    for (int t = 81; t < 85; t++) {
      j.missed("storefront", t, dev.gameday.core.event.MissedTick.stillRunning());
    }
    return j.samples("storefront", 85, 300, 1, Outcome.OK, 40)
        .samples("checkout", 1.5, 300, 1, Outcome.OK, 80)
        .add(250, at -> new PhaseStarted(at, Phase.VERIFY, Optional.empty()))
        .add(300, at -> new PhaseStarted(at, Phase.REPORT, Optional.empty()))
        .add(300, at -> new RunFinished(at, RunOutcome.PASSED, 0, "passed"));
  }

  /**
   * A Site Recovery test failover requested at 60 s (its facts journaled at 60.1 s, after
   * Gameday read the plan): the job runs from 61 s by Azure's startTime (Gameday sees it at
   * 62 s) and ends at 89.6 s by Azure's endTime (seen at 90 s);
   * production (storefront, probed since the baseline) never fails; the DR copy's probe (no
   * baseline: it exists only once the copy is up) fails from 60 s and answers well from 95 s;
   * the cleanup is requested at 120 s. RTO 2 min.
   */
  public static FixtureJournal testFailoverHealthyProduction(String experiment) {
    String step = "dr-drill";
    String plan = "/subscriptions/0000/resourceGroups/rg-dr/providers/Microsoft.RecoveryServices/"
        + "vaults/rsv-shop/replicationRecoveryPlans/rp-shop";
    FixtureJournal j = start(experiment, List.of(new PlannedStep(step, "siteRecovery.failover",
            Duration.ofMinutes(1), Optional.empty(), "test failover of recovery plan 'rp-shop'")),
        Optional.of(Duration.ofMinutes(2)), Optional.empty(), Optional.empty(), Optional.empty());
    return j.add(60, at -> new PhaseStarted(at, Phase.INJECT, Optional.of(step)))
        .add(60, at -> new FaultRequested(at, step, "siteRecovery.failover", List.of(plan),
            "test failover of recovery plan rp-shop (PrimaryToRecovery, Latest, then cleanup)"))
        .add(60.1, at -> new SiteRecoveryFailoverFacts(at, step, plan, "testFailover",
            "PrimaryToRecovery", "cleanup", Optional.empty()))
        .add(60.5, at -> new OperationAccepted(at, step, Action.INJECT, plan, 202,
            Optional.of("corr-asr-1"), Optional.of("job-tfo")))
        .add(62, at -> new SiteRecoveryJobChanged(at, step, "job-tfo", "TestFailover",
            SiteRecoveryJobRole.FAILOVER, "InProgress", Optional.of(FixtureJournal.instant(61)),
            Optional.empty()))
        .add(62, at -> new FaultEffective(at, step, plan, "job job-tfo InProgress"))
        .add(62, at -> new PhaseStarted(at, Phase.HOLD, Optional.of(step)))
        .add(90, at -> new SiteRecoveryJobChanged(at, step, "job-tfo", "TestFailover",
            SiteRecoveryJobRole.FAILOVER, "Succeeded", Optional.of(FixtureJournal.instant(61)),
            Optional.of(FixtureJournal.instant(89.6))))
        .add(90, at -> new PlatformRestored(at, step, plan,
            "failover job job-tfo Succeeded; the DR site is serving"))
        .add(120, at -> new PhaseStarted(at, Phase.REVERT, Optional.of(step)))
        .add(120, at -> new RevertRequested(at, step, List.of(plan)))
        .add(141, at -> new ApplicationRecovered(at, step, true,
            Optional.of(FixtureJournal.instant(141))))
        .samples("storefront", 1, 200, 1, Outcome.OK, 40)
        .samples("dr-test-copy", 60, 95, 1, Outcome.CONNECTION_REFUSED, 2)
        .samples("dr-test-copy", 95, 120, 1, Outcome.OK, 60)
        .add(150, at -> new PhaseStarted(at, Phase.VERIFY, Optional.empty()))
        .add(200, at -> new PhaseStarted(at, Phase.REPORT, Optional.empty()))
        .add(200, at -> new RunFinished(at, RunOutcome.PASSED, 0, "passed"));
  }
}
