package dev.gameday.runner.engine;

import dev.gameday.core.event.Phase;
import dev.gameday.core.event.TimelineEvent;
import dev.gameday.core.event.TimelineEvent.AbortCause;
import dev.gameday.core.model.FaultStep;
import dev.gameday.core.port.Fault;
import dev.gameday.core.port.FaultException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * One fault step: inject, wait for the platform to confirm, hold, revert, wait for the platform
 * to restore, wait for the application to recover. Injection runs on its own thread so that an
 * abort during a slow injection goes straight to the revert.
 */
final class StepPhase {
  /** How long an interrupted injection gets to let go of its fault before the revert starts. */
  static final Duration HANDOVER = Duration.ofSeconds(1);

  private final RevertPhase revert;

  StepPhase(RevertPhase revert) {
    this.revert = revert;
  }

  /** Runs the step; returns false when the run must stop (aborted or injection failed). */
  boolean run(RunContext ctx, FaultStep step, Optional<Fault> fault) {
    Optional<String> name = Optional.of(step.name());
    if (fault.isEmpty()) {
      ctx.phase(Phase.HOLD, name);
      return !ctx.waitFor(step.hold());
    }
    ctx.phase(Phase.INJECT, name);
    Instant injectedAt = ctx.clock.now();
    if (!inject(ctx, step, fault.get())) {
      return false;
    }
    ctx.phase(Phase.HOLD, name);
    if (ctx.waitFor(step.hold())) {
      return false;
    }
    InjectedFault done = ctx.injected.pop();
    Instant revertStart = ctx.clock.now();
    int failuresBefore = ctx.revertFailures.size();
    revert.revert(ctx, done, true);
    if (ctx.revertFailures.size() > failuresBefore) {
      // The fault may still be in force: waiting for the application would only measure that.
      ctx.note(TimelineEvent.Level.WARN, "the revert of " + step.name() + " failed; not waiting"
          + " for the application to recover");
      return false;
    }
    return awaitApplication(ctx, step, injectedAt, revertStart);
  }

  private boolean inject(RunContext ctx, FaultStep step, Fault fault) {
    ctx.injected.push(new InjectedFault(step, fault));
    Instant deadline = ctx.clock.now().plus(ctx.options.effectTimeout());
    FutureTask<Void> injection = new FutureTask<>(() -> {
      fault.inject(ctx.bus);
      fault.awaitEffective(ctx.bus, deadline);
      return null;
    });
    Thread worker = Thread.ofVirtual().name("gameday-inject-" + step.name()).start(injection);
    boolean aborted = ctx.waitUntil(deadline.plusSeconds(5), injection::isDone);
    if (aborted || !injection.isDone()) {
      // Stop the injection, but give it a moment to leave the fault object before the revert
      // uses it; the revert itself is idempotent and runs either way.
      injection.cancel(true);
      join(worker, HANDOVER);
      if (!aborted) {
        fail(ctx, step, fault, "the platform did not confirm the fault within "
            + ctx.options.effectTimeout());
      }
      return false;
    }
    try {
      injection.get();
      return true;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      String reason = cause instanceof FaultException fe ? fe.getMessage() : String.valueOf(cause);
      fail(ctx, step, fault, reason);
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ctx.abort(AbortCause.SIGNAL, "interrupted while injecting " + step.name());
      return false;
    }
  }

  private static void join(Thread worker, Duration limit) {
    try {
      worker.join(limit);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void fail(RunContext ctx, FaultStep step, Fault fault, String reason) {
    ctx.bus.on(new TimelineEvent.FaultFailed(ctx.clock.stamp(), step.name(),
        String.join(", ", fault.resources()), reason));
    ctx.abort(AbortCause.INJECT_FAILED, "step " + step.name() + " could not be injected: " + reason);
  }

  private boolean awaitApplication(RunContext ctx, FaultStep step, Instant injectedAt,
      Instant revertStart) {
    ctx.phase(Phase.RECOVERY, Optional.of(step.name()));
    Instant end = revertStart.plus(step.recoveryTimeout());
    boolean aborted = ctx.waitUntil(end, ctx::steadyNow);
    boolean recovered = ctx.steadyNow();
    ctx.bus.on(new TimelineEvent.ApplicationRecovered(ctx.clock.stamp(), step.name(), recovered,
        recovered ? ctx.steadySince(injectedAt) : Optional.empty()));
    if (!recovered && !aborted) {
      ctx.note(TimelineEvent.Level.WARN, "the application did not recover within "
          + step.recoveryTimeout() + " after step " + step.name() + ": "
          + ctx.steady.breachedProbes());
    }
    return !aborted;
  }
}
