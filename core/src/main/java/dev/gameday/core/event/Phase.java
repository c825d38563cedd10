package dev.gameday.core.event;

/** The phases of a run, in lifecycle order. */
public enum Phase {
  PREFLIGHT, BASELINE, INJECT, HOLD, REVERT, RECOVERY, VERIFY, REPORT, ROLLBACK
}
