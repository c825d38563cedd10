package dev.gameday.azure.fault;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.azure.arm.ArmException;
import dev.gameday.azure.arm.ArmResponse;
import dev.gameday.azure.arm.OperationStatus;
import dev.gameday.core.event.EventListener;
import dev.gameday.core.event.TimelineEvent.Action;
import dev.gameday.core.event.TimelineEvent.Level;
import dev.gameday.core.event.TimelineEvent.Note;
import dev.gameday.core.event.TimelineEvent.OperationAccepted;
import dev.gameday.core.event.TimelineEvent.RevertFailed;
import dev.gameday.core.event.TimelineEvent.SiteRecoveryJobRole;
import dev.gameday.core.port.FaultException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Ends a failover this step started: the test failover's cleanup or the failover's commit. It
 * waits for the failover job for at most half of the time left (a job that waits for someone is
 * not waited for at all), then sends the action as soon as the plan's {@code allowedOperations}
 * lists it, and follows its job. The revert is done only when that job {@code Succeeded}. When the
 * plan does not allow the action and is not already in its scenario, the revert fails at once with
 * the command to finish it by hand.
 */
final class FailoverRevert {
  private final String step;
  private final FaultContext ctx;
  private final RecoveryPlanCalls calls;
  private final FailoverFollower failover;

  FailoverRevert(String step, FaultContext ctx, RecoveryPlanCalls calls, FailoverFollower failover) {
    this.step = step;
    this.ctx = ctx;
    this.calls = calls;
    this.failover = failover;
  }

  /** Waits for the failover job, capped to half of the time to {@code deadline}. */
  String awaitFailover(EventListener events, Instant deadline) throws FaultException {
    Duration left = Duration.between(ctx.clock().now(), deadline);
    Instant cap = ctx.clock().now().plus(left.isNegative() ? Duration.ZERO : left.dividedBy(2));
    return failover.finish(events, cap, true);
  }

  /**
   * Sends {@code action} once the plan allows it and follows its job to {@code Succeeded};
   * returns the evidence that the failover is ended (or that nothing failed over).
   */
  String run(EventListener events, RecoveryPlanAction action, Instant deadline)
      throws FaultException {
    Exception last = null;
    String job = null;
    String operation = null;
    while (job == null) {
      Duration retryAfter = Duration.ZERO;
      try {
        JsonNode plan = calls.plan();
        Optional<String> current = calls.currentJob(plan, action);
        if (current.isPresent() && operation != null) {
          job = current.get();
          break;
        }
        if (operation != null) {
          OperationStatus op = OperationStatus.poll(ctx.arm(), operation);
          retryAfter = op.retryAfter().orElse(Duration.ZERO);
          if (op.done() && !op.succeeded()) {
            fail(events, action, action.path() + " operation " + op.status()
                + op.error().map(e -> ": " + e).orElse(""), null);
          }
        } else if (current.isPresent() && !JobFollower.terminal(stateOf(current.get()))) {
          job = current.get();
          break;
        } else if (action.allowedOn(plan)) {
          Instant sent = ctx.clock().now();
          ArmResponse r = calls.send(action);
          operation = r.operationUrl().orElse("");
          events.on(new OperationAccepted(ctx.stamp(), step, Action.REVERT, calls.planPath(),
              r.status(), r.correlationId(), r.operationId(), Optional.of(sent)));
          if (operation.isEmpty()) {
            operation = null;
            Optional<String> started = calls.currentJob(calls.plan(), action);
            if (started.isPresent()) {
              job = started.get();
              break;
            }
          }
        } else if (current.isPresent() && JobFollower.state(failover.poll(current.get(), events,
            SiteRecoveryJobRole.REVERT)).equalsIgnoreCase("Succeeded")) {
          String done = action.scenario() + " already done on the recovery plan (job "
              + FailoverFollower.tail(current.get()) + ")";
          events.on(new Note(ctx.stamp(), Level.INFO, step + ": " + done));
          return done;
        } else {
          String failover = failoverState();
          if (JobFollower.terminal(failover) && !failover.equalsIgnoreCase("Succeeded")) {
            String nothing = "failover job " + failover.toLowerCase(java.util.Locale.ROOT)
                + ": nothing failed over, nothing to undo (" + RecoveryPlanAction.describe(plan)
                + ")";
            events.on(new Note(ctx.stamp(), Level.INFO, step + ": " + nothing));
            return nothing;
          }
          if (!JobFollower.running(failover)) {
            fail(events, action, action.allowedName() + " is not allowed on the recovery plan and"
                + " it is not in the " + action.scenario() + " scenario: " + RecoveryPlanAction
                .describe(plan), null);
          }
        }
      } catch (ArmException e) {
        last = e;
      }
      if (ctx.past(deadline)) {
        fail(events, action, (operation != null ? "no " + action.scenario() + " job by "
            : action.path() + " not accepted by ") + deadline, last);
      }
      failover.pause(deadline, retryAfter);
    }
    return follow(events, action, job, deadline);
  }

  private String follow(EventListener events, RecoveryPlanAction action, String job,
      Instant deadline) throws FaultException {
    Exception last = null;
    while (true) {
      try {
        JsonNode body = failover.poll(job, events, SiteRecoveryJobRole.REVERT);
        String state = JobFollower.state(body);
        if (state.equalsIgnoreCase("Succeeded")) {
          return action.scenario() + " job " + FailoverFollower.tail(job) + " Succeeded"
              + FailoverFollower.endTime(body).map(t -> " at " + t).orElse("");
        }
        if (JobFollower.terminal(state)) {
          fail(events, action, action.scenario() + " job " + FailoverFollower.tail(job) + " "
              + state + FailoverFollower.errors(body), null);
        }
      } catch (ArmException e) {
        last = e;
      }
      if (ctx.past(deadline)) {
        fail(events, action, action.scenario() + " job " + FailoverFollower.tail(job)
            + " not done by " + deadline, last);
      }
      failover.pause(deadline);
    }
  }

  private String stateOf(String job) {
    return JobFollower.state(ctx.arm().send(JobFollower.request(job)).body());
  }

  /** The failover job's state now ({@code ""} when there is no job). */
  private String failoverState() {
    return failover.job().map(this::stateOf).orElse("");
  }

  private void fail(EventListener events, RecoveryPlanAction action, String reason,
      Exception cause) throws FaultException {
    String cmd = calls.command(action);
    events.on(new RevertFailed(ctx.stamp(), step, calls.planPath(), reason, cmd));
    throw new FaultException(step, calls.planPath(), "revert incomplete: " + reason, cmd, cause);
  }
}
