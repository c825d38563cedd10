package dev.gameday.azure.fault;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.azure.arm.ArmException;
import dev.gameday.azure.arm.Json;
import dev.gameday.core.event.EventListener;
import dev.gameday.core.event.TimelineEvent.Level;
import dev.gameday.core.event.TimelineEvent.Note;
import dev.gameday.core.event.TimelineEvent.PlatformRestored;
import dev.gameday.core.event.TimelineEvent.SiteRecoveryJobChanged;
import dev.gameday.core.event.TimelineEvent.SiteRecoveryJobRole;
import dev.gameday.core.event.TimelineEvent.SiteRecoveryRecoveryPoint;
import dev.gameday.core.port.FaultException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Follows the failover job this step started: finds it (the plan's new {@code currentScenario.jobId}),
 * polls it ({@link JobFollower} reports every task with the platform's own times), warns once per
 * task when the job is {@code Suspended} (it waits for someone: a manual action, or a test failover
 * waiting for its cleanup), and reports the platform restored when the job {@code Succeeded}.
 * While the step is held it follows the job on a background thread, so tasks are journaled when
 * they happen.
 */
final class FailoverFollower {
  /** How long the background follower watches a failover job at most. */
  private static final Duration FOLLOW_LIMIT = Duration.ofHours(6);
  private static final Duration FOLLOW_JOIN = Duration.ofSeconds(30);

  private final String step;
  private final FaultContext ctx;
  private final RecoveryPlanCalls calls;
  private final JobFollower jobs;
  private final FailoverRecord record;
  private final Set<String> warned = new HashSet<>();
  private final Map<String, String> jobStates = new ConcurrentHashMap<>();
  private final Set<String> recoveryPoints = ConcurrentHashMap.newKeySet();

  /** What became of this step's failover request. */
  enum Origin {
    /** Not sent by this object (a rollback builds the fault and calls revert alone). */
    NOT_SENT,
    /** Azure refused it (or it was never sent because the plan did not allow it). */
    REFUSED,
    /** Azure accepted it: this step owns the failover and must end it. */
    ACCEPTED
  }

  private volatile String job;
  private volatile String previousJob;
  private volatile Origin origin = Origin.NOT_SENT;
  private volatile boolean restoredReported;
  private volatile Thread background;
  private volatile boolean backgroundStopped;

  FailoverFollower(String step, FaultContext ctx, RecoveryPlanCalls calls,
      FailoverRecord record) {
    this.step = step;
    this.ctx = ctx;
    this.calls = calls;
    this.record = record;
    this.jobs = new JobFollower(ctx, step);
  }

  /** Azure accepted this step's failover; its job is the plan's next one after {@code previous}. */
  void accepted(Optional<String> previous) {
    origin = Origin.ACCEPTED;
    previousJob = previous.orElse(null);
  }

  /** Azure accepted this step's failover and the plan shows its job: journaled with the record. */
  void acceptedAs(String jobPath, EventListener events) {
    origin = Origin.ACCEPTED;
    job = jobPath;
    record.jobStarted(events, jobPath);
  }

  void refused() {
    origin = Origin.REFUSED;
  }

  Origin origin() {
    return origin;
  }

  Optional<String> job() {
    return Optional.ofNullable(job);
  }

  boolean restoredReported() {
    return restoredReported;
  }

  /** The failover job was seen to end {@code Failed} or {@code Cancelled}: nothing failed over. */
  boolean endedUnsuccessfully() {
    String state = job().map(jobStates::get).orElse("");
    return JobFollower.terminal(state) && !state.equalsIgnoreCase("Succeeded");
  }

  /**
   * Finds the failover job once (the plan's current scenario, a new job id), if not known yet,
   * and journals the failover's facts with it.
   */
  synchronized Optional<String> discover(EventListener events) {
    if (job == null && origin == Origin.ACCEPTED) {
      Optional<String> current = calls.currentJob(calls.plan(), calls.failoverAction());
      if (current.isPresent() && (previousJob == null
          || !tail(current.get()).equalsIgnoreCase(tail(previousJob)))) {
        acceptedAs(current.get(), events);
      }
    }
    return job();
  }

  /**
   * Reads a job once: task events, a {@link SiteRecoveryJobChanged} when its state changed (with
   * the job's own start and end), and a warning the first time a task is suspended.
   */
  JsonNode poll(String jobPath, EventListener events, SiteRecoveryJobRole role) {
    JsonNode body = jobs.poll(ctx.arm(), jobPath, events);
    String state = JobFollower.state(body);
    if (!state.equals(jobStates.put(jobPath, state))) {
      events.on(new SiteRecoveryJobChanged(ctx.stamp(), step, tail(jobPath),
          Json.text(body, "/properties/scenarioName").orElse(""), role, state,
          Json.instant(body, "/properties/startTime"), Json.instant(body, "/properties/endTime")));
    }
    if (role == SiteRecoveryJobRole.FAILOVER) {
      reportRecoveryPoints(jobPath, body, events);
    }
    if (JobFollower.suspended(state)) {
      String task = pendingTask(body);
      if (warned.add(tail(jobPath) + "|" + task)) {
        events.on(new Note(ctx.stamp(), Level.WARN, step + ": Site Recovery job " + tail(jobPath)
            + " (" + Json.text(body, "/properties/scenarioName").orElse("?") + ") is Suspended at"
            + " task '" + task + "': it waits for someone (a manual action of the plan, or the next"
            + " action such as a test failover's cleanup); Gameday does not resume it"));
      }
    }
    return body;
  }

  /**
   * Journals, once per protected item, the recovery point a failover job used: its
   * {@code customDetails} ({@code FailoverJobDetails} or {@code TestFailoverJobDetails}) list
   * {@code protectedItemDetails} of {@code FailoverReplicationProtectedItemDetails} with
   * {@code recoveryPointId} and {@code recoveryPointTime}
   * ({@code SiteRecovery/stable/2025-08-01/service.json}).
   */
  private void reportRecoveryPoints(String jobPath, JsonNode job, EventListener events) {
    for (JsonNode item : Json.elements(job, "/properties/customDetails/protectedItemDetails")) {
      Optional<Instant> time = Json.instant(item, "/recoveryPointTime");
      String name = Json.text(item, "/friendlyName").orElse(Json.text(item, "/name").orElse("?"));
      if (time.isPresent() && recoveryPoints.add(tail(jobPath) + "|" + name)) {
        events.on(new SiteRecoveryRecoveryPoint(ctx.stamp(), step, tail(jobPath), name,
            Json.text(item, "/recoveryPointId"), time.get()));
      }
    }
  }

  /** The task a suspended (or running) job waits on: its first suspended, else running task. */
  static String pendingTask(JsonNode job) {
    List<JsonNode> tasks = Json.elements(job, "/properties/tasks");
    for (String state : List.of("Suspended", "InProgress")) {
      for (JsonNode t : tasks) {
        if (state.equalsIgnoreCase(t.path("state").asText())) {
          return t.path("friendlyName").asText(t.path("name").asText("?"));
        }
      }
    }
    return "?";
  }

  /**
   * Follows the failover job until it ends (or, with {@code untilSuspended}, until it waits for
   * someone) or until {@code deadline}; reports the platform restored if it succeeded. Returns how
   * it stands.
   */
  String finish(EventListener events, Instant deadline, boolean untilSuspended)
      throws FaultException {
    String last = "no job";
    while (true) {
      if (backgroundStopped && Thread.currentThread() == background) {
        return "handed over to the revert";
      }
      try {
        if (discover(events).isEmpty()) {
          return origin == Origin.ACCEPTED ? "no job found" : "none";
        }
        JsonNode body = poll(job, events, SiteRecoveryJobRole.FAILOVER);
        String state = JobFollower.state(body);
        if (JobFollower.terminal(state)) {
          if (state.equalsIgnoreCase("Succeeded") && !restoredReported) {
            restoredReported = true;
            events.on(new PlatformRestored(ctx.stamp(), step, calls.planPath(), "failover job "
                + tail(job) + " Succeeded" + endTime(body).map(t -> " at " + t).orElse("")
                + "; the DR site is serving"));
          }
          return state + errors(body);
        }
        if (untilSuspended && JobFollower.suspended(state)) {
          return "Suspended at task '" + pendingTask(body) + "'";
        }
        last = state;
      } catch (ArmException e) {
        last = e.getMessage();
      }
      if (ctx.past(deadline)) {
        return "still " + last + " at " + deadline;
      }
      pause(deadline);
    }
  }

  /** Follows the job in the background while the step is held; {@link #stop} hands over. */
  void followInBackground(EventListener events) {
    background = Thread.ofVirtual().name("gameday-follow-" + step).start(() -> {
      try {
        finish(events, ctx.clock().now().plus(FOLLOW_LIMIT), false);
      } catch (FaultException e) {
        // interrupted by the revert, which follows the job itself from here
      }
    });
  }

  void stop() {
    Thread t = background;
    if (t != null) {
      backgroundStopped = true;
      t.interrupt();
      try {
        t.join(FOLLOW_JOIN.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      background = null;
    }
  }

  void pause(Instant deadline) throws FaultException {
    pause(deadline, Duration.ZERO);
  }

  /** Waits a poll interval, but at least {@code atLeast} (an operation's Retry-After). */
  void pause(Instant deadline, Duration atLeast) throws FaultException {
    try {
      ctx.pause(deadline, atLeast);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FaultException(step, calls.planPath(), "interrupted", null, e);
    }
  }

  static String errors(JsonNode job) {
    List<String> out = new ArrayList<>();
    for (JsonNode e : Json.elements(job, "/properties/errors")) {
      out.add(e.path("serviceErrorDetails").path("message").asText(e.toString()));
    }
    return out.isEmpty() ? "" : ": " + String.join("; ", out);
  }

  /** The job's end as the platform reports it: its own endTime, else its last task's. */
  static Optional<Instant> endTime(JsonNode job) {
    return Json.instant(job, "/properties/endTime").or(() ->
        Json.elements(job, "/properties/tasks").stream()
            .map(t -> Json.instant(t, "/endTime")).flatMap(Optional::stream)
            .max(Instant::compareTo));
  }

  static String tail(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
