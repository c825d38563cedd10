package dev.gameday.azure.fault;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.azure.arm.ArmException;
import dev.gameday.azure.arm.ArmHttpException;
import dev.gameday.azure.arm.ArmRequest;
import dev.gameday.azure.arm.ArmResponse;
import dev.gameday.azure.arm.ArmTransportException;
import dev.gameday.azure.arm.Json;
import dev.gameday.azure.arm.OperationStatus;
import dev.gameday.core.event.EventListener;
import dev.gameday.core.event.TimelineEvent.Action;
import dev.gameday.core.event.TimelineEvent.ChangeRecorded;
import dev.gameday.core.event.TimelineEvent.FaultEffective;
import dev.gameday.core.event.TimelineEvent.FaultFailed;
import dev.gameday.core.event.TimelineEvent.FaultRequested;
import dev.gameday.core.event.TimelineEvent.Level;
import dev.gameday.core.event.TimelineEvent.Note;
import dev.gameday.core.event.TimelineEvent.OperationAccepted;
import dev.gameday.core.event.TimelineEvent.RevertRequested;
import dev.gameday.core.event.TimelineEvent.SiteRecoveryJobRole;
import dev.gameday.core.model.FaultAction.SiteRecoveryFailover;
import dev.gameday.core.port.Fault;
import dev.gameday.core.port.FaultException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Fails a Site Recovery recovery plan over through the REST API and follows the failover job,
 * reporting each task with the platform's own times. Effective: the failover job is
 * InProgress (or Suspended, waiting for someone, or already Succeeded). Platform restored: the
 * failover job Succeeded (the DR site serves). Revert: {@code testFailoverCleanup} for a test
 * failover, {@code failoverCommit} for a planned/unplanned failover with {@code then: commit},
 * nothing with {@code then: none}. Before the failover is sent its facts are journaled
 * ({@link FailoverRecord}); the revert, live or in a rollback, ends only a failover so recorded.
 *
 * <p>The requests are in {@link RecoveryPlanCalls}, following the failover job in
 * {@link FailoverFollower}, the revert in {@link FailoverRevert}.
 */
public final class SiteRecoveryFault implements Fault {
  private final String step;
  private final SiteRecoveryFailover spec;
  private final FaultContext ctx;
  private final RecoveryPlanCalls calls;
  private final FailoverFollower failover;
  private final FailoverRevert restore;
  private final FailoverRecord record;
  private String operationUrl;

  public SiteRecoveryFault(String step, SiteRecoveryFailover spec, String subscription,
      String runId, FaultContext ctx) {
    this.step = step;
    this.spec = spec;
    this.ctx = ctx;
    this.calls = new RecoveryPlanCalls(spec, subscription, step, runId, ctx);
    this.record = new FailoverRecord(step, ctx, calls);
    this.failover = new FailoverFollower(step, ctx, calls, record);
    this.restore = new FailoverRevert(step, ctx, calls, failover);
  }

  @Override
  public String step() {
    return step;
  }

  @Override
  public List<String> resources() {
    return List.of(calls.planPath());
  }

  @Override
  public List<String> plannedCalls() {
    return calls.plannedCalls();
  }

  private String planPath() {
    return calls.planPath();
  }

