package dev.gameday.runner.engine;

import dev.gameday.core.event.Phase;
import dev.gameday.core.event.TimelineEvent;
import dev.gameday.core.port.FaultException;
import java.time.Instant;
import java.util.Optional;

/**
 * Undoes faults: one after its hold, or every fault still in force, newest first, when the run
 * stops early. A revert that fails is journaled with the command that finishes it by hand and the
 * run goes on reverting the rest; it never stops halfway, not even when the journal can no longer
 * be written (its events then go to {@link RunContext#revertEvents}, which logs that failure).
 */
final class RevertPhase {

  /** Reverts every fault still in force, in reverse order of injection. */
  void revertAll(RunContext ctx) {
    while (!ctx.injected.isEmpty()) {
      revert(ctx, ctx.injected.pop(), !ctx.abort.urgent());
    }
  }

  /** Reverts one fault and, unless {@code awaitRestore} is false, waits for the platform. */
  void revert(RunContext ctx, InjectedFault f, boolean awaitRestore) {
    String step = f.step().name();
    ctx.phase(Phase.REVERT, Optional.of(step), ctx.revertEvents);
    Instant deadline = ctx.clock.now().plus(ctx.options.revertTimeout());
    try {
      f.fault().revert(ctx.revertEvents, deadline);
    } catch (FaultException e) {
      failed(ctx, f, e);
      return;
    } catch (RuntimeException e) {
      failed(ctx, f, new FaultException(step, String.join(", ", f.fault().resources()),
          e.toString(), f.fault().manualRevertCommand(), e));
      return;
    }
    if (!awaitRestore) {
      ctx.unconfirmed = true;
      ctx.revertEvents.on(new TimelineEvent.Note(ctx.clock.stamp(), TimelineEvent.Level.WARN,
          "revert of " + step + " requested without waiting for the platform (second abort)"));
      return;
    }
    try {
      f.fault().awaitRestored(ctx.revertEvents, ctx.clock.now().plus(f.step().recoveryTimeout()));
    } catch (FaultException e) {
      failed(ctx, f, e);
    } catch (RuntimeException e) {
      failed(ctx, f, new FaultException(step, String.join(", ", f.fault().resources()),
          e.toString(), f.fault().manualRevertCommand(), e));
    }
  }

  private void failed(RunContext ctx, InjectedFault f, FaultException e) {
    String command = e.manualCommand().orElse(f.fault().manualRevertCommand());
    String resource = e.resource() != null ? e.resource() : String.join(", ", f.fault().resources());
    ctx.revertEvents.on(new TimelineEvent.RevertFailed(ctx.clock.stamp(), f.step().name(), resource,
        String.valueOf(e.getMessage()), command));
    ctx.revertFailures.add(f.step().name() + ": " + e.getMessage() + "\n    finish by hand: "
        + command);
  }
}
