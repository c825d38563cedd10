package dev.gameday.core.event;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.gameday.core.model.Audit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything that happens in a run, as one closed family. The journal is a sequence of these;
 * reports read only the journal. The {@code type} names are part of the journal format: never
 * rename one, add new ones instead (and bump {@link dev.gameday.core.journal.JournalFormat}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = TimelineEvent.RunStarted.class, name = "run.started"),
  @JsonSubTypes.Type(value = TimelineEvent.PlanRecorded.class, name = "run.plan"),
  @JsonSubTypes.Type(value = TimelineEvent.TargetsResolved.class, name = "targets.resolved"),
  @JsonSubTypes.Type(value = TimelineEvent.PhaseStarted.class, name = "phase.started"),
  @JsonSubTypes.Type(value = TimelineEvent.Note.class, name = "note"),
  @JsonSubTypes.Type(value = TimelineEvent.FaultRequested.class, name = "fault.requested"),
  @JsonSubTypes.Type(value = TimelineEvent.OperationAccepted.class, name = "operation.accepted"),
  @JsonSubTypes.Type(value = TimelineEvent.FaultEffective.class, name = "fault.effective"),
  @JsonSubTypes.Type(value = TimelineEvent.FaultFailed.class, name = "fault.failed"),
  @JsonSubTypes.Type(value = TimelineEvent.RevertRequested.class, name = "revert.requested"),
  @JsonSubTypes.Type(value = TimelineEvent.PlatformRestored.class, name = "platform.restored"),
  @JsonSubTypes.Type(value = TimelineEvent.RevertFailed.class, name = "revert.failed"),
  @JsonSubTypes.Type(value = TimelineEvent.PlatformTask.class, name = "platform.task"),
  @JsonSubTypes.Type(value = TimelineEvent.ResourceHealthChanged.class, name = "platform.health"),
  @JsonSubTypes.Type(value = TimelineEvent.SiteRecoveryFailoverFacts.class,
      name = "siterecovery.failover"),
  @JsonSubTypes.Type(value = TimelineEvent.SiteRecoveryJobChanged.class, name = "siterecovery.job"),
  @JsonSubTypes.Type(value = TimelineEvent.SiteRecoveryRecoveryPoint.class,
      name = "siterecovery.recoveryPoint"),
  @JsonSubTypes.Type(value = TimelineEvent.SiteRecoveryReplicationRpo.class,
      name = "siterecovery.replicationRpo"),
  @JsonSubTypes.Type(value = TimelineEvent.ProbeSample.class, name = "probe.sample"),
  @JsonSubTypes.Type(value = TimelineEvent.SteadyStateChanged.class, name = "steady.changed"),
  @JsonSubTypes.Type(value = TimelineEvent.StopConditionMet.class, name = "stop.condition"),
  @JsonSubTypes.Type(value = TimelineEvent.ApplicationRecovered.class, name = "app.recovered"),
  @JsonSubTypes.Type(value = TimelineEvent.AbortRequested.class, name = "abort.requested"),
  @JsonSubTypes.Type(value = TimelineEvent.RunFinished.class, name = "run.finished"),
  @JsonSubTypes.Type(value = TimelineEvent.ChangeRecorded.class, name = "change.recorded"),
  @JsonSubTypes.Type(value = TimelineEvent.ChangeRestored.class, name = "change.restored"),
  @JsonSubTypes.Type(value = TimelineEvent.WarmUpEnded.class, name = "probes.warmup"),
})
public sealed interface TimelineEvent {

  Stamp at();

  /** Which timeline the event belongs to. */
  Lane lane();

  // ---- runner lane ---------------------------------------------------------------------------

  /**
   * The first event of every journal. {@code experimentYaml} is the experiment as loaded, with
   * secret values redacted; {@code operator} names who ran it (never a token).
   */
  record RunStarted(Stamp at, String runId, String experimentName, String title,
      String experimentFile, String experimentSha256, String experimentYaml, String toolVersion,
      Map<String, String> operator, Optional<String> ignoreWindowReason, Optional<Audit> audit)
      implements TimelineEvent {
    /** A run start without {@code audit:} metadata. */
    public RunStarted(Stamp at, String runId, String experimentName, String title,
        String experimentFile, String experimentSha256, String experimentYaml, String toolVersion,
        Map<String, String> operator, Optional<String> ignoreWindowReason) {
      this(at, runId, experimentName, title, experimentFile, experimentSha256, experimentYaml,
          toolVersion, operator, ignoreWindowReason, Optional.empty());
    }

    public Lane lane() {
      return Lane.RUNNER;
    }
  }

