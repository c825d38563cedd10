package dev.gameday.reports.analysis;

/** How much a finding matters. */
public enum Severity {
  /** Good news or context (redundancy worked). */
  INFO,
  /** Worth a look; no objective was missed because of it. */
  WARNING,
  /** An objective was missed, or something is left broken. */
  PROBLEM
}
