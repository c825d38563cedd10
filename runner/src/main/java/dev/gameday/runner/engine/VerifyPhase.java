package dev.gameday.runner.engine;

import dev.gameday.core.event.Phase;
import dev.gameday.core.event.TimelineEvent;
import dev.gameday.core.model.FaultStep;
import dev.gameday.core.model.ProbeSpec;
import java.time.Duration;
import java.util.Optional;

/**
 * After every revert, steady state must hold again: waits for it up to the longest recovery
 * timeout of the experiment's steps, then keeps probing for the {@link #window verify window},
 * so that the report's "after" window holds the samples that show it.
 */
final class VerifyPhase {
  /** True when steady state holds again and still holds at the end of the window. */
  boolean run(RunContext ctx) {
    ctx.phase(Phase.VERIFY, Optional.empty());
    Duration limit = ctx.experiment.faults().stream().map(FaultStep::recoveryTimeout)
        .max(Duration::compareTo).orElse(FaultStep.DEFAULT_RECOVERY_TIMEOUT);
    if (ctx.waitUntil(ctx.clock.now().plus(limit), ctx::steadyNow) || !ctx.steadyNow()) {
      return ctx.steadyNow();
    }
    Duration window = window(ctx);
    ctx.note(TimelineEvent.Level.INFO, "verify: steady state holds; probing " + window.toMillis()
        + " ms more, the verify window");
    if (ctx.waitFor(window)) {
      return false;
    }
    return ctx.steadyNow();
  }

  /**
   * The verify window: as long as the slowest probe needs for the good samples that restore its
   * steady state ({@code successesToRestore × every}), over the probes that run after a revert.
   */
  static Duration window(RunContext ctx) {
    return ctx.experiment.steadyState().probes().stream()
        .filter(p -> p.mode() != ProbeSpec.Mode.BASELINE && p.mode() != ProbeSpec.Mode.DURING)
        .map(p -> p.every().multipliedBy(p.tolerance().successesToRestore()))
        .max(Duration::compareTo).orElse(Duration.ZERO);
  }
}