  /** What the run will do, so a report needs nothing but the journal. */
  record PlanRecorded(Stamp at, List<PlannedStep> steps, List<String> probes,
      Optional<Duration> rto, Optional<Duration> maxApplicationGap, Optional<Double> maxErrorRatio,
      Optional<Duration> maxTimeToEffect, Optional<Duration> rpo, Duration baseline)
      implements TimelineEvent {
    public Lane lane() {
      return Lane.RUNNER;
    }
  }

  /** One step as planned: its name, fault kind, hold, the target it names and its description. */
  record PlannedStep(String name, String kind, Duration hold, Optional<String> target,
      String description) {}

  /** Targets resolved to resource IDs, journaled before anything is written to Azure. */
  record TargetsResolved(Stamp at, Map<String, List<String>> targets) implements TimelineEvent {
    public Lane lane() {
      return Lane.RUNNER;
    }
  }

  /** A run phase begins; {@code step} names the fault step for per-step phases. */
  record PhaseStarted(Stamp at, Phase phase, Optional<String> step) implements TimelineEvent {
    public Lane lane() {
      return Lane.RUNNER;
    }
  }

  /** Something worth a line in the journal and the console that no other event carries. */
  record Note(Stamp at, Level level, String message) implements TimelineEvent {
    public Lane lane() {
      return Lane.RUNNER;
    }
  }

  enum Level { INFO, WARN, ERROR }

  /** Something (a stop condition, a signal, the window, a user) asked the run to stop. */
  record AbortRequested(Stamp at, AbortCause cause, String reason) implements TimelineEvent {
    public Lane lane() {
      return Lane.RUNNER;
    }
  }

  enum AbortCause { STOP_CONDITION, MAX_DURATION, WINDOW_CLOSING, SIGNAL, USER, INJECT_FAILED }

  /** The last event of a run that ended by itself. A journal without it is unfinished. */
  record RunFinished(Stamp at, RunOutcome outcome, int exitCode, String summary)
      implements TimelineEvent {
    public Lane lane() {
      return Lane.RUNNER;
    }
  }

  // ---- platform lane (requests are the runner's, answers the platform's) ---------------------

  /** Gameday is about to ask Azure for the fault. */
  record FaultRequested(Stamp at, String step, String kind, List<String> resources,
      String description) implements TimelineEvent {
    public Lane lane() {
      return Lane.RUNNER;
    }
  }

  /**
   * Azure accepted a request (inject or revert) and gave these ids for it. {@code sent} is when
   * that request (the one that changes Azure, after Gameday's own look-ups) was first sent; a
   * request resent after a lost answer keeps the first send.
   */
  record OperationAccepted(Stamp at, String step, Action action, String resource, int httpStatus,
      Optional<String> correlationId, Optional<String> operationId, Optional<Instant> sent)
      implements TimelineEvent {
    /** An acceptance without its send instant (journals before it was recorded). */
    public OperationAccepted(Stamp at, String step, Action action, String resource,
        int httpStatus, Optional<String> correlationId, Optional<String> operationId) {
      this(at, step, action, resource, httpStatus, correlationId, operationId, Optional.empty());
    }

    public Lane lane() {
      return Lane.PLATFORM;
    }
  }

  enum Action { INJECT, REVERT }

  /**
   * Azure confirms the fault is in force ({@code evidence}: e.g. {@code PowerState/stopped}).
   * {@code at} is when Gameday's first look that saw it got its answer: the change happened
   * before. {@code lastSeenBefore} is when the last look that still saw the resource as it was
   * started (or, when no look after the request saw it so, just before the request that made
   * the change was sent): the change happened after. {@code statedByAzure} is Azure's own
   * instant for the change where its answer states one (an instance view status's {@code time}).
   */
  record FaultEffective(Stamp at, String step, String resource, String evidence,
      Optional<Instant> lastSeenBefore, Optional<Instant> statedByAzure) implements TimelineEvent {
    /** A confirmation without its bracket (journals before the bracket was recorded). */
    public FaultEffective(Stamp at, String step, String resource, String evidence) {
      this(at, step, resource, evidence, Optional.empty(), Optional.empty());
    }

    public Lane lane() {
      return Lane.PLATFORM;
    }
  }

  /** The fault could not be injected (or not confirmed in time). */
  record FaultFailed(Stamp at, String step, String resource, String reason)
      implements TimelineEvent {
    public Lane lane() {
      return Lane.PLATFORM;
    }
  }

