package dev.gameday.runner.engine;

import dev.gameday.core.event.Stamp;
import dev.gameday.core.event.TimelineEvent.PlanRecorded;
import dev.gameday.core.event.TimelineEvent.PlannedStep;
import dev.gameday.core.model.Experiment;
import dev.gameday.core.model.FaultAction;
import dev.gameday.core.model.FaultStep;
import dev.gameday.core.model.ProbeSpec;
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
        .toList(), o.rto(), o.maxApplicationGap(), o.maxErrorRatio(), o.maxTimeToEffect(),
        e.steadyState().baseline());
  }

  /** Baseline plus every hold: the least time a run keeps faults possible, checked against the window. */
  public static java.time.Duration plannedDuration(Experiment e) {
    java.time.Duration d = e.steadyState().baseline();
    for (FaultStep s : e.faults()) {
      d = d.plus(s.hold());
    }
    return d;
  }

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
