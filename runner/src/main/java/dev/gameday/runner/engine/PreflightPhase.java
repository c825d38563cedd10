package dev.gameday.runner.engine;

import dev.gameday.core.event.Phase;
import dev.gameday.core.event.TimelineEvent;
import dev.gameday.core.event.TimelineEvent.Level;
import dev.gameday.core.model.FaultAction;
import dev.gameday.core.model.FaultStep;
import dev.gameday.core.port.Fault;
import dev.gameday.core.port.Platform;
import dev.gameday.core.port.PlatformException;
import dev.gameday.core.port.TargetLease;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything that must hold before the baseline: the window is open and long enough, targets
 * resolve and pass the guards, every step has its fault, every resource the steps touch is held
 * for this run (no other run, live or dead with faults in force, holds one), and the platform's
 * preflight passes. Writes nothing to the platform.
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
  private final TargetLease lease;
  private final RunDirectory dir;

  PreflightPhase(Platform platform, WindowGate window, TargetLease lease, RunDirectory dir) {
    this.platform = platform;
    this.window = window;
    this.lease = lease;
    this.dir = dir;
  }

  /**
   * Returns the fault of every non-pause step, by step name, with every resource the steps touch
   * held in {@code ctx.held}.
   */
  Map<String, Fault> run(RunContext ctx) throws NotStarted {
    ctx.phase(Phase.PREFLIGHT, Optional.empty());
    admitWindow(ctx);
    try {
      ctx.targets = platform.resolveTargets(ctx.experiment);
      ctx.bus.on(new TimelineEvent.TargetsResolved(ctx.clock.stamp(), ctx.targets));
    } catch (PlatformException e) {
      throw new NotStarted("preflight failed: " + e.getMessage());
    }
    Map<String, Fault> faults = new LinkedHashMap<>();
    for (FaultStep step : ctx.experiment.faults()) {
      if (!(step.action() instanceof FaultAction.Pause)) {
        faults.put(step.name(), platform.fault(step, ctx.targets, ctx.runId));
      }
    }
    Set<String> touched = new LinkedHashSet<>();
    ctx.targets.values().forEach(touched::addAll);
    faults.values().forEach(f -> touched.addAll(f.touches()));
    hold(ctx, touched);
    try {
      platform.preflight(ctx.experiment, ctx.targets, ctx.bus);
    } catch (PlatformException e) {
      ctx.held.release();
      ctx.held.close();
      throw new NotStarted("preflight failed: " + e.getMessage());
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

  /** Takes every touched resource for this run, or refuses naming the run that holds one. */
  private void hold(RunContext ctx, Set<String> resources) throws NotStarted {
    TargetLease.Holder me = new TargetLease.Holder(ctx.runId, dir.path().toAbsolutePath()
        .toString(), ProcessHandle.current().pid(), host(), ctx.clock.now());
    try {
      ctx.held = lease.acquire(resources, me, false);
    } catch (TargetLease.Refused refused) {
      if (refused.live() || ctx.options.forceReason().isEmpty()) {
        throw new NotStarted("another run holds a resource of this one: " + refused.getMessage()
            + (refused.live() ? "" : " (or pass --force --reason)"));
      }
      ctx.note(Level.WARN, "started although " + refused.getMessage() + "; reason given: "
          + ctx.options.forceReason().get());
      try {
        ctx.held = lease.acquire(resources, me, true);
      } catch (TargetLease.Refused again) {
        throw new NotStarted("another run holds a resource of this one: " + again.getMessage());
      }
    }
    ctx.note(Level.INFO, "holding " + resources.size() + " resource(s) for this run: "
        + String.join(", ", resources));
    for (TargetLease.Hold taken : ctx.held.tookOver()) {
      ctx.note(Level.WARN, taken.resource() + " was held by " + taken.holder().describe()
          + ", whose lease expired without being released (the runner died?): its faults may"
          + " still be in force until 'gameday rollback " + taken.holder().runDir() + "'");
    }
  }

  private static String host() {
    String h = System.getenv("HOSTNAME");
    if (h != null && !h.isBlank()) {
      return h;
    }
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return "localhost";
    }
  }
}
