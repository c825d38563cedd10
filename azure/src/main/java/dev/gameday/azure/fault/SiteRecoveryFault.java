package dev.gameday.azure.fault;

import com.fasterxml.jackson.databind.JsonNode;
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
 * nothing with {@code then: none}; only a failover this step started is reverted.
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
  private String operationUrl;

  public SiteRecoveryFault(String step, SiteRecoveryFailover spec, String subscription,
      String runId, FaultContext ctx) {
    this.step = step;
    this.spec = spec;
    this.ctx = ctx;
    this.calls = new RecoveryPlanCalls(spec, subscription, step, runId, ctx);
    this.failover = new FailoverFollower(step, ctx, calls);
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
    try {
      JsonNode plan = calls.plan();
      List<String> allowed = RecoveryPlanAction.allowedOperations(plan);
      if (!allowed.isEmpty() && !action.allowedOn(plan)) {
        refuse(events, action.allowedName() + " is not allowed on recovery plan "
            + spec.recoveryPlan() + " now (" + RecoveryPlanAction.describe(plan) + "); Gameday"
            + " leaves the plan as it is", null);
      }
      Optional<String> previous = RecoveryPlanCalls.currentJobId(plan);
      events.on(calls.facts(ctx.stamp(), Optional.empty()));
      ArmRequest request = calls.request(action);
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
              Optional.empty(), Optional.of(FailoverFollower.tail(started.get()))));
          return;
        }
        events.on(new Note(ctx.stamp(), Level.WARN, step + ": the answer to " + action.path()
            + " was lost and the plan shows no new job; sending it again"));
        r = ctx.arm().send(request);
      }
      failover.accepted(previous);
      operationUrl = r.operationUrl().orElse(null);
      events.on(new OperationAccepted(ctx.stamp(), step, Action.INJECT, planPath(), r.status(),
          r.correlationId(), r.operationId()));
    } catch (ArmException e) {
      refuse(events, action.path() + " was not accepted: " + e.getMessage(), e);
    }
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

  @Override
  public void revert(EventListener events, Instant deadline) throws FaultException {
    failover.stop();
    events.on(new RevertRequested(ctx.stamp(), step, resources()));
    if (!ownsFailover(events)) {
      return;
    }
    String failed = restore.awaitFailover(events, deadline);
    Optional<RecoveryPlanAction> action = calls.revertAction();
    if (action.isEmpty()) {
      events.on(new Note(ctx.stamp(), Level.WARN, step + ": then: " + spec.then()
          + " - the recovery plan stays failed over (failover job " + failed + ")"));
      return;
    }
    restore.run(events, action.get(), deadline);
  }

  /** Whether there is a failover of this step to end; says why not when there is none. */
  private boolean ownsFailover(EventListener events) throws FaultException {
    return switch (failover.origin()) {
      case ACCEPTED -> true;
      case REFUSED -> {
        events.on(new Note(ctx.stamp(), Level.INFO, step + ": Azure did not accept a failover"
            + " from this step, so there is nothing of it to undo; the recovery plan is left as"
            + " it is"));
        yield false;
      }
      case NOT_SENT -> adoptForRollback(events);
    };
  }

  /** Revert without inject: the plan's failover of this kind, or its revert under way, is ours. */
  private boolean adoptForRollback(EventListener events) throws FaultException {
    JsonNode plan;
    try {
      plan = calls.plan();
    } catch (ArmException e) {
      throw new FaultException(step, planPath(), "cannot read the recovery plan: "
          + e.getMessage(), manualRevertCommand(), e);
    }
    if (failover.adoptCurrent(plan, events)) {
      return true;
    }
    boolean revertUnderWay = calls.revertAction().map(a -> a.isCurrentOn(plan)).orElse(false);
    if (!revertUnderWay) {
      events.on(new Note(ctx.stamp(), Level.INFO, step + ": the recovery plan shows no "
          + calls.failoverAction().scenario() + " to undo (" + RecoveryPlanAction.describe(plan)
          + ")"));
    }
    return revertUnderWay;
  }

  @Override
  public void awaitRestored(EventListener events, Instant deadline) throws FaultException {
    failover.stop();
    if (failover.restoredReported() || failover.origin() != FailoverFollower.Origin.ACCEPTED) {
      return;
    }
    String end = failover.finish(events, deadline, false);
    if (!failover.restoredReported()) {
      events.on(new Note(ctx.stamp(), Level.ERROR, step + ": failover job " + end));
      throw new FaultException(step, planPath(), "failover job did not succeed: " + end);
    }
  }

  @Override
  public String manualRevertCommand() {
    return calls.revertAction().map(calls::command).orElse(
        "# nothing to revert: then: none leaves recovery plan " + spec.recoveryPlan()
            + " failed over");
  }
}
