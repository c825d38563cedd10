package dev.gameday.core.event;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a probe tick sent no request, as written in a {@code MISSED} sample's reason, and read back
 * from it. A missed tick is not an observation of the application: the probe could not keep up.
 * The wording is part of the journal; the probes write it with {@link #reason()} and reports read
 * it with {@link #parse(String)}.
 *
 * @param cause why the tick sent nothing
 * @param lateMillis for {@link Cause#TIMER_LATE}: how late the timer woke up; otherwise 0
 * @param ticks how many ticks the sample stands for (one, plus any counted but not listed)
 */
public record MissedTick(Cause cause, long lateMillis, long ticks) {
  /** Why a tick sent nothing. */
  public enum Cause {
    /** The probe's previous request was still running: an answer took longer than the interval. */
    STILL_RUNNING,
    /** The timer woke up more than an interval late: Gameday's process or machine stalled. */
    TIMER_LATE,
    /** A reason this version does not know. */
    OTHER
  }

  private static final String STILL_RUNNING = "previous request still running";
  private static final Pattern LATE =
      Pattern.compile("timer late by (\\d+) ms; tick skipped(?: \\((\\d+) more ticks skipped\\))?");

  public MissedTick {
    if (ticks < 1) {
      throw new IllegalArgumentException("a missed sample stands for at least one tick");
    }
  }

  public static MissedTick stillRunning() {
    return new MissedTick(Cause.STILL_RUNNING, 0, 1);
  }

  /** A tick the timer woke up for {@code lateMillis} late; {@code more} further ticks not listed. */
  public static MissedTick timerLate(long lateMillis, long more) {
    return new MissedTick(Cause.TIMER_LATE, lateMillis, 1 + more);
  }

  /** The sample's reason text. */
  public String reason() {
    return switch (cause) {
      case STILL_RUNNING -> STILL_RUNNING;
      case TIMER_LATE -> "timer late by " + lateMillis + " ms; tick skipped"
          + (ticks > 1 ? " (" + (ticks - 1) + " more ticks skipped)" : "");
      case OTHER -> "tick missed";
    };
  }

  /** Reads a {@code MISSED} sample's reason; an unknown text is one tick of cause OTHER. */
  public static MissedTick parse(String reason) {
    if (STILL_RUNNING.equals(reason)) {
      return stillRunning();
    }
    Matcher m = LATE.matcher(reason == null ? "" : reason);
    if (m.matches()) {
      return timerLate(Long.parseLong(m.group(1)), m.group(2) == null ? 0
          : Long.parseLong(m.group(2)));
    }
    return new MissedTick(Cause.OTHER, 0, 1);
  }
}
