package dev.gameday.reports.analysis;

import dev.gameday.core.event.TimelineEvent.Action;
import dev.gameday.core.event.TimelineEvent.ApplicationRecovered;
import dev.gameday.core.event.TimelineEvent.FaultEffective;
import dev.gameday.core.event.TimelineEvent.FaultFailed;
import dev.gameday.core.event.TimelineEvent.FaultRequested;
import dev.gameday.core.event.TimelineEvent.OperationAccepted;
import dev.gameday.core.event.TimelineEvent.Outcome;
import dev.gameday.core.event.TimelineEvent.PlatformRestored;
import dev.gameday.core.event.TimelineEvent.PlatformTask;
import dev.gameday.core.event.TimelineEvent.ProbeSample;
import dev.gameday.core.event.TimelineEvent.ResourceHealthChanged;
import dev.gameday.core.event.TimelineEvent.RevertFailed;
import dev.gameday.core.event.TimelineEvent.RevertRequested;
import dev.gameday.core.event.TimelineEvent.SiteRecoveryJobChanged;
import dev.gameday.core.event.TimelineEvent.SiteRecoveryJobRole;
import dev.gameday.core.event.TimelineEvent.SiteRecoveryRecoveryPoint;
import dev.gameday.core.event.TimelineEvent.SiteRecoveryReplicationRpo;
import dev.gameday.core.event.TimelineEvent.SteadyStateChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the analyzer has seen of one fault step so far, while the journal streams by. Only
 * events and a few samples (the first failure, the first success after the last failure per
 * probe) are kept, never the sample stream.
 */
final class StepState {
  final String name;
  String kind;
  String description;
  final Set<String> resources = new LinkedHashSet<>();
  final WindowAccumulator during;

  Instant start;
  Instant end;
  Evidence requested;
  /** The first change journaled just before the request that changes Azure was sent. */
  Evidence changeRequested;
  final List<Evidence> injectOperations = new ArrayList<>();
  Evidence effective;
  FaultEffective effectiveEvent;
  final List<String> faultFailures = new ArrayList<>();
  final List<Evidence> faultFailureEvidence = new ArrayList<>();
  Evidence firstFailed;
  Evidence revertRequested;
  /** The first revert request that changes Azure, at the instant it was sent. */
  Evidence revertSent;
  final Set<String> revertResources = new LinkedHashSet<>();
  final List<Evidence> revertOperations = new ArrayList<>();
  final Map<String, Evidence> restored = new LinkedHashMap<>();
  final Map<String, PlatformRestored> restoredEvents = new LinkedHashMap<>();
  /** Azure's own start and (successful) end of the step's Site Recovery failover job. */
  Instant failoverJobEnded;
  final List<RevertFailure> revertFailures = new ArrayList<>();
  final Map<String, Map<String, JobTask>> jobs = new LinkedHashMap<>();
  final List<Evidence> health = new ArrayList<>();
  ApplicationRecovered appRecovered;
  Evidence appRecoveredEvidence;
  Evidence steadyRestore;
  boolean breachedSinceStart;
  final Map<String, Instant> lastFailure = new HashMap<>();
  final Map<String, Evidence> firstOkAfterFailure = new HashMap<>();
  /** Test failover: the first good answer of a probe of the DR copy (one without a baseline). */
  Evidence drCopyServed;
  boolean drCopyProbed;
  /** Site Recovery: the failover job's start (Azure's time) and the recovery points it used. */
  Evidence failoverJobStarted;
  final List<RecoveryPoints.Seen> recoveryPoints = new ArrayList<>();
  /** Site Recovery: each protected item's last replication RPO, as Azure stated it before. */
  final List<RecoveryPoints.Stated> replicationRpos = new ArrayList<>();

  StepState(String name, String kind, String description) {
    this.name = name;
    this.kind = kind;
    this.description = description;
    this.during = new WindowAccumulator("during " + name);
  }

  boolean platformSide() {
    return !"pause".equals(kind);
  }

  /**
   * A Site Recovery test failover: production keeps running while a copy comes up in an
   * isolated network, so a probe of that copy (one that had no baseline) does not show
   * production impact.
   */
  boolean testFailover() {
    return StepResults.FAILOVER.equals(kind) && description.startsWith("test ");
  }

  void begin(Instant at) {
    if (start == null) {
      start = at;
    }
  }