  /**
   * Gameday is about to revert the fault. {@code resources} are those whose restore ends the
   * fault (the VMs, the deny rule, the recovery plan): each gets a {@link PlatformRestored} or a
   * {@link RevertFailed}. Other changes the revert undoes are confirmed by {@link ChangeRestored}.
   */
  record RevertRequested(Stamp at, String step, List<String> resources) implements TimelineEvent {
    public Lane lane() {
      return Lane.RUNNER;
    }
  }

  /**
   * Azure reports the resource restored ({@code evidence}: e.g. {@code PowerState/running});
   * {@code at}, {@code lastSeenBefore} and {@code statedByAzure} bracket the change as for
   * {@link FaultEffective}.
   */
  record PlatformRestored(Stamp at, String step, String resource, String evidence,
      Optional<Instant> lastSeenBefore, Optional<Instant> statedByAzure) implements TimelineEvent {
    /** A restore without its bracket (journals before the bracket was recorded). */
    public PlatformRestored(Stamp at, String step, String resource, String evidence) {
      this(at, step, resource, evidence, Optional.empty(), Optional.empty());
    }

    public Lane lane() {
      return Lane.PLATFORM;
    }
  }

  /**
   * A revert did not complete before its deadline; {@code manualCommand} finishes the job by hand
   * (an {@code az} command line).
   */
  record RevertFailed(Stamp at, String step, String resource, String reason, String manualCommand)
      implements TimelineEvent {
    public Lane lane() {
      return Lane.PLATFORM;
    }
  }

  /**
   * What a fault is about to change on one resource and the state that restores it, journaled
   * <em>before</em> the change is requested. Rollback and sweep restore from these facts alone,
   * never from names or descriptions found in Azure; a change without its
   * {@link ChangeRestored} is still in force.
   *
   * @param resource the resource ID that changes (a VM, a rule, an NSG, a recovery plan)
   * @param change what changes on it, per fault kind (e.g. {@code powerState},
   *     {@code securityRule}, {@code flushConnection}, {@code failover})
   * @param before the value to restore (e.g. {@code running}, {@code absent}, {@code false})
   * @param facts what else the restore needs (e.g. an etag, a job id); never a secret
   *
   * <p>A later record of the same change (same step, resource and change) refines the earlier
   * one with facts learnt after the request (a Site Recovery failover's job once the plan shows
   * it); the latest counts.
   */
  record ChangeRecorded(Stamp at, String step, String resource, String change, String before,
      Map<String, String> facts) implements TimelineEvent {
    public ChangeRecorded {
      facts = Map.copyOf(facts);
    }

    public Lane lane() {
      return Lane.RUNNER;
    }
  }

  /**
   * The revert of one {@link ChangeRecorded} is confirmed by the platform ({@code evidence}:
   * e.g. {@code PowerState/running}, {@code rule gone (404)}). Only then is the change undone.
   */
  record ChangeRestored(Stamp at, String step, String resource, String change, String evidence)
      implements TimelineEvent {
    public Lane lane() {
      return Lane.PLATFORM;
    }
  }

  /**
   * A task of a platform job (a Site Recovery job) changed state; {@code started} and
   * {@code ended} are the platform's own account.
   */
  record PlatformTask(Stamp at, String step, String jobId, String task, String state,
      Optional<Instant> started, Optional<Instant> ended) implements TimelineEvent {
    public Lane lane() {
      return Lane.PLATFORM;
    }
  }

  /**
   * Site Recovery: the failover a step starts, as journals written before the failover became a
   * {@link ChangeRecorded} ({@code change: failover}) recorded it: before Gameday sent it (no
   * {@code jobId}) and again once the plan showed its job. {@code action} is the recovery-plan
   * action path ({@code testFailover}, {@code plannedFailover}, {@code unplannedFailover});
   * {@code then} what the revert does ({@code cleanup}, {@code commit}, {@code none}). Still read;
   * no longer written.
   */
  record SiteRecoveryFailoverFacts(Stamp at, String step, String recoveryPlan, String action,
      String direction, String then, Optional<String> jobId) implements TimelineEvent {
    public Lane lane() {
      return Lane.RUNNER;
    }
  }

  /**
   * Site Recovery: a job Gameday follows changed state ({@code NotStarted}, {@code InProgress},
   * {@code Suspended}, {@code Succeeded}, {@code Failed}, {@code Cancelled}, {@code Other}).
   * {@code started} and {@code ended} are the job's own {@code startTime}/{@code endTime}: the
   * platform's account of the failover or its revert. A revert is confirmed by its job's
   * {@code Succeeded}, never by the failover's.
   */
  record SiteRecoveryJobChanged(Stamp at, String step, String jobId, String scenario,
      SiteRecoveryJobRole role, String state, Optional<Instant> started, Optional<Instant> ended)
      implements TimelineEvent {
    public Lane lane() {
      return Lane.PLATFORM;
    }
  }

