package dev.gameday.runner.engine;

import dev.gameday.core.event.Phase;
import java.time.Duration;
import java.util.Optional;

/**
 * Starts the probes and, when the monitor asks for it, lets them warm up before the baseline:
 * they run their whole path at their own rates without recording anything, so that the
 * baseline's first second is measured like its last. The monitor journals the warm-up's account
 * ({@code probes.warmup}) when the baseline begins.
 */
final class WarmUpPhase {

  /** Starts the monitor (after announcing the warm-up, if any); true if the run was aborted. */
  boolean run(RunContext ctx) {
    Duration warmUp = ctx.monitor.warmUp();
    boolean warming = warmUp.isPositive();
    if (warming) {
      // Announced before the probes start, so that they start warming up, not recording.
      ctx.phase(Phase.WARMUP, Optional.empty());
    }
    ctx.monitor.start(ctx.bus);
    return warming && ctx.waitFor(warmUp);
  }
}