  void requested(long seq, FaultRequested e) {
    begin(e.at().utc());
    if (requested == null) {
      requested = new Evidence(seq, e.at().utc(), "fault.requested",
          e.kind() + " on " + String.join(", ", e.resources()) + ": " + e.description());
    }
    if (kind.isEmpty()) {
      kind = e.kind();
    }
    if (description.isEmpty()) {
      description = e.description();
    }
    resources.addAll(e.resources());
  }

  void operation(long seq, OperationAccepted e) {
    StringBuilder d = new StringBuilder()
        .append(e.action() == Action.INJECT ? "inject" : "revert")
        .append(" accepted (HTTP ").append(e.httpStatus()).append(") for ").append(e.resource());
    e.correlationId().ifPresent(c -> d.append("; ARM correlation id ").append(c));
    e.operationId().ifPresent(o -> d.append("; operation ").append(o));
    Evidence ev = new Evidence(seq, e.at().utc(), "operation.accepted", d.toString());
    (e.action() == Action.INJECT ? injectOperations : revertOperations).add(ev);
    if (e.action() == Action.REVERT && e.sent().isPresent()
        && (revertSent == null || e.sent().get().isBefore(revertSent.at()))) {
      revertSent = new Evidence(seq, e.sent().get(), "operation.accepted",
          "revert request for " + e.resource() + " sent (accepted: HTTP " + e.httpStatus() + ")");
    }
  }

  /**
   * Where Azure's part of the fault starts: the request that changed Azure, else (journals
   * without it) the fault request; null before the fault was requested.
   */
  Evidence effectFrom() {
    return changeRequested != null ? changeRequested : requested;
  }

  /** Where Azure's part of the revert starts: as {@link #effectFrom}, for the revert. */
  Evidence restoreFrom() {
    return revertSent != null ? revertSent : revertRequested;
  }

  void effective(long seq, FaultEffective e) {
    if (effective == null) {
      effective = new Evidence(seq, e.at().utc(), "fault.effective",
          e.evidence() + " on " + e.resource());
      effectiveEvent = e;
    }
  }

  /**
   * A change journaled before its request ({@code change.recorded}, or a Site Recovery
   * failover's facts before Azure took it): the first one after the fault request marks the
   * request that changes Azure; what came before it was Gameday's own look-ups.
   */
  void changeRequested(long seq, Instant at, String kind, String detail) {
    if (changeRequested == null && requested != null && revertRequested == null) {
      changeRequested = new Evidence(seq, at, kind, detail);
    }
  }

  void failed(long seq, FaultFailed e) {
    faultFailures.add(e.resource() + ": " + e.reason());
    faultFailureEvidence.add(new Evidence(seq, e.at().utc(), "fault.failed",
        e.resource() + ": " + e.reason()));
  }

  void revertRequested(long seq, RevertRequested e) {
    if (revertRequested == null) {
      revertRequested = new Evidence(seq, e.at().utc(), "revert.requested",
          "revert of " + String.join(", ", e.resources()));
    }
    revertResources.addAll(e.resources());
  }

  void restored(long seq, PlatformRestored e) {
    restored.put(e.resource(), new Evidence(seq, e.at().utc(), "platform.restored",
        e.evidence() + " on " + e.resource()));
    restoredEvents.put(e.resource(), e);
  }

  void revertFailed(long seq, RevertFailed e) {
    revertFailures.add(new RevertFailure(e.resource(), e.reason(), e.manualCommand(), seq,
        e.at().utc()));
  }

  void task(long seq, PlatformTask e) {
    jobs.computeIfAbsent(e.jobId(), j -> new LinkedHashMap<>())
        .put(e.task(), new JobTask(e.task(), e.state(), e.started(), e.ended(), seq));
  }

  /** Site Recovery: the failover job's start by Azure's clock, the first time the job shows it. */
  /** Azure's own times of the step's failover job: its startTime; its endTime once it succeeded. */
  void failoverJob(long seq, SiteRecoveryJobChanged e) {
    if (e.role() == SiteRecoveryJobRole.FAILOVER && failoverJobStarted == null
        && e.started().isPresent()) {
      failoverJobStarted = new Evidence(seq, e.started().get(), "siterecovery.job",
          "failover job " + e.jobId() + " (" + e.scenario() + ") started " + e.started().get());
    }
    if (e.role() == SiteRecoveryJobRole.FAILOVER && e.state().equalsIgnoreCase("Succeeded")) {
      e.ended().ifPresent(t -> failoverJobEnded = t);
    }
  }

