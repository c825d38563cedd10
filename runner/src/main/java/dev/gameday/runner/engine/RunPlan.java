package dev.gameday.runner.engine;

import dev.gameday.core.event.Stamp;
import dev.gameday.core.event.TimelineEvent.PlanRecorded;
import dev.gameday.core.event.TimelineEvent.PlannedStep;
import dev.gameday.core.model.Experiment;
import dev.gameday.core.model.FaultAction;
import dev.gameday.core.model.FaultStep;
import dev.gameday.core.model.ProbeSpec;
import java.time.Duration;
import java.util.List;

/**
 * What a run will do, in words: each step's fault and its revert. Used for the journal's
 * {@code run.plan} event and for {@code gameday plan}.
 */
public final class RunPlan {
  private RunPlan() {}

  public static PlanRecorded of(Experiment e, Stamp at) {
    List<PlannedStep> steps = e.faults().stream()
        .map(s -> new PlannedStep(s.name(), s.action().kind(), s.hold(), s.action().target(),
            describe(s)))
        .toList();
    var o = e.objectives();
    return new PlanRecorded(at, steps, e.steadyState().probes().stream().map(ProbeSpec::name)
        .toList(), o.rto(), o.maxApplicationGap(), o.maxErrorRatio(), o.maxTimeToEffect(), o.rpo(),
        e.steadyState().baseline());
  }

  /**
   * Baseline plus, for every step, its hold and its planned revert time: the least time a run
   * needs, checked against the window (which must still have it before its end less its margin).
   */
  public static Duration plannedDuration(Experiment e) {
    Duration d = e.steadyState().baseline();
    for (FaultStep s : e.faults()) {
      d = d.plus(s.hold()).plus(revertEstimate(s));
    }
    return d;
  }

  /**
   * How long undoing a step is planned to take. A fault must be gone by the window's end less
   * its margin, so a run reverts this much earlier. These are planning estimates (generous
   * against Azure's usual times, see docs/running.md), not measurements.
   */
  public static Duration revertEstimate(FaultStep step) {
    return switch (step.action()) {
      case FaultAction.VmPowerOff a -> VM_START;
      case FaultAction.VmDeallocate a -> VM_START;
      case FaultAction.VmRestart a -> VM_START;
      case FaultAction.NsgDeny a -> RULE_DELETE;
      case FaultAction.SiteRecoveryFailover a -> switch (a.then()) {
        case cleanup, commit -> FAILOVER_JOB;
        case none -> Duration.ZERO;
      };
      case FaultAction.Pause p -> Duration.ZERO;
    };
  }

  /** Planned time to start a VM and see it running. */
  static final Duration VM_START = Duration.ofMinutes(3);
  /** Planned time to delete a rule (and restore the NSG's flush) and see it gone. */
  static final Duration RULE_DELETE = Duration.ofMinutes(1);
  /** Planned time for a test-failover cleanup or a commit job to finish. */
  static final Duration FAILOVER_JOB = Duration.ofMinutes(15);

  /** One sentence: what the step does and how it is undone. */
  public static String describe(FaultStep step) {
    return switch (step.action()) {
      case FaultAction.VmPowerOff a -> "power off the VMs of target '" + a.targetName() + "'"
          + (a.skipShutdown() ? " without guest shutdown" : " with guest shutdown")
          + "; revert: start them";
      case FaultAction.VmDeallocate a -> "deallocate the VMs of target '" + a.targetName() + "'"
          + (a.hibernate() ? " (hibernate)" : "") + "; revert: start them";
      case FaultAction.VmRestart a -> "restart the VMs of target '" + a.targetName()
          + "'; revert: nothing to undo, wait until they run again";
      case FaultAction.NsgDeny a -> "add a " + a.direction() + " deny rule (" + a.protocol()
          + " from " + String.join(",", a.from()) + " to " + String.join(",", a.to())
          + " ports " + String.join(",", a.ports()) + ") to " + nsg(a.nsg())
          + (a.flushConnections() ? ", flushing established connections" : "")
          + "; revert: delete the rule";
      case FaultAction.SiteRecoveryFailover a -> a.type() + " failover of recovery plan '"
          + a.recoveryPlan() + "' in vault " + a.vaultResourceGroup() + "/" + a.vaultName()
          + " (" + a.direction() + ", " + a.recoveryPoint() + ")"
          + switch (a.then()) {
            case cleanup -> "; revert: test failover cleanup";
            case commit -> "; then commit the failover";
            case none -> "; no revert (the failover is the recovery)";
          };
      case FaultAction.Pause p -> "pause: inject nothing for " + step.hold();
    };
  }

  private static String nsg(FaultAction.NsgRef ref) {
    return switch (ref) {
      case FaultAction.NsgRef.ByName n -> "NSG " + n.resourceGroup() + "/" + n.name();
      case FaultAction.NsgRef.BySubnet s -> "the NSG of subnet " + s.resourceGroup() + "/"
          + s.virtualNetwork() + "/" + s.subnet();
    };
  }
}
