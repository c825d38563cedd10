package dev.gameday.core.event;

/**
 * The phases of a run, in lifecycle order. {@code WARMUP} runs the probes before the baseline
 * without recording their samples (only when the monitor asks for one, see
 * {@link dev.gameday.core.port.ApplicationMonitor#warmUp()}); its account is a
 * {@link TimelineEvent.WarmUpEnded}.
 */
public enum Phase {
  PREFLIGHT, WARMUP, BASELINE, INJECT, HOLD, REVERT, RECOVERY, VERIFY, REPORT, ROLLBACK
}
