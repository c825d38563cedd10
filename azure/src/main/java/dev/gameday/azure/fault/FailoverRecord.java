package dev.gameday.azure.fault;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.core.event.EventListener;
import dev.gameday.core.event.TimelineEvent.ChangeRecorded;
import dev.gameday.core.event.TimelineEvent.ChangeRestored;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The facts a Site Recovery step journals before it fails a recovery plan over, and from which its
 * revert (live or in a rollback) decides what is its own to end: one {@code change.recorded}
 * ({@code change: failover}, {@code before: none}) on the plan, with the failover action and
 * direction, the revert action, and the plan's job before the request ({@code previousJob}); once
 * Azure shows the failover's job, the same change again with its {@code job}. The change is
 * confirmed undone ({@code change.restored}) when the cleanup or commit job succeeded, or when the
 * failover never happened (refused, or the plan shows no job after {@code previousJob}).
 *
 * <p>With {@code then: none} nothing is recorded: the step leaves the plan failed over on purpose,
 * so there is nothing for a revert or a rollback to end.
 */
final class FailoverRecord {
  static final String CHANGE = "failover";

  private final String step;
  private final FaultContext ctx;
  private final RecoveryPlanCalls calls;
  /** The failover's record, for as long as its revert is not confirmed. */
  private volatile ChangeRecorded open;

  FailoverRecord(String step, FaultContext ctx, RecoveryPlanCalls calls) {
    this.step = step;
    this.ctx = ctx;
    this.calls = calls;
  }

  /** Journals which failover this step is about to send, before it is sent. */
  void beforeFailover(EventListener events, JsonNode plan) {
    calls.revertAction().ifPresent(revert -> {
      Map<String, String> facts = new LinkedHashMap<>();
      facts.put("action", calls.failoverAction().path());
      facts.put("direction", calls.direction());
      facts.put("revert", revert.path());
      RecoveryPlanCalls.currentJobId(plan).map(FailoverFollower::tail)
          .ifPresent(j -> facts.put("previousJob", j));
      record(events, facts);
    });
  }

  /** Journals the failover's job once Azure shows it (the same change, with its {@code job}). */
  void jobStarted(EventListener events, String jobPath) {
    ChangeRecorded c = open;
    String job = FailoverFollower.tail(jobPath);
    if (c != null && !job.equalsIgnoreCase(c.facts().getOrDefault("job", ""))) {
      Map<String, String> facts = new LinkedHashMap<>(c.facts());
      facts.put("job", job);
      record(events, facts);
    }
  }

  private void record(EventListener events, Map<String, String> facts) {
    ChangeRecorded c = new ChangeRecorded(ctx.stamp(), step, calls.planPath(), CHANGE, "none",
        facts);
    events.on(c);
    open = c;
  }

  /** For a rollback: the step's failover record whose revert the journal does not confirm. */
  void restoreFrom(List<ChangeRecorded> changes) {
    open = null;
    for (ChangeRecorded c : changes) {
      if (c.change().equals(CHANGE) && c.resource().equalsIgnoreCase(calls.planPath())) {
        open = c;
      }
    }
  }

  /** Whether a failover of this step may still be up (recorded, its end not confirmed). */
  boolean isOpen() {
    return open != null;
  }

  /** The failover's job (its name), once recorded. */
  Optional<String> job() {
    return Optional.ofNullable(open).map(c -> c.facts().get("job"));
  }

  /** Whether {@code jobPath} is the plan's job from before the failover was sent. */
  boolean isPrevious(String jobPath) {
    ChangeRecorded c = open;
    return c != null && FailoverFollower.tail(jobPath).equalsIgnoreCase(
        c.facts().getOrDefault("previousJob", ""));
  }

  /** Journals that the failover is ended (or never happened), once. */
  void confirm(EventListener events, String evidence) {
    ChangeRecorded c = open;
    if (c != null) {
      open = null;
      events.on(new ChangeRestored(ctx.stamp(), step, c.resource(), CHANGE, evidence));
    }
  }
}
