package dev.gameday.reports.analysis;

import dev.gameday.core.event.Phase;
import dev.gameday.core.event.TimelineEvent;
import dev.gameday.core.event.TimelineEvent.AbortRequested;
import dev.gameday.core.event.TimelineEvent.PlanRecorded;
import dev.gameday.core.event.TimelineEvent.PlannedStep;
import dev.gameday.core.event.TimelineEvent.ProbeSample;
import dev.gameday.core.event.TimelineEvent.RunFinished;
import dev.gameday.core.event.TimelineEvent.RunStarted;
import dev.gameday.core.event.TimelineEvent.SteadyStatus;
import dev.gameday.core.journal.JournalEntry;
import dev.gameday.core.journal.JournalReader;
import dev.gameday.reports.scan.JournalScanner;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Computes the recovery-gap {@link Analysis} of a run from its journal, in one streaming pass:
 * memory depends on the number of probes and steps and the run's length, never on the number
 * of samples. A damaged or unreadable journal gives an analysis whose {@code problems} say what
 * is missing; this never throws for bad journal content.
 */
public final class RecoveryGapAnalyzer {
  /** The most chart points a series keeps. */
  static final int MAX_POINTS = 720;
  private static final int MAX_LISTED_PROBLEMS = 10;

  /** Analyzes the journal at {@code journal}. Throws only when the file cannot be read at all. */
  public Analysis analyze(Path journal) throws IOException {
    Run run = new Run();
    JournalReader.Problems problems;
    try {
      problems = new JournalScanner().scan(journal, run::accept);
    } catch (JournalReader.UnreadableJournalException e) {
      return run.build(null, e.getMessage());
    }
    return run.build(problems, null);
  }

  /** The state of one pass over one journal. */
  private static final class Run {
    private RunStarted started;
    private PlanRecorded plan;
    private RunFinished finished;
    private Map<String, List<String>> targets = Map.of();
    private final Map<String, StepState> steps = new LinkedHashMap<>();
    private final WindowAccumulator baseline = new WindowAccumulator("baseline");
    private final WindowAccumulator after = new WindowAccumulator("after");
    private final SeriesAccumulator series = new SeriesAccumulator();
    private final ProbeCadence cadence = new ProbeCadence();
    private final MissedTicks missed = new MissedTicks();
    private final SampleAccumulator allSamples = new SampleAccumulator();
    private final Map<String, SteadyStatus> steady = new TreeMap<>();
    private final List<String> stopConditions = new ArrayList<>();
    private AbortRequested abort;
    private TimelineEvent.WarmUpEnded warmUp;
    private boolean rolledBack;
    private StepState current;
    private StepState during;
    private Phase phase;
    private long events;
    private Instant lastAt;

    void accept(JournalEntry entry) {
      events++;
      TimelineEvent event = entry.event();
      long seq = entry.seq();
      lastAt = event.at().utc();
      switch (event) {
        case RunStarted e -> {
          started = e;
          series.origin(e.at().utc());
        }
        case PlanRecorded e -> {
          plan = e;
          for (PlannedStep p : e.steps()) {
            steps.computeIfAbsent(p.name(), n -> new StepState(n, p.kind(), p.description()));
          }
        }
        case TimelineEvent.TargetsResolved e -> targets = e.targets();
        case TimelineEvent.PhaseStarted e -> phase(e);
        case TimelineEvent.Note e -> { }
        case TimelineEvent.FaultRequested e -> {
          StepState s = enter(e.step(), e.at().utc());
          s.requested(seq, e);
          openDuring(s, e.at().utc());
        }
        case TimelineEvent.OperationAccepted e -> step(e.step()).operation(seq, e);
        case TimelineEvent.FaultEffective e -> step(e.step()).effective(seq, e);
        case TimelineEvent.FaultFailed e -> step(e.step()).failed(seq, e);
        case TimelineEvent.RevertRequested e -> step(e.step()).revertRequested(seq, e);
        case TimelineEvent.PlatformRestored e -> {
          StepState s = step(e.step());
          s.restored(seq, e);
          if (s == during && s.platformRestoredComplete()) {
            closeDuring(e.at().utc());
          }
        }
        case TimelineEvent.RevertFailed e -> step(e.step()).revertFailed(seq, e);
        case TimelineEvent.PlatformTask e -> step(e.step()).task(seq, e);
        case TimelineEvent.SiteRecoveryFailoverFacts e -> {
          if (e.jobId().isEmpty()) {
            step(e.step()).changeRequested(seq, e.at().utc(), "siterecovery.failover",
                e.action() + " of " + e.recoveryPlan() + " about to be sent");
          }
        }
        case TimelineEvent.SiteRecoveryJobChanged e -> step(e.step()).failoverJob(seq, e);
        case TimelineEvent.SiteRecoveryRecoveryPoint e -> step(e.step()).recoveryPoint(seq, e);
        case TimelineEvent.SiteRecoveryReplicationRpo e -> step(e.step()).replicationRpo(seq, e);
        case TimelineEvent.ChangeRecorded e -> step(e.step()).changeRequested(seq, e.at().utc(),
            "change.recorded", e.change() + " of " + e.resource() + " (was " + e.before()
                + ") about to change");
        case TimelineEvent.ChangeRestored e -> { }
        case TimelineEvent.ResourceHealthChanged e -> step(e.step()).health(seq, e);
        case ProbeSample e -> sample(seq, e);
        case TimelineEvent.SteadyStateChanged e -> {
          steady.put(e.probe(), e.status());
          if (current != null) {
            current.steady(seq, e, steady.values().stream().allMatch(v -> v == SteadyStatus.STEADY));
          }
        }
        case TimelineEvent.StopConditionMet e -> stopConditions.add("Probe " + e.probe()
            + " breached steady state for " + Durations.human(e.breachedFor())
            + ", over the limit of " + Durations.human(e.limit()) + ".");
        case TimelineEvent.ApplicationRecovered e -> step(e.step()).applicationRecovered(seq, e);
        case AbortRequested e -> abort = e;
        case TimelineEvent.WarmUpEnded e -> warmUp = e;
        case RunFinished e -> {
          finished = e;
          closeDuring(e.at().utc());
          after.close(e.at().utc());
        }
      }
    }

