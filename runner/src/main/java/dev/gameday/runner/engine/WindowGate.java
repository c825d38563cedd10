package dev.gameday.runner.engine;

import java.time.Duration;
import java.time.Instant;

/** Decides whether a run may start now and until when its faults may stay in force. */
public interface WindowGate {
  /** The answer: admitted with the instant every fault must be reverted by, or refused. */
  sealed interface Admission {
    record Admitted(Instant revertBy) implements Admission {}

    record Refused(String reason) implements Admission {}
  }

  Admission admit(Instant now, Duration plannedDuration);
}
