package dev.gameday.azure.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gameday.azure.arm.ApiVersions;
import dev.gameday.azure.arm.ArmException;
import dev.gameday.azure.arm.ArmRequest;
import dev.gameday.azure.arm.ArmResponse;
import dev.gameday.azure.arm.ArmTransportException;
import dev.gameday.azure.arm.Json;
import dev.gameday.azure.arm.OperationStatus;
import dev.gameday.core.event.EventListener;
import dev.gameday.core.event.TimelineEvent.Action;
import dev.gameday.core.event.TimelineEvent.FaultEffective;
import dev.gameday.core.event.TimelineEvent.FaultFailed;
import dev.gameday.core.event.TimelineEvent.FaultRequested;
import dev.gameday.core.event.TimelineEvent.Level;
import dev.gameday.core.event.TimelineEvent.Note;
import dev.gameday.core.event.TimelineEvent.OperationAccepted;
import dev.gameday.core.event.TimelineEvent.PlatformRestored;
import dev.gameday.core.event.TimelineEvent.RevertFailed;
import dev.gameday.core.event.TimelineEvent.RevertRequested;
import dev.gameday.core.model.FaultAction.AfterFailover;
import dev.gameday.core.model.FaultAction.FailoverType;
import dev.gameday.core.model.FaultAction.SiteRecoveryFailover;
import dev.gameday.core.port.Fault;
import dev.gameday.core.port.FaultException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fails a Site Recovery recovery plan over through the REST API and follows the failover job,
 * reporting each task with the platform's own times. Effective: the failover job is
 * InProgress. Platform restored: the failover job Succeeded (the DR site serves). Revert: {@code
 * testFailoverCleanup} for a test failover (waiting for the cleanup job), {@code
 * failoverCommit} for a planned/unplanned failover with {@code then: commit}, nothing with
 * {@code then: none}.
 */
public final class SiteRecoveryFault implements Fault {
  private final String step;
  private final SiteRecoveryFailover spec;
  private final String runId;
  private final FaultContext ctx;
  private final String vaultPath;
  private final String planPath;
  private final JobFollower jobs;
  /** How long the background follower watches a failover job at most. */
  private static final java.time.Duration FOLLOW_LIMIT = java.time.Duration.ofHours(6);
  private static final java.time.Duration FOLLOW_JOIN = java.time.Duration.ofSeconds(30);

  private String failoverJob;
  private String previousJob;
  private String operationUrl;
  private volatile boolean restoredReported;
  private volatile Thread follower;
  private volatile boolean followerStopped;

  public SiteRecoveryFault(String step, SiteRecoveryFailover spec, String subscription,
      String runId, FaultContext ctx) {
    this.step = step;
    this.spec = spec;
    this.runId = runId;
    this.ctx = ctx;
    this.vaultPath = "/subscriptions/" + subscription + "/resourceGroups/"
        + spec.vaultResourceGroup() + "/providers/Microsoft.RecoveryServices/vaults/"
        + spec.vaultName();
    this.planPath = vaultPath + "/replicationRecoveryPlans/" + spec.recoveryPlan();
    this.jobs = new JobFollower(ctx, step);
  }

  @Override
  public String step() {
    return step;
  }

  @Override
  public List<String> resources() {
    return List.of(planPath);
  }

  /** The recovery-plan action that starts the failover. */
  String action() {
    return switch (spec.type()) {
      case test -> "testFailover";
      case planned -> "plannedFailover";
      case unplanned -> "unplannedFailover";
    };
  }

  /** The follow-up action on revert, if any. */
  Optional<String> revertAction() {
    if (spec.type() == FailoverType.test) {
      return spec.then() == AfterFailover.none ? Optional.empty()
          : Optional.of("testFailoverCleanup");
    }
    return spec.then() == AfterFailover.commit ? Optional.of("failoverCommit") : Optional.empty();
  }

  ObjectNode failoverBody() {
    ObjectNode props = Json.object();
    props.put("failoverDirection", spec.direction().name());
    if (spec.type() == FailoverType.test) {
      props.put("networkType", "VmNetworkAsInput");
      props.put("networkId", spec.testNetwork().orElseThrow());
    }
    if (spec.type() == FailoverType.unplanned) {
      props.put("sourceSiteOperations", "NotRequired");
    }
    ObjectNode a2a = Json.object();
    a2a.put("instanceType", "A2A");
    a2a.put("recoveryPointType", spec.recoveryPoint().name());
    props.set("providerSpecificDetails", Json.array().add(a2a));
    ObjectNode body = Json.object();
    body.set("properties", props);
    return body;
  }