  void recoveryPoint(long seq, SiteRecoveryRecoveryPoint e) {
    recoveryPoints.add(new RecoveryPoints.Seen(e.protectedItem(), new Evidence(seq,
        e.recoveryPointTime(), "siterecovery.recoveryPoint", e.protectedItem() + ": recovery point "
            + e.recoveryPointId().map(id -> id + " ").orElse("") + "of " + e.recoveryPointTime()
            + " (job " + e.jobId() + ")")));
  }

  void replicationRpo(long seq, SiteRecoveryReplicationRpo e) {
    replicationRpos.add(new RecoveryPoints.Stated(e.protectedItem(), Duration.ofSeconds(
        e.rpoSeconds()), new Evidence(seq, e.at().utc(), "siterecovery.replicationRpo",
        e.protectedItem() + ": last replication RPO " + e.rpoSeconds() + " s"
            + e.calculatedAt().map(t -> ", calculated by Azure at " + t).orElse(""))));
  }

  void health(long seq, ResourceHealthChanged e) {
    health.add(new Evidence(seq, e.at().utc(), "platform.health",
        e.resource() + " " + e.state() + (e.reason().isEmpty() ? "" : " (" + e.reason() + ")")));
  }

  void applicationRecovered(long seq, ApplicationRecovered e) {
    appRecovered = e;
    appRecoveredEvidence = new Evidence(seq, e.at().utc(), "app.recovered",
        e.recovered() ? "all probes steady again" + e.since().map(s -> " since " + s).orElse("")
            : "the application did not recover within the step's recovery timeout");
  }

  /** True once every resource the revert named has a restore (and none failed). */
  boolean platformRestoredComplete() {
    if (revertRequested == null || !revertFailures.isEmpty() || restored.isEmpty()) {
      return false;
    }
    return restored.keySet().containsAll(revertResources);
  }

  /**
   * A sample seen while this step is the current one; {@code production} when its probe ran in
   * the baseline. A {@code MISSED} tick is not an observation and is ignored. The others are ordered by their start, not by when they were journaled: a
   * request that timed out is written after requests of other probes that started later.
   * Requests of one probe never overlap, so per probe the start order is the journal order.
   */
  void sample(long seq, ProbeSample s, boolean production) {
    if (s.outcome() == Outcome.MISSED) {
      return;
    }
    Instant t = s.at().utc();
    Instant since = requested != null ? requested.at() : start;
    if (since == null || t.isBefore(since)) {
      return;
    }
    String probe = s.probe();
    if (!production && testFailover()) {
      drCopyProbed = true;
      if (s.ok() && (drCopyServed == null || t.isBefore(drCopyServed.at()))) {
        drCopyServed = new Evidence(seq, t, "probe.sample",
            probe + " (the DR copy) answered well (HTTP " + s.status() + ")");
      }
      return;
    }
    if (!s.ok()) {
      if (firstFailed == null || t.isBefore(firstFailed.at())) {
        firstFailed = new Evidence(seq, t, "probe.sample",
            probe + " failed: " + s.outcome() + (s.status() > 0 ? " " + s.status() : "")
                + (s.reason().isEmpty() ? "" : " (" + s.reason() + ")"));
      }
      Instant last = lastFailure.get(probe);
      if (last == null || t.isAfter(last)) {
        lastFailure.put(probe, t);
        Evidence ok = firstOkAfterFailure.get(probe);
        if (ok != null && !ok.at().isAfter(t)) {
          firstOkAfterFailure.remove(probe);
        }
      }
      return;
    }
    Instant last = lastFailure.get(probe);
    Evidence ok = firstOkAfterFailure.get(probe);
    if (last != null && t.isAfter(last) && (ok == null || t.isBefore(ok.at()))) {
      firstOkAfterFailure.put(probe, new Evidence(seq, t, "probe.sample",
          probe + " succeeded again (HTTP " + s.status() + ")"));
    }
  }

  /** A steady-state change seen while this step is the current one; {@code allSteady} after it. */
  void steady(long seq, SteadyStateChanged e, boolean allSteady) {
    if (e.status() == dev.gameday.core.event.TimelineEvent.SteadyStatus.BREACHED) {
      breachedSinceStart = true;
      steadyRestore = null;
    } else if (allSteady && breachedSinceStart && revertRequested != null && steadyRestore == null) {
      steadyRestore = new Evidence(seq, e.firstCause(), "steady.changed",
          "all probes steady again (last: " + e.probe() + ", first good sample " + e.firstCause()
              + ")");
    }
  }
}
