package dev.gameday.reports.analysis;

import dev.gameday.core.event.RunOutcome;

/**
 * The overall verdict of a run. These are the words of {@link RunOutcome} (what the runner
 * concluded, with its exit code), so the console, {@code gameday runs}, report.json, junit.xml,
 * Markdown and HTML all speak one vocabulary; {@code INCOMPLETE} is added for a journal that
 * cannot vouch for its run (killed, cut off, rolled back afterwards, unreadable).
 */
public enum Verdict {
  /** The run finished and every objective was met. */
  PASSED,
  /** The run finished, but an objective was missed or the application did not come back. */
  OBJECTIVES_MISSED,
  /** Nothing was injected: outside the window, preflight failed, or the baseline was not steady. */
  NOT_STARTED,
  /** Stopped early (stop condition, user, signal, window closing, maximum duration), reverted. */
  ABORTED,
  /** A revert did not complete: a fault may still be in force. */
  REVERT_INCOMPLETE,
  /** The journal cannot vouch for the run: killed, cut off, rolled back afterwards, unreadable. */
  INCOMPLETE;

  /** The verdict of the same name as the runner's outcome. */
  public static Verdict of(RunOutcome outcome) {
    return switch (outcome) {
      case PASSED -> PASSED;
      case OBJECTIVES_MISSED -> OBJECTIVES_MISSED;
      case NOT_STARTED -> NOT_STARTED;
      case ABORTED -> ABORTED;
      case REVERT_INCOMPLETE -> REVERT_INCOMPLETE;
      case INVALID_INPUT -> INCOMPLETE;
    };
  }

  /** True for a run that ended before it could measure what it planned. */
  public boolean cutShort() {
    return this == NOT_STARTED || this == ABORTED || this == INCOMPLETE;
  }
}
