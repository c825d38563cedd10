package dev.gameday.runner.engine;

import dev.gameday.core.event.Phase;
import java.util.Optional;

/** Steady state must hold for the whole baseline, or nothing is injected. */
final class BaselinePhase {
  /** The outcome of the gate. */
  enum Result { STEADY, NOT_STEADY, ABORTED }

  Result run(RunContext ctx) {
    ctx.phase(Phase.BASELINE, Optional.empty());
    int breachesBefore = ctx.steady.breachCount();
    if (ctx.waitFor(ctx.experiment.steadyState().baseline())) {
      return Result.ABORTED;
    }
    boolean steady = ctx.steadyNow() && ctx.steady.breachCount() == breachesBefore;
    return steady ? Result.STEADY : Result.NOT_STEADY;
  }
}