  Optional<ObjectNode> revertBody(String revertAction) {
    if (!revertAction.equals("testFailoverCleanup")) {
      return Optional.empty();
    }
    ObjectNode props = Json.object();
    props.put("comments", "gameday run " + runId + " step " + step);
    ObjectNode body = Json.object();
    body.set("properties", props);
    return Optional.of(body);
  }

  private ArmRequest actionRequest(String actionName, Optional<ObjectNode> body) {
    return ArmRequest.post(planPath + "/" + actionName, ApiVersions.SITE_RECOVERY,
        body.orElse(null));
  }

  @Override
  public List<String> plannedCalls() {
    List<String> calls = new ArrayList<>();
    calls.add(ArmRequest.get(planPath, ApiVersions.SITE_RECOVERY).describe()
        + "  (current scenario: follow one already in progress)");
    calls.add(actionRequest(action(), Optional.of(failoverBody())).describe() + "  "
        + Json.write(failoverBody()));
    calls.add(JobFollower.request(vaultPath + "/replicationJobs/{currentScenario.jobId}")
        .describe() + "  (poll: tasks, until InProgress, then until Succeeded)");
    revertAction().ifPresentOrElse(a -> {
      calls.add(actionRequest(a, revertBody(a)).describe() + "  (revert)"
          + revertBody(a).map(b -> "  " + Json.write(b)).orElse(""));
      calls.add(JobFollower.request(vaultPath + "/replicationJobs/{" + a + " job}").describe()
          + "  (poll until Succeeded)");
    }, () -> calls.add("(revert: nothing; then: none leaves the plan failed over)"));
    return calls;
  }

  /**
   * Whether the plan's current scenario name is the one {@code actionName} starts. Site
   * Recovery names scenarios after the action ({@code TestFailover}); an unplanned failover may
   * show as {@code Failover}, a commit as {@code Commit}, a cleanup as {@code ...Cleanup...}.
   */
  static boolean scenarioMatches(String name, String actionName) {
    String n = name.toLowerCase(java.util.Locale.ROOT);
    return switch (actionName) {
      case "unplannedFailover" -> n.equals("unplannedfailover") || n.equals("failover");
      case "failoverCommit" -> n.contains("commit");
      case "testFailoverCleanup" -> n.contains("cleanup");
      default -> n.equalsIgnoreCase(actionName);
    };
  }

  /** The job of the plan's current scenario, if it is {@code actionName}. */
  private Optional<String> currentJob(JsonNode plan, String actionName) {
    String scenario = Json.text(plan, "/properties/currentScenario/scenarioName").orElse("");
    if (!scenarioMatches(scenario, actionName)) {
      return Optional.empty();
    }
    return Json.text(plan, "/properties/currentScenario/jobId")
        .map(id -> JobFollower.path(vaultPath, id));
  }

  private JsonNode plan() {
    return ctx.arm().send(ArmRequest.get(planPath, ApiVersions.SITE_RECOVERY)).body();
  }

  private Optional<String> runningJob(JsonNode plan, String actionName) {
    Optional<String> job = currentJob(plan, actionName);
    if (job.isPresent()) {
      String state = JobFollower.state(ctx.arm().send(JobFollower.request(job.get())).body());
      if (!JobFollower.terminal(state)) {
        return job;
      }
    }
    return Optional.empty();
  }

  @Override
  public void inject(EventListener events) throws FaultException {
    events.on(new FaultRequested(ctx.stamp(), step, spec.kind(), resources(), spec.type()
        + " failover of recovery plan " + spec.recoveryPlan() + " (" + spec.direction()
        + ", " + spec.recoveryPoint() + ", then " + spec.then() + ")"));
    try {
      JsonNode plan = plan();
      Optional<String> running = runningJob(plan, action());
      if (running.isPresent()) {
        failoverJob = running.get();
        events.on(new Note(ctx.stamp(), Level.INFO, step + ": " + action() + " is already in"
            + " progress on " + spec.recoveryPlan() + " (job " + tail(failoverJob)
            + "); following it instead of starting another"));
        return;
      }
      previousJob = Json.text(plan, "/properties/currentScenario/jobId").orElse(null);
      ArmRequest request = actionRequest(action(), Optional.of(failoverBody()));
      ArmResponse r;
      try {
        r = ctx.arm().send(request);
      } catch (ArmTransportException lost) {
        if (!lost.maybeSent()) {
          throw lost;
        }
        Optional<String> started = runningJob(plan(), action());
        if (started.isPresent()) {
          failoverJob = started.get();
          events.on(new Note(ctx.stamp(), Level.WARN, step + ": the answer to " + action()
              + " was lost; job " + tail(failoverJob) + " shows Azure took it"));
          events.on(new OperationAccepted(ctx.stamp(), step, Action.INJECT, planPath, 0,
              Optional.empty(), Optional.of(tail(failoverJob))));
          return;
        }
        events.on(new Note(ctx.stamp(), Level.WARN, step + ": the answer to " + action()
            + " was lost and the plan shows no such job; sending it again"));
        r = ctx.arm().send(request);
      }
      operationUrl = r.operationUrl().orElse(null);
      events.on(new OperationAccepted(ctx.stamp(), step, Action.INJECT, planPath, r.status(),
          r.correlationId(), r.operationId()));
    } catch (ArmException e) {
      events.on(new FaultFailed(ctx.stamp(), step, planPath, e.getMessage()));
      throw new FaultException(step, planPath, action() + " was not accepted: "
          + e.getMessage(), null, e);
    }
  }

