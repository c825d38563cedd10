package dev.gameday.runner.cli;

import dev.gameday.core.event.RunOutcome;

/**
 * Gameday's exit codes, defined once. Scripts and CI rely on them; the README documents them.
 * Run outcomes map through {@link RunOutcome#exitCode()}, which uses the same numbers.
 */
public final class ExitCodes {
  /** Success; for {@code run}: completed with every objective met. */
  public static final int OK = 0;
  /** {@code run}: completed, but an objective was missed or steady state deviated. */
  public static final int OBJECTIVES_MISSED = RunOutcome.OBJECTIVES_MISSED.exitCode();
  /** {@code verify}: a file changed or is missing; {@code report}: the journal's hash chain is broken. */
  public static final int VERIFICATION_FAILED = 1;
  /** Invalid input or usage: a bad experiment, option or argument. */
  public static final int INVALID = RunOutcome.INVALID_INPUT.exitCode();
  /** Not started: outside the window, preflight failed, baseline not steady. */
  public static final int NOT_STARTED = RunOutcome.NOT_STARTED.exitCode();
  /** Aborted, and everything reverted. */
  public static final int ABORTED = RunOutcome.ABORTED.exitCode();
  /** A revert did not complete: something may still be injected; the output says what to do. */
  public static final int REVERT_INCOMPLETE = RunOutcome.REVERT_INCOMPLETE.exitCode();
  /** Gameday itself failed (a bug or an unreadable run directory): never a user's mistake. */
  public static final int INTERNAL = 70;

  private ExitCodes() {}
}
