package dev.gameday.reports;

import dev.gameday.core.event.Phase;
import dev.gameday.core.event.RunOutcome;
import dev.gameday.core.event.TimelineEvent.AbortCause;
import dev.gameday.core.event.TimelineEvent.AbortRequested;
import dev.gameday.core.event.TimelineEvent.Action;
import dev.gameday.core.event.TimelineEvent.ApplicationRecovered;
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
            errors, tte, Duration.ofSeconds(50)))
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
            Optional.of("corr-revert-1"), Optional.empty()))
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
}