  /** Finds the failover job once (plan's current scenario, a new job id), if not known yet. */
  private void discoverJob() {
    if (failoverJob != null) {
      return;
    }
    Optional<String> job = currentJob(plan(), action());
    if (job.isPresent() && (previousJob == null
        || !tail(job.get()).equalsIgnoreCase(tail(previousJob)))) {
      failoverJob = job.get();
    }
  }

  @Override
  public void awaitEffective(EventListener events, Instant deadline) throws FaultException {
    String last = "no job yet";
    while (true) {
      try {
        discoverJob();
        if (failoverJob == null && operationUrl != null) {
          OperationStatus op = OperationStatus.poll(ctx.arm(), operationUrl);
          if (op.done() && !op.succeeded()) {
            String reason = action() + " operation " + op.status()
                + op.error().map(e -> ": " + e).orElse("");
            events.on(new FaultFailed(ctx.stamp(), step, planPath, reason));
            throw new FaultException(step, planPath, reason);
          }
        }
        if (failoverJob != null) {
          JsonNode job = jobs.poll(ctx.arm(), failoverJob, events);
          String state = JobFollower.state(job);
          if (state.equalsIgnoreCase("InProgress") || state.equalsIgnoreCase("Succeeded")) {
            events.on(new FaultEffective(ctx.stamp(), step, planPath, "failover job "
                + tail(failoverJob) + " " + state + Json.text(job, "/properties/startTime")
                .map(t -> " (started " + t + ")").orElse("")));
            followDuringHold(events);
            return;
          }
          if (JobFollower.terminal(state)) {
            String reason = "failover job " + tail(failoverJob) + " " + state + errors(job);
            events.on(new FaultFailed(ctx.stamp(), step, planPath, reason));
            throw new FaultException(step, planPath, reason);
          }
          last = "job " + state;
        }
      } catch (ArmException e) {
        last = e.getMessage();
      }
      if (ctx.past(deadline)) {
        events.on(new FaultFailed(ctx.stamp(), step, planPath, "failover job not running by "
            + deadline + " (" + last + ")"));
        throw new FaultException(step, planPath, "failover not effective by " + deadline);
      }
      sleep(deadline);
    }
  }

  /**
   * Follows the failover job in the background while the step is held, so that its tasks and
   * its success are journaled when they happen, not when the revert comes. {@link #revert}
   * joins this thread before it touches the plan.
   */
  private void followDuringHold(EventListener events) {
    follower = Thread.ofVirtual().name("gameday-follow-" + step).start(() -> {
      try {
        finishFailover(events, ctx.clock().now().plus(FOLLOW_LIMIT));
      } catch (FaultException e) {
        // interrupted by the revert, which follows the job itself from here
      }
    });
  }

