package dev.gameday.runner.engine;

import dev.gameday.core.event.Phase;
import dev.gameday.core.event.RunOutcome;
import dev.gameday.core.event.TimelineEvent;
import dev.gameday.core.event.TimelineEvent.Level;
import dev.gameday.core.model.Experiment;
import dev.gameday.core.model.FaultStep;
import dev.gameday.core.model.Window;
import dev.gameday.core.port.ApplicationMonitor;
import dev.gameday.core.port.Fault;
import dev.gameday.core.port.Platform;
import dev.gameday.core.port.RunClock;
import dev.gameday.core.port.TargetLease;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs one experiment through its lifecycle: preflight, baseline gate, each fault step, revert
 * of whatever is still in force (always, in a {@code finally}), verification, verdict. Every
 * event goes through the run's {@link EventBus}, whose first listener is the journal.
 */
public final class RunEngine {

  /** What the engine is built from; wired once by the CLI, faked in tests. */
  public record Parts(
      Platform platform,
      Function<Experiment, ApplicationMonitor> monitors,
      Function<Window, WindowGate> windows,
      TargetLease lock,
      RunClock clock,
      Sleeper sleeper,
      Judge judge,
      EngineOptions options) {}

  private final Parts parts;
  private final RevertPhase revert = new RevertPhase();

  public RunEngine(Parts parts) {
    this.parts = parts;
  }

  /** Runs the experiment; never throws for anything that happens during the run. */
  public RunResult run(RunRequest request, RunDirectory dir, EventBus bus, AbortSignal abort) {
    Experiment e = request.experiment();
    RunContext ctx = new RunContext(dir.runId(), e, parts.clock(), parts.sleeper(), bus, abort,
        parts.options());
    bus.add(ctx.steady);
    bus.on(new TimelineEvent.RunStarted(parts.clock().stamp(), dir.runId(), e.name(),
        e.metadata().title(), request.experimentFile().toString(), request.sha256(),
        request.redactedYaml(), request.toolVersion(), request.operator(),
        parts.options().ignoreWindowReason(), Optional.of(e.audit()).filter(a -> !a.blank())));
    bus.on(RunPlan.of(e, parts.clock().stamp()));

    Map<String, Fault> faults;
    try {
      faults = new PreflightPhase(parts.platform(), parts.windows().apply(e.window()), parts.lock(),
          dir).run(ctx);
    } catch (PreflightPhase.NotStarted notStarted) {
      return finish(ctx, dir, RunOutcome.NOT_STARTED, notStarted.getMessage());
    } catch (RuntimeException unexpected) {
      return finish(ctx, dir, RunOutcome.NOT_STARTED, "preflight failed: " + unexpected);
    }

    try {
      return runHeld(request, dir, ctx, faults);
    } finally {
      if (ctx.revertFailures.isEmpty() && !ctx.unconfirmed) {
        ctx.held.release();
      }
      ctx.held.close();
    }
  }

  /** The run from the baseline on, with its resources held. */
  private RunResult runHeld(RunRequest request, RunDirectory dir, RunContext ctx,
      Map<String, Fault> faults) {
    Experiment e = request.experiment();
    EventBus bus = ctx.bus;
    AbortSignal abort = ctx.abort;
    boolean notSteady = false;
    boolean verified = false;
    ApplicationMonitor monitor;
    try {
      monitor = parts.monitors().apply(e);
    } catch (RuntimeException badProbe) {
      return finish(ctx, dir, RunOutcome.NOT_STARTED, "the probes could not be set up: "
          + badProbe.getMessage());
    }
    ctx.monitor = monitor;
    try {
      try {
        bus.add(stopConditions(ctx));
        BaselinePhase.Result baseline = new WarmUpPhase().run(ctx)
            ? BaselinePhase.Result.ABORTED : new BaselinePhase().run(ctx);
        notSteady = baseline == BaselinePhase.Result.NOT_STEADY;
        if (baseline == BaselinePhase.Result.STEADY) {
          StepPhase steps = new StepPhase(revert);
          for (FaultStep step : e.faults()) {
            if (!steps.run(ctx, step, Optional.ofNullable(faults.get(step.name())))) {
              break;
            }
          }
        }
      } catch (RuntimeException unexpected) {
        ctx.note(Level.ERROR, "unexpected error, reverting everything: " + unexpected);
        ctx.abort(TimelineEvent.AbortCause.INJECT_FAILED, "unexpected error: " + unexpected);
      } finally {
        revert.revertAll(ctx);
      }
      if (!notSteady && !abort.triggered() && ctx.revertFailures.isEmpty()) {
        verified = new VerifyPhase().run(ctx);
      }
    } finally {
      monitor.close();
    }
    if (notSteady) {
      return finish(ctx, dir, RunOutcome.NOT_STARTED, "steady state did not hold during the"
          + " baseline, so nothing was injected: " + describeBreach(ctx));
    }
    Optional<String> stopReason = abort.reason().map(AbortSignal.Reason::message);
    return conclude(ctx, dir, stopReason, verified);
  }

  private RunResult conclude(RunContext ctx, RunDirectory dir, Optional<String> stopReason,
      boolean verified) {
    if (!ctx.revertFailures.isEmpty()) {
      return finish(ctx, dir, RunOutcome.REVERT_INCOMPLETE, "revert incomplete, something may"
          + " still be injected:\n  " + String.join("\n  ", ctx.revertFailures));
    }
    if (stopReason.isPresent()) {
      return finish(ctx, dir, RunOutcome.ABORTED, "aborted and fully reverted: "
          + stopReason.get());
    }
    ctx.phase(Phase.REPORT, Optional.empty());
    Judge.Verdict verdict = parts.judge().judge(dir.journal());
    if (!verified) {
      return finish(ctx, dir, RunOutcome.OBJECTIVES_MISSED, "steady state did not come back"
          + " after the reverts: " + describeBreach(ctx) + "; " + verdict.summary());
    }
    return finish(ctx, dir, verdict.objectivesMet() ? RunOutcome.PASSED
        : RunOutcome.OBJECTIVES_MISSED, verdict.summary());
  }

  private static String describeBreach(RunContext ctx) {
    String probes = ctx.steady.breachedProbes();
    return probes.isEmpty() ? "a probe breached its tolerance" : probes;
  }

  private static dev.gameday.core.event.EventListener stopConditions(RunContext ctx) {
    return event -> {
      if (event instanceof TimelineEvent.StopConditionMet s) {
        ctx.abort(TimelineEvent.AbortCause.STOP_CONDITION, "steady state of probe " + s.probe()
            + " breached for " + s.breachedFor() + " (limit " + s.limit() + ")");
      }
    };
  }

  private RunResult finish(RunContext ctx, RunDirectory dir, RunOutcome outcome, String summary) {
    ctx.bus.on(new TimelineEvent.RunFinished(ctx.clock.stamp(), outcome, outcome.exitCode(),
        summary));
    return new RunResult(outcome, summary, dir.path(), List.copyOf(ctx.revertFailures));
  }
}
