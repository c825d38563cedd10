package dev.gameday.core.window;

import java.util.Objects;
import java.util.Optional;

/** Whether a run may start now, as decided by {@link WindowPlanner#admit}. */
public sealed interface Decision {

  /** The run fits in {@code opening}, which is open now. */
  record Admitted(Opening opening) implements Decision {
    public Admitted {
      Objects.requireNonNull(opening, "opening");
    }
  }

  /**
   * The run may not start now. {@code reason} is a sentence for the user; {@code nextOpening} is
   * the next opening that starts later, if any.
   */
  record Refused(String reason, Optional<Opening> nextOpening) implements Decision {
    public Refused {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(nextOpening, "nextOpening");
    }
  }
}