  @Override
  public void inject(EventListener events) throws FaultException {
    RecoveryPlanAction action = calls.failoverAction();
    events.on(new FaultRequested(ctx.stamp(), step, spec.kind(), resources(), spec.type()
        + " failover of recovery plan " + spec.recoveryPlan() + " (" + spec.direction()
        + ", " + spec.recoveryPoint() + ", then " + spec.then() + ")"));
    ArmRequest request = calls.request(action);
    try {
      JsonNode plan = calls.plan();
      List<String> allowed = RecoveryPlanAction.allowedOperations(plan);
      if (!allowed.isEmpty() && !action.allowedOn(plan)) {
        refuse(events, action.allowedName() + " is not allowed on recovery plan "
            + spec.recoveryPlan() + " now (" + RecoveryPlanAction.describe(plan) + "); Gameday"
            + " leaves the plan as it is", null);
      }
      // Read before the record: time to effect starts at the change's record, and these reads
      // are Gameday's own time, not Azure's.
      ReplicationRpo.journal(ctx, step, plan, events);
      Optional<String> previous = RecoveryPlanCalls.currentJobId(plan);
      record.beforeFailover(events, plan);
      Instant sent = ctx.clock().now();
      ArmResponse r;
      try {
        r = ctx.arm().send(request);
      } catch (ArmTransportException lost) {
        if (!lost.maybeSent()) {
          throw lost;
        }
        Optional<String> started = newJob(calls.plan(), action, previous);
        if (started.isPresent()) {
          failover.acceptedAs(started.get(), events);
          events.on(new Note(ctx.stamp(), Level.WARN, step + ": the answer to " + action.path()
              + " was lost; job " + FailoverFollower.tail(started.get()) + " shows Azure took it"));
          events.on(new OperationAccepted(ctx.stamp(), step, Action.INJECT, planPath(), 0,
              Optional.empty(), Optional.of(FailoverFollower.tail(started.get())), Optional.of(sent)));
          return;
        }
        events.on(new Note(ctx.stamp(), Level.WARN, step + ": the answer to " + action.path()
            + " was lost and the plan shows no new job; sending it again"));
        r = ctx.arm().send(request);
      }
      failover.accepted(previous);
      operationUrl = r.operationUrl().orElse(null);
      events.on(new OperationAccepted(ctx.stamp(), step, Action.INJECT, planPath(), r.status(),
          r.correlationId(), r.operationId(), Optional.of(sent)));
    } catch (ArmException e) {
      if (refusedByAzure(e, request)) {
        record.confirm(events, "never made: Azure refused " + action.path() + " ("
            + e.getMessage() + ")");
      }
      refuse(events, action.path() + " was not accepted: " + e.getMessage(), e);
    }
  }

  /**
   * Whether Azure answered the failover request itself with a 4xx: it did not take it. Any other
   * failure (a 5xx, no answer, an interrupt) leaves open whether it did, and the revert looks.
   */
  private static boolean refusedByAzure(ArmException e, ArmRequest request) {
    return e instanceof ArmHttpException h && h.status() >= 400 && h.status() < 500
        && h.request().equals(request.describe());
  }

  /** The plan's job for {@code action} if it is a new one (not {@code previous}) still running. */
  private Optional<String> newJob(JsonNode plan, RecoveryPlanAction action,
      Optional<String> previous) {
    return calls.currentJob(plan, action)
        .filter(j -> previous.map(p -> !FailoverFollower.tail(p)
            .equalsIgnoreCase(FailoverFollower.tail(j))).orElse(true));
  }

  private void refuse(EventListener events, String reason, Exception cause)
      throws FaultException {
    failover.refused();
    events.on(new FaultFailed(ctx.stamp(), step, planPath(), reason));
    throw new FaultException(step, planPath(), reason, null, cause);
  }

  @Override
  public void awaitEffective(EventListener events, Instant deadline) throws FaultException {
    String last = "no job yet";
    while (true) {
      Duration retryAfter = Duration.ZERO;
      try {
        Optional<String> job = failover.discover(events);
        if (job.isEmpty() && operationUrl != null) {
          OperationStatus op = OperationStatus.poll(ctx.arm(), operationUrl);
          retryAfter = op.retryAfter().orElse(Duration.ZERO);
          if (op.done() && !op.succeeded()) {
            String reason = calls.failoverAction().path() + " operation " + op.status()
                + op.error().map(e -> ": " + e).orElse("");
            events.on(new FaultFailed(ctx.stamp(), step, planPath(), reason));
            throw new FaultException(step, planPath(), reason);
          }
        }
        if (job.isPresent()) {
          JsonNode body = failover.poll(job.get(), events, SiteRecoveryJobRole.FAILOVER);
          String state = JobFollower.state(body);
          if (state.equalsIgnoreCase("InProgress") || state.equalsIgnoreCase("Succeeded")
              || JobFollower.suspended(state)) {
            events.on(new FaultEffective(ctx.stamp(), step, planPath(), "failover job "
                + FailoverFollower.tail(job.get()) + " " + state
                + (JobFollower.suspended(state) ? " at task '"
                    + FailoverFollower.pendingTask(body) + "'" : "")
                + Json.text(body, "/properties/startTime").map(t -> " (started " + t + ")")
                    .orElse("")));
            failover.followInBackground(events);
            return;
          }
          if (JobFollower.terminal(state)) {
            String reason = "failover job " + FailoverFollower.tail(job.get()) + " " + state
                + FailoverFollower.errors(body);
            events.on(new FaultFailed(ctx.stamp(), step, planPath(), reason));
            throw new FaultException(step, planPath(), reason);
          }
          last = "job " + state;
        }
      } catch (ArmException e) {
        last = e.getMessage();
      }
      if (ctx.past(deadline)) {
        events.on(new FaultFailed(ctx.stamp(), step, planPath(), "failover job not running by "
            + deadline + " (" + last + ")"));
        throw new FaultException(step, planPath(), "failover not effective by " + deadline);
      }
      failover.pause(deadline, retryAfter);
    }
  }

