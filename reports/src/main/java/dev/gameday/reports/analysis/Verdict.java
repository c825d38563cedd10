package dev.gameday.reports.analysis;

/** The overall verdict of a run. */
public enum Verdict {
  /** The run completed and every objective was met. */
  PASSED,
  /** An objective was missed, a revert failed, or the application did not come back. */
  FAILED,
  /** The journal does not tell the whole story (unfinished, truncated, aborted, unreadable). */
  INCOMPLETE
}
