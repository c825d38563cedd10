package dev.gameday.runner.engine;

import dev.gameday.core.event.Phase;
import dev.gameday.core.event.TimelineEvent;
import dev.gameday.core.event.TimelineEvent.Level;
import dev.gameday.core.model.FaultAction;
import dev.gameday.core.model.FaultStep;
import dev.gameday.core.port.Fault;
import dev.gameday.core.port.Platform;
import dev.gameday.core.port.PlatformException;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything that must hold before the baseline: the window is open and long enough, targets
 * resolve and pass the guards, no unfinished run holds them, the platform's preflight passes, and
 * every step has its fault. Writes nothing to the platform.
 */
final class PreflightPhase {
  /** Why the run does not start. */
  static final class NotStarted extends Exception {
    NotStarted(String message) {
      super(message);
    }
  }

  private final Platform platform;
  private final WindowGate window;
  private final TargetLock lock;

  PreflightPhase(Platform platform, WindowGate window, TargetLock lock) {
    this.platform = platform;
    this.window = window;
    this.lock = lock;
  }

  /** Returns the fault of every non-pause step, by step name. */
  Map<String, Fault> run(RunContext ctx) throws NotStarted {
    ctx.phase(Phase.PREFLIGHT, Optional.empty());
    admitWindow(ctx);
    try {
      ctx.targets = platform.resolveTargets(ctx.experiment);
      ctx.bus.on(new TimelineEvent.TargetsResolved(ctx.clock.stamp(), ctx.targets));
      checkLock(ctx);
      platform.preflight(ctx.experiment, ctx.targets, ctx.bus);
    } catch (PlatformException e) {
      throw new NotStarted("preflight failed: " + e.getMessage());
    }
    Map<String, Fault> faults = new LinkedHashMap<>();
    for (FaultStep step : ctx.experiment.faults()) {
      if (!(step.action() instanceof FaultAction.Pause)) {
        faults.put(step.name(), platform.fault(step, ctx.targets, ctx.runId));
      }
    }
    return faults;
  }

  private void admitWindow(RunContext ctx) throws NotStarted {
    WindowGate.Admission admission = window.admit(ctx.clock.now(), RunPlan.plannedDuration(ctx.experiment));
    switch (admission) {
      case WindowGate.Admission.Admitted a -> ctx.revertBy(a.revertBy());
      case WindowGate.Admission.Refused r -> {
        if (ctx.options.ignoreWindowReason().isEmpty()) {
          throw new NotStarted(r.reason());
        }
        ctx.note(Level.WARN, "maintenance window ignored (" + r.reason() + "); reason given: "
            + ctx.options.ignoreWindowReason().get());
      }
    }
  }

  private void checkLock(RunContext ctx) throws NotStarted {
    Set<String> resources = new HashSet<>();
    ctx.targets.values().forEach(resources::addAll);
    Optional<String> conflict = lock.conflict(resources, ctx.runId);
    if (conflict.isEmpty()) {
      return;
    }
    if (ctx.options.forceReason().isEmpty()) {
      throw new NotStarted("an unfinished run holds the same targets: " + conflict.get()
          + ". Run 'gameday rollback " + conflict.get() + "' first, or pass --force --reason");
    }
    ctx.note(Level.WARN, "started although an unfinished run holds the same targets ("
        + conflict.get() + "); reason given: " + ctx.options.forceReason().get());
  }

}