  /**
   * Ends this step's failover as its record says: only a failover the step recorded before
   * sending it, and whose end is not confirmed yet, is the step's to end; its job is the recorded
   * one, or the plan's failover job that is not the plan's job from before the record. The end is
   * confirmed ({@code change.restored}) once the cleanup or commit job succeeded, or once the plan
   * shows the failover never happened.
   */
  @Override
  public void revert(EventListener events, Instant deadline) throws FaultException {
    failover.stop();
    events.on(new RevertRequested(ctx.stamp(), step, resources()));
    if (!record.isOpen()) {
      leftAsItIs(events, deadline);
      return;
    }
    RecoveryPlanAction action = calls.revertAction().orElseThrow();
    JsonNode plan;
    try {
      plan = calls.plan();
    } catch (ArmException e) {
      throw new FaultException(step, planPath(), "cannot read the recovery plan: "
          + e.getMessage(), manualRevertCommand(), e);
    }
    Optional<String> job = failover.job()
        .or(() -> record.job().map(j -> JobFollower.path(calls.vaultPath(), j)))
        .or(() -> calls.currentJob(plan, calls.failoverAction()).filter(j -> !record.isPrevious(j)));
    if (job.isPresent()) {
      failover.acceptedAs(job.get(), events);
      restore.awaitFailover(events, deadline);
      record.confirm(events, restore.run(events, action, deadline));
      return;
    }
    boolean revertUnderWay = calls.currentJob(plan, action).filter(j -> !record.isPrevious(j))
        .isPresent();
    if (revertUnderWay) {
      record.confirm(events, restore.run(events, action, deadline));
      return;
    }
    String evidence = "never made: the recovery plan shows no " + calls.failoverAction()
        .scenario() + " since the record (" + RecoveryPlanAction.describe(plan) + ")";
    events.on(new Note(ctx.stamp(), Level.INFO, step + ": " + evidence + "; nothing to undo"));
    record.confirm(events, evidence);
  }

  /** No failover of this step to end: {@code then: none}, refused, or already ended. */
  private void leftAsItIs(EventListener events, Instant deadline) throws FaultException {
    if (calls.revertAction().isEmpty() && failover.origin() == FailoverFollower.Origin.ACCEPTED) {
      String failed = restore.awaitFailover(events, deadline);
      events.on(new Note(ctx.stamp(), Level.WARN, step + ": then: " + spec.then()
          + " - the recovery plan stays failed over (failover job " + failed + ")"));
      return;
    }
    events.on(new Note(ctx.stamp(), Level.INFO, step + ": no failover of this step is left to"
        + " end (Azure did not accept one, or its end is confirmed); the recovery plan is left as"
        + " it is"));
  }

  @Override
  public void awaitRestored(EventListener events, Instant deadline) throws FaultException {
    failover.stop();
    if (failover.restoredReported() || failover.origin() != FailoverFollower.Origin.ACCEPTED
        || failover.endedUnsuccessfully()) {
      return;
    }
    String end = failover.finish(events, deadline, false);
    if (!failover.restoredReported()) {
      events.on(new Note(ctx.stamp(), Level.ERROR, step + ": failover job " + end));
      throw new FaultException(step, planPath(), "failover job did not succeed: " + end);
    }
  }

  @Override
  public boolean recordsChanges() {
    return true;
  }

  @Override
  public void restoreFrom(List<ChangeRecorded> changes) {
    record.restoreFrom(changes);
  }

  @Override
  public String manualRevertCommand() {
    return calls.revertAction().map(calls::command).orElse(
        "# nothing to revert: then: none leaves recovery plan " + spec.recoveryPlan()
            + " failed over");
  }
}
