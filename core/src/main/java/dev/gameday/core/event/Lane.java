package dev.gameday.core.event;

/** The two timelines a report keeps apart, plus the runner's own. */
public enum Lane {
  /** What Gameday itself did (requests, phases, aborts). */
  RUNNER,
  /** What Azure did and reported (effect, restore, job tasks, resource health). */
  PLATFORM,
  /** What the application did, as the probes saw it. */
  APPLICATION
}
