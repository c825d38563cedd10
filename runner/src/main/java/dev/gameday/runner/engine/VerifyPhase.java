package dev.gameday.runner.engine;

import dev.gameday.core.event.Phase;
import dev.gameday.core.model.FaultStep;
import java.time.Duration;
import java.util.Optional;

/**
 * After every revert, steady state must hold again: waits for it up to the longest recovery
 * timeout of the experiment's steps.
 */
final class VerifyPhase {
  /** True when steady state holds again. */
  boolean run(RunContext ctx) {
    ctx.phase(Phase.VERIFY, Optional.empty());
    Duration limit = ctx.experiment.faults().stream().map(FaultStep::recoveryTimeout)
        .max(Duration::compareTo).orElse(FaultStep.DEFAULT_RECOVERY_TIMEOUT);
    ctx.waitUntil(ctx.clock.now().plus(limit), ctx::steadyNow);
    return ctx.steadyNow();
  }
}
