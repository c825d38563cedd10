package dev.gameday.core.event;

/**
 * How a run ended, each with its process exit code. These codes are Gameday's contract with
 * scripts and CI; they are documented in the README.
 */
public enum RunOutcome {
  /** Completed and every objective met. */
  PASSED(0),
  /** Completed, but an objective was missed or steady state deviated. */
  OBJECTIVES_MISSED(1),
  /** The input was invalid (or the command line). */
  INVALID_INPUT(2),
  /** Not started: outside the window, preflight failed, or the baseline was not steady. */
  NOT_STARTED(3),
  /** Aborted, and every fault reverted. */
  ABORTED(4),
  /** A revert did not complete: something may still be injected. */
  REVERT_INCOMPLETE(5);

  private final int exitCode;

  RunOutcome(int exitCode) {
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