  /**
   * Site Recovery: the recovery point a failover job used for one protected item, as the job
   * states it ({@code customDetails.protectedItemDetails[]} of its {@code FailoverJobDetails} or
   * {@code TestFailoverJobDetails}). {@code recoveryPointTime} is Azure's time of the data the
   * replica was built from; what was written after it is what a real disaster would lose.
   */
  record SiteRecoveryRecoveryPoint(Stamp at, String step, String jobId, String protectedItem,
      Optional<String> recoveryPointId, Instant recoveryPointTime) implements TimelineEvent {
    public Lane lane() {
      return Lane.PLATFORM;
    }
  }

  /**
   * Site Recovery, just before the failover request: one protected item's last replication RPO
   * as Azure's Protection Service calculated it ({@code rpoInSeconds} and
   * {@code lastRpoCalculatedTime} of its A2A {@code providerSpecificDetails}): how much data a
   * disaster at that moment would have lost by Azure's own measure. {@code virtualMachine} is the
   * item's {@code fabricObjectId} when Azure states it.
   */
  record SiteRecoveryReplicationRpo(Stamp at, String step, String protectedItem,
      Optional<String> virtualMachine, long rpoSeconds, Optional<Instant> calculatedAt)
      implements TimelineEvent {
    public Lane lane() {
      return Lane.PLATFORM;
    }
  }

  /** Whether a Site Recovery job is the step's failover or its revert (cleanup, commit). */
  enum SiteRecoveryJobRole { FAILOVER, REVERT }

  /** Resource Health changed for a resource (Available, Unavailable, Degraded, Unknown). */
  record ResourceHealthChanged(Stamp at, String step, String resource, String state, String reason)
      implements TimelineEvent {
    public Lane lane() {
      return Lane.PLATFORM;
    }
  }

  // ---- application lane ----------------------------------------------------------------------

  /**
   * One probe request. {@code scheduled}, {@code started} and {@code ended} are monotonic
   * nanoseconds; {@code at} is the UTC moment it started. {@code status} is 0 without an answer.
   */
  record ProbeSample(Stamp at, String probe, long scheduled, long started, long ended, int status,
      Outcome outcome, String reason) implements TimelineEvent {
    public Lane lane() {
      return Lane.APPLICATION;
    }

    public long latencyNanos() {
      return ended - started;
    }

    public boolean ok() {
      return outcome == Outcome.OK;
    }
  }

  /** How a probe sample ended. */
  enum Outcome {
    OK, UNEXPECTED_STATUS, TOO_SLOW, BODY_MISMATCH, HEADER_MISSING, TIMEOUT, CONNECTION_REFUSED,
    DNS, TLS, IO_ERROR, MISSED
  }

  /**
   * A probe's steady state changed. {@code firstCause} and {@code lastCause} are the UTC start
   * times of the samples that caused the change (the first failing or first good sample, and the
   * one that tipped the threshold).
   */
  record SteadyStateChanged(Stamp at, String probe, SteadyStatus status, Instant firstCause,
      Instant lastCause, String reason) implements TimelineEvent {
    public Lane lane() {
      return Lane.APPLICATION;
    }
  }

  enum SteadyStatus { STEADY, BREACHED }

  /** An abort condition of the experiment fired (e.g. breached longer than allowed). */
  record StopConditionMet(Stamp at, String probe, Duration breachedFor, Duration limit)
      implements TimelineEvent {
    public Lane lane() {
      return Lane.APPLICATION;
    }
  }

  /**
   * The application is back for a step: all probes steady again after the revert
   * ({@code recovered}), or not within the step's recovery timeout.
   */
  record ApplicationRecovered(Stamp at, String step, boolean recovered, Optional<Instant> since)
      implements TimelineEvent {
    public Lane lane() {
      return Lane.APPLICATION;
    }
  }

  /**
   * The probes' warm-up before the baseline is over. During it the probes ran their whole path
   * (connections, TLS handshakes, requests, judging) at their own rates, started one after the
   * other over a ramp, and <em>nothing was recorded</em>: no sample of it is in the journal and
   * none counts for steady state. This is its whole account.
   *
   * @param took from the warm-up's start to its end
   * @param probes how many probes warmed up
   * @param requests requests answered (or failed) during the warm-up
   * @param failed of those, how many were not OK
   * @param missed ticks on which a probe sent nothing (as a {@code MISSED} sample would say)
   */
  record WarmUpEnded(Stamp at, Duration took, int probes, long requests, long failed,
      long missed) implements TimelineEvent {
    public Lane lane() {
      return Lane.APPLICATION;
    }
  }
}
