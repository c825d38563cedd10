package dev.gameday.runner.engine;

import java.time.Duration;
import java.time.Instant;
import dev.gameday.core.model.Window;
import dev.gameday.core.window.Decision;
import dev.gameday.core.window.WindowPlanner;

/** Decides whether a run may start now and until when its faults may stay in force. */
public interface WindowGate {
  /** The answer: admitted with the instant every fault must be reverted by, or refused. */
  sealed interface Admission {
    record Admitted(Instant revertBy) implements Admission {}

    record Refused(String reason) implements Admission {}
  }

  Admission admit(Instant now, Duration plannedDuration);

  /** The experiment's own window, as planned by {@link WindowPlanner}. */
  static WindowGate of(Window window) {
    WindowPlanner planner = new WindowPlanner(window);
    return (now, planned) -> switch (planner.admit(now, planned)) {
      case Decision.Admitted a -> new Admission.Admitted(a.opening().latestRevertBy());
      case Decision.Refused r -> new Admission.Refused(r.reason());
    };
  }
}
