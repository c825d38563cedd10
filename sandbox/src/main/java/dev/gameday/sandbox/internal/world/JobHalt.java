package dev.gameday.sandbox.internal.world;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a job stops short of its plan: at the start of one of its tasks it turns {@code Suspended},
 * {@code Failed} or {@code Cancelled} (job and task states of the spec's {@code JobProperties.state}
 * and {@code ASRTask.state}, {@code SiteRecovery/stable/2026-02-01/service.json}). A suspended job
 * waits for a user: it is released (the task and the job end {@code Succeeded}) when the action it
 * waits for comes ({@code TestFailoverCleanup} for a test failover: the spec's
 * {@code ReplicationRecoveryPlans_TestFailover.json} example shows the plan {@code Suspended /
 * WaitingForStopTestFailover}). Guarded by the world's monitor like the rest of the world.
 */
public final class JobHalt {

  /** The states a job can stop in. */
  public enum State {
    Suspended, Failed, Cancelled;

    public static State parse(String text) {
      for (State s : values()) {
        if (s.name().equalsIgnoreCase(text.trim())) {
          return s;
        }
      }
      throw new IllegalArgumentException("state must be Suspended, Failed or Cancelled, was '" + text + "'");
    }

    public String lower() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final int task;
  private final State state;
  private Instant releasedAt;

  public JobHalt(int task, State state) {
    if (task < 0) {
      throw new IllegalArgumentException("task index must be >= 0");
    }
    this.task = task;
    this.state = Objects.requireNonNull(state, "state");
  }

  /** Index of the task the job stops at. */
  public int task() {
    return task;
  }

  public State state() {
    return state;
  }

  /** When a suspended job was let go on, if it was. */
  public Instant releasedAt() {
    return releasedAt;
  }

  /** Lets a suspended job go on at {@code at}; no-op for other states or a second release. */
  public void release(Instant at) {
    if (state == State.Suspended && releasedAt == null) {
      releasedAt = at;
    }
  }
}