  private void stopFollowing() {
    Thread t = follower;
    if (t != null) {
      followerStopped = true;
      t.interrupt();
      try {
        t.join(FOLLOW_JOIN.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      follower = null;
    }
  }

  /** Follows the failover job to its end and reports the platform restored if it succeeded. */
  private String finishFailover(EventListener events, Instant deadline) throws FaultException {
    String last = "no job";
    while (true) {
      if (followerStopped && Thread.currentThread() == follower) {
        return "handed over to the revert";
      }
      try {
        discoverJob();
        if (failoverJob == null) {
          return "none";
        }
        JsonNode job = jobs.poll(ctx.arm(), failoverJob, events);
        String state = JobFollower.state(job);
        if (JobFollower.terminal(state)) {
          if (state.equalsIgnoreCase("Succeeded") && !restoredReported) {
            restoredReported = true;
            events.on(new PlatformRestored(ctx.stamp(), step, planPath, "failover job "
                + tail(failoverJob) + " Succeeded" + endTime(job).map(t -> " at " + t)
                .orElse("") + "; the DR site is serving"));
          }
          return state + errors(job);
        }
        last = state;
      } catch (ArmException e) {
        last = e.getMessage();
      }
      if (ctx.past(deadline)) {
        return "still " + last + " at " + deadline;
      }
      sleep(deadline);
    }
  }

  @Override
  public void revert(EventListener events, Instant deadline) throws FaultException {
    stopFollowing();
    events.on(new RevertRequested(ctx.stamp(), step, resources()));
    String failover = finishFailover(events, deadline);
    Optional<String> follow = revertAction();
    if (follow.isEmpty()) {
      events.on(new Note(ctx.stamp(), Level.WARN, step + ": then: " + spec.then()
          + " - the recovery plan stays failed over (failover job " + failover + ")"));
      return;
    }
    String a = follow.get();
    ArmException last = null;
    String followJob = null;
    String followOp = null;
    boolean sent = false;
    while (followJob == null) {
      try {
        JsonNode plan = plan();
        Optional<String> current = currentJob(plan, a);
        if (current.isPresent()) {
          String state = JobFollower.state(ctx.arm().send(JobFollower.request(current.get()))
              .body());
          if (sent || !JobFollower.terminal(state)) {
            followJob = current.get();
            break;
          }
          if (state.equalsIgnoreCase("Succeeded")) {
            events.on(new Note(ctx.stamp(), Level.INFO, step + ": " + a + " already done on "
                + spec.recoveryPlan() + " (job " + tail(current.get()) + ")"));
            return;
          }
        }
        if (sent) {
          if (followOp != null && OperationStatus.poll(ctx.arm(), followOp).succeeded()) {
            events.on(new Note(ctx.stamp(), Level.WARN, step + ": " + a + " operation"
                + " Succeeded but the plan shows no " + a + " job"));
            return;
          }
        } else if (!allowed(plan, a)) {
          events.on(new Note(ctx.stamp(), Level.INFO, step + ": " + a + " is not allowed on "
              + spec.recoveryPlan() + " now; nothing left to undo"));
          return;
        } else {
          ArmResponse r = ctx.arm().send(actionRequest(a, revertBody(a)));
          sent = true;
          followOp = r.operationUrl().orElse(null);
          events.on(new OperationAccepted(ctx.stamp(), step, Action.REVERT, planPath, r.status(),
              r.correlationId(), r.operationId()));
        }
      } catch (ArmException e) {
        last = e;
      }
      if (ctx.past(deadline)) {
        failRevert(events, a, (sent ? "no " + a + " job by " : a + " not accepted by ")
            + deadline, last);
      }
      sleep(deadline);
    }
    while (true) {
      try {
        JsonNode job = jobs.poll(ctx.arm(), followJob, events);
        String state = JobFollower.state(job);
        if (state.equalsIgnoreCase("Succeeded")) {
          return;
        }
        if (JobFollower.terminal(state)) {
          failRevert(events, a, a + " job " + tail(followJob) + " " + state + errors(job), null);
        }
      } catch (ArmException e) {
        last = e;
      }
      if (ctx.past(deadline)) {
        failRevert(events, a, a + " job " + tail(followJob) + " not done by " + deadline, last);
      }
      sleep(deadline);
    }
  }

  private static boolean allowed(JsonNode plan, String actionName) {
    List<JsonNode> ops = Json.elements(plan, "/properties/allowedOperations");
    if (ops.isEmpty()) {
      return true;
    }
    return ops.stream().anyMatch(o -> o.asText().equalsIgnoreCase(actionName));
  }

  private void failRevert(EventListener events, String actionName, String reason,
      Exception cause) throws FaultException {
    String cmd = command(actionName);
    events.on(new RevertFailed(ctx.stamp(), step, planPath, reason, cmd));
    throw new FaultException(step, planPath, "revert incomplete: " + reason, cmd, cause);
  }

  @Override
  public void awaitRestored(EventListener events, Instant deadline) throws FaultException {
    stopFollowing();
    if (restoredReported) {
      return;
    }
    String end = finishFailover(events, deadline);
    if (!restoredReported) {
      events.on(new Note(ctx.stamp(), Level.ERROR, step + ": failover job " + end));
      throw new FaultException(step, planPath, "failover job did not succeed: " + end);
    }
  }

  private String command(String actionName) {
    return AzCommands.restPost(ctx.armUrl(), actionRequest(actionName, Optional.empty())
        .pathAndQuery(), revertBody(actionName).map(Json::write).orElse(null));
  }

  @Override
  public String manualRevertCommand() {
    return revertAction().map(this::command).orElse(
        "# nothing to revert: then: none leaves recovery plan " + spec.recoveryPlan()
            + " failed over");
  }

  private static String errors(JsonNode job) {
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

  private static String tail(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private void sleep(Instant deadline) throws FaultException {
    try {
      ctx.pause(deadline);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FaultException(step, planPath, "interrupted", manualRevertCommand(), e);
    }
  }
}