    private StepState step(String name) {
      return steps.computeIfAbsent(name, n -> new StepState(n, "", ""));
    }

    private StepState enter(String name, Instant at) {
      StepState s = step(name);
      if (current != s) {
        if (current != null && current.end == null) {
          current.end = at;
        }
        if (during != null && during != s) {
          closeDuring(at);
        }
        current = s;
      }
      s.begin(at);
      return s;
    }

    private void openDuring(StepState s, Instant at) {
      if (during == null && s.during.neverOpened()) {
        during = s;
        s.during.open(at);
      }
    }

    private void closeDuring(Instant at) {
      if (during != null) {
        during.during.close(at);
        during = null;
      }
    }

    private void phase(TimelineEvent.PhaseStarted e) {
      Instant at = e.at().utc();
      phase = e.phase();
      if (e.phase() != Phase.BASELINE) {
        // The baseline ends where the next phase (the first step's, or verify) begins.
        baseline.close(at);
      }
      if (e.step().isPresent()) {
        StepState s = enter(e.step().get(), at);
        if (!s.platformSide()) {
          openDuring(s, at);
        }
        return;
      }
      switch (e.phase()) {
        case BASELINE -> baseline.open(at);
        case VERIFY -> {
          closeDuring(at);
          endCurrent(at);
          after.open(at);
        }
        case REPORT, ROLLBACK -> {
          rolledBack |= e.phase() == Phase.ROLLBACK;
          closeDuring(at);
          endCurrent(at);
          after.close(at);
        }
        case PREFLIGHT, WARMUP, INJECT, HOLD, REVERT, RECOVERY -> { }
      }
    }

    private void endCurrent(Instant at) {
      if (current != null && current.end == null) {
        current.end = at;
      }
    }

    private void sample(long seq, ProbeSample s) {
      series.add(s);
      cadence.add(s);
      missed.add(s);
      allSamples.add(s);
      if (phase == Phase.BASELINE) {
        baseline.add(s);
      } else if (phase == Phase.VERIFY) {
        after.add(s);
      }
      if (during != null && (!during.testFailover() || baseline.probed(s.probe()))) {
        // A test failover's copy is not production: its probe's failures are no users' errors.
        during.during.add(s);
      }
      if (current != null) {
        current.sample(seq, s, baseline.probed(s.probe()));
      }
    }

