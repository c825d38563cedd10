package dev.gameday.probes.steady;

import dev.gameday.core.event.Phase;
import dev.gameday.core.model.ProbeSpec.Mode;
import java.util.Optional;

/**
 * Which probes run in which phase. CONTINUOUS runs the whole run (before the first phase is
 * announced too); BASELINE in {@link Phase#BASELINE} and the warm-up before it; DURING only while a fault is injected
 * or held; AFTER in REVERT, RECOVERY and VERIFY.
 */
public final class ModeGate {
  private ModeGate() {}

  public static boolean active(Mode mode, Optional<Phase> phase) {
    if (mode == Mode.CONTINUOUS) {
      return true;
    }
    if (phase.isEmpty()) {
      return false;
    }
    Phase p = phase.get();
    return switch (mode) {
      case CONTINUOUS -> true;
      case BASELINE -> p == Phase.WARMUP || p == Phase.BASELINE;
      case DURING -> p == Phase.INJECT || p == Phase.HOLD;
      case AFTER -> p == Phase.REVERT || p == Phase.RECOVERY || p == Phase.VERIFY;
    };
  }
}