    Analysis build(JournalReader.Problems read, String unreadable) {
      List<String> problems = new ArrayList<>();
      if (unreadable != null) {
        problems.add("The journal could not be read: " + unreadable);
      }
      if (read != null) {
        List<String> messages = read.messages();
        messages.stream().limit(MAX_LISTED_PROBLEMS).forEach(problems::add);
        if (messages.size() > MAX_LISTED_PROBLEMS) {
          problems.add("... and " + (messages.size() - MAX_LISTED_PROBLEMS)
              + " more unreadable lines.");
        }
        if (read.truncated()) {
          problems.add("The journal was cut off: this report covers the events up to seq "
              + read.lastSeq() + ".");
        }
      }
      if (unreadable == null && started == null) {
        problems.add("The journal has no run.started event: who ran which experiment is unknown.");
      }
      if (unreadable == null && plan == null) {
        problems.add("The journal has no run.plan event: the objectives and planned steps are "
            + "unknown, so no objective could be judged.");
      }
      if (unreadable == null && finished == null) {
        closeDuring(lastAt == null ? Instant.EPOCH : lastAt);
        endCurrent(lastAt == null ? Instant.EPOCH : lastAt);
        problems.add("The run did not finish (no run.finished event): it was killed, crashed or "
            + "is still running. Check that every fault was reverted with `gameday rollback "
            + "RUN_DIR`.");
      }
      boolean anyRequested = steps.values().stream().anyMatch(s -> s.start != null);
      if (unreadable == null && started != null && !anyRequested) {
        problems.add("No fault step ran: the journal holds no fault request"
            + (finished != null && !finished.summary().isEmpty()
                ? " (" + finished.summary() + ")." : "."));
      }
      for (StepState s : steps.values()) {
        if (s.start == null && anyRequested) {
          problems.add("Step " + s.name + " was planned but never ran.");
        }
      }
      List<StepResult> results = steps.values().stream().map(StepResults::build).toList();
      VerdictRules.Facts facts = new VerdictRules.Facts(
          unreadable != null || (read != null && read.truncated()), problems, started != null,
          plan != null, Optional.ofNullable(finished), anyRequested, rolledBack,
          Optional.ofNullable(abort), anyRequested ? steps.values().stream()
              .filter(s -> s.start == null).map(s -> s.name).toList() : List.of());
      boolean cutShort = VerdictRules.cutShort(facts);
      List<ObjectiveResult> objectives = ObjectiveJudge.judge(plan, results, cutShort);
      WindowStats baseStats = baseline.stats();
      List<String> breached = steady.entrySet().stream()
          .filter(en -> en.getValue() == SteadyStatus.BREACHED).map(Map.Entry::getKey).toList();
      Optional<java.time.Duration> interval = cadence.typicalInterval();
      List<Finding> findings = new ArrayList<>(new FindingsWriter(results, objectives, interval,
          baseStats, !cutShort && anyRequested ? breached : List.of(), stopConditions, cutShort)
          .findings());
      for (StepResult r : results) {
        if (r.platformSide() && r.moments().requested().isPresent()) {
          ProbeFindings.slowAnswers(r, interval, baseStats).ifPresent(findings::add);
          FailoverFindings.testFailover(r, baseStats, plan == null ? Optional.empty()
              : plan.rto()).ifPresent(findings::add);
        }
      }
      ProbeFindings.missedTicks(missed, allSamples.stats().max(), interval)
          .ifPresent(findings::add);
      if (warmUp != null) {
        findings.add(ProbeFindings.warmUp(warmUp));
      }
      RunInfo run = runInfo();
      VerdictRules.Call verdict = VerdictRules.decide(facts, results, objectives, findings);
      Instant origin = run.started().orElse(Instant.EPOCH);
      List<String> probes = new ArrayList<>(cadence.probes());
      if (plan != null) {
        plan.probes().stream().filter(p -> !probes.contains(p)).forEach(probes::add);
      }
      return new Analysis(run, verdict.verdict(), verdict.reason(), objectives, results, baseStats, after.stats(), findings,
          series.build(MAX_POINTS, origin), probes, problems, new Analysis.JournalFacts(
              read == null ? 0 : read.version(), events, read == null ? 0 : read.lastSeq(),
              read != null && read.truncated(), finished != null), interval);
    }

    private RunInfo runInfo() {
      if (started == null) {
        RunInfo u = RunInfo.unknown();
        return finished == null ? u : new RunInfo(u.runId(), u.experimentName(), u.title(),
            u.experimentFile(), u.experimentSha256(), u.toolVersion(), u.operator(),
            Optional.empty(), Optional.of(finished.at().utc()), Optional.of(finished.outcome()),
            finished.summary(), Optional.empty(), targets, abortReason());
      }
      return new RunInfo(started.runId(), started.experimentName(), nz(started.title()),
          nz(started.experimentFile()), nz(started.experimentSha256()), nz(started.toolVersion()),
          started.operator() == null ? Map.of() : started.operator(),
          Optional.of(started.at().utc()),
          Optional.ofNullable(finished).map(f -> f.at().utc()),
          Optional.ofNullable(finished).map(RunFinished::outcome),
          finished == null ? "" : nz(finished.summary()),
          started.ignoreWindowReason() == null ? Optional.empty() : started.ignoreWindowReason(),
          targets, abortReason());
    }

    private Optional<String> abortReason() {
      return Optional.ofNullable(abort).map(a -> a.cause() + ": " + a.reason());
    }

    private static String nz(String s) {
      return s == null ? "" : s;
    }
  }
}
