package dev.gameday.runner.engine;

import static dev.gameday.runner.engine.TestExperiments.powerOff;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.core.event.Phase;
import dev.gameday.core.event.RunOutcome;
import dev.gameday.core.event.Stamp;
import dev.gameday.core.event.TimelineEvent;
import dev.gameday.core.event.TimelineEvent.AbortCause;
import dev.gameday.core.event.TimelineEvent.SteadyStatus;
import dev.gameday.core.model.Experiment;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunEngineTest {
  @TempDir Path tmp;

  static final EngineOptions OPTIONS = new EngineOptions(java.time.Duration.ofMinutes(10),
      java.time.Duration.ofMinutes(15), java.time.Duration.ofSeconds(10), Optional.empty(), Optional.empty());

  final FakeClock clock = new FakeClock(Instant.parse("2026-11-28T02:00:00Z"));
  final FakePlatform platform = new FakePlatform(clock);
  final FakeMonitor monitor = new FakeMonitor();
  final List<TimelineEvent> events = new CopyOnWriteArrayList<>();
  final AbortSignal abort = new AbortSignal();
  WindowGate window = (now, planned) -> new WindowGate.Admission.Admitted(now.plus(Duration.ofHours(2)));
  Judge judge = journal -> new Judge.Verdict(true, "all objectives met");

  RunResult run(Experiment e) throws Exception {
    var parts = new RunEngine.Parts(platform, x -> monitor, w -> window, dev.gameday.core.port.TargetLease.NONE, clock,
        clock.sleeper(), judge, OPTIONS);
    var dir = RunDirectory.create(tmp, e.name(), clock.now());
    return new RunEngine(parts).run(new RunRequest(e, tmp.resolve("e.yaml"), "sha", "yaml", "test",
        java.util.Map.of()), dir, new EventBus(events::add), abort);
  }

  <T extends TimelineEvent> List<T> eventsOf(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  @Test
  void completedRunInjectsHoldsRevertsEachStepInOrderAndPasses() throws Exception {
    var result = run(TestExperiments.withSteps(powerOff("a", Duration.ofMinutes(2)),
        powerOff("b", Duration.ofMinutes(3))));

    assertThat(result.outcome()).isEqualTo(RunOutcome.PASSED);
    assertThat(result.exitCode()).isZero();
    assertThat(platform.calls).containsExactly("inject a", "effective a", "revert a", "restored a",
        "inject b", "effective b", "revert b", "restored b");
    assertThat(monitor.phases).containsExactly(Phase.BASELINE, Phase.INJECT,
        Phase.HOLD, Phase.REVERT, Phase.RECOVERY, Phase.INJECT, Phase.HOLD, Phase.REVERT,
        Phase.RECOVERY, Phase.VERIFY, Phase.REPORT);
    assertThat(events.get(0)).isInstanceOf(TimelineEvent.RunStarted.class);
    assertThat(events.get(events.size() - 1)).isInstanceOf(TimelineEvent.RunFinished.class);
    assertThat(eventsOf(TimelineEvent.ApplicationRecovered.class)).extracting(
        TimelineEvent.ApplicationRecovered::recovered).containsExactly(true, true);
    assertThat(monitor.closed).isTrue();
  }

  @Test
  void verificationKeepsProbingTheVerifyWindowAfterSteadyStateHolds() throws Exception {
    Experiment e = TestExperiments.withSteps(powerOff("a", Duration.ofMinutes(1)));
    run(e);

    var phases = eventsOf(TimelineEvent.PhaseStarted.class);
    Instant verify = phases.stream().filter(p -> p.phase() == Phase.VERIFY).findFirst()
        .orElseThrow().at().utc();
    Instant report = phases.stream().filter(p -> p.phase() == Phase.REPORT).findFirst()
        .orElseThrow().at().utc();
    var probe = e.steadyState().probes().get(0);
    Duration window = probe.every().multipliedBy(probe.tolerance().successesToRestore());
    assertThat(window).isPositive();
    assertThat(Duration.between(verify, report)).isGreaterThanOrEqualTo(window)
        .isLessThan(window.plus(OPTIONS.pollInterval()).plusSeconds(1));
  }

  @Test
  void aFailedRevertSkipsWaitingForTheApplicationAndStopsTheRemainingSteps() throws Exception {
    platform.fault("a").revertFailures = 1;
    var result = run(TestExperiments.withSteps(powerOff("a", Duration.ofMinutes(1)),
        powerOff("b", Duration.ofMinutes(1))));

    assertThat(result.outcome()).isEqualTo(RunOutcome.REVERT_INCOMPLETE);
    assertThat(eventsOf(TimelineEvent.ApplicationRecovered.class)).isEmpty();
    assertThat(monitor.phases).doesNotContain(Phase.RECOVERY, Phase.VERIFY);
    assertThat(platform.calls).doesNotContain("inject b");
  }

  @Test
  void holdsLastAsLongAsTheExperimentSays() throws Exception {
    run(TestExperiments.withSteps(powerOff("a", Duration.ofMinutes(2))));

    var phases = eventsOf(TimelineEvent.PhaseStarted.class);
    Instant hold = phases.stream().filter(p -> p.phase() == Phase.HOLD).findFirst().orElseThrow().at().utc();
    Instant revert = phases.stream().filter(p -> p.phase() == Phase.REVERT).findFirst().orElseThrow().at().utc();
    assertThat(Duration.between(hold, revert)).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void baselineNotSteadyInjectsNothingAndExitsThree() throws Exception {
    monitor.onPhase = (phase, bus) -> {
      if (phase == Phase.BASELINE) {
        bus.on(new TimelineEvent.SteadyStateChanged(clock.stamp(), "storefront", SteadyStatus.BREACHED,
            clock.now(), clock.now(), "503 from 5 of 5 samples"));
        monitor.steady = false;
      }
    };
    var result = run(TestExperiments.withSteps(powerOff("a", Duration.ofMinutes(2))));

    assertThat(result.outcome()).isEqualTo(RunOutcome.NOT_STARTED);
    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.summary()).contains("baseline").contains("storefront");
    assertThat(platform.calls).isEmpty();
  }

  @Test
  void outsideTheWindowNothingStartsAndTheReasonSaysWhenItOpens() throws Exception {
    window = (now, planned) -> new WindowGate.Admission.Refused(
        "outside the maintenance window; the next opens at 2026-12-01T02:00+01:00");
    var result = run(TestExperiments.withSteps(powerOff("a", Duration.ofMinutes(2))));

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.summary()).contains("next opens at 2026-12-01T02:00+01:00");
    assertThat(platform.calls).isEmpty();
    assertThat(eventsOf(TimelineEvent.TargetsResolved.class)).isEmpty();
  }

  @Test
  void preflightFailureStopsBeforeAnyWrite() throws Exception {
    platform.preflightFailure = "target web: vm-1 lacks the tag chaos=allowed";
    var result = run(TestExperiments.withSteps(powerOff("a", Duration.ofMinutes(2))));

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.summary()).contains("chaos=allowed");
    assertThat(platform.calls).isEmpty();
  }

  @Test
  void failedInjectionFailsTheRunAndStillRevertsEverythingInjected() throws Exception {
    platform.fault("b").failInject = true;
    var result = run(TestExperiments.withSteps(powerOff("a", Duration.ofMinutes(1)),
        powerOff("b", Duration.ofMinutes(1)), powerOff("c", Duration.ofMinutes(1))));

    assertThat(result.exitCode()).isEqualTo(4);
    assertThat(platform.calls).containsExactly("inject a", "effective a", "revert a", "restored a",
        "inject b", "revert b", "restored b");
    assertThat(eventsOf(TimelineEvent.FaultFailed.class)).singleElement()
        .satisfies(f -> assertThat(f.reason()).contains("409"));
    assertThat(eventsOf(TimelineEvent.AbortRequested.class)).singleElement()
        .satisfies(a -> assertThat(a.cause()).isEqualTo(AbortCause.INJECT_FAILED));
  }

  @Test
  void revertThatFailsIsReportedWithTheManualCommandAndTheRestIsStillReverted() throws Exception {
    platform.fault("b").revertFailures = 1;
    monitor.onPhase = (phase, bus) -> {
      if (phase == Phase.HOLD && platform.calls.contains("inject b")) {
        abort.trigger(AbortCause.USER, "gameday abort");
      }
    };
    var e = TestExperiments.withSteps(powerOff("a", Duration.ofMinutes(1)), powerOff("b", Duration.ofMinutes(1)));
    var result = run(e);

    assertThat(result.outcome()).isEqualTo(RunOutcome.REVERT_INCOMPLETE);
    assertThat(result.exitCode()).isEqualTo(5);
    assertThat(result.revertFailures()).singleElement().asString()
        .contains("az vm start --ids").contains("500");
    assertThat(eventsOf(TimelineEvent.RevertFailed.class)).singleElement()
        .satisfies(r -> assertThat(r.manualCommand()).startsWith("az vm start"));
  }

  @Test
  void abortDuringHoldRevertsAtOnceAndExitsFour() throws Exception {
    monitor.onPhase = (phase, bus) -> {
      if (phase == Phase.HOLD) {
        abort.trigger(AbortCause.SIGNAL, "SIGINT");
      }
    };
    var result = run(TestExperiments.withSteps(powerOff("a", Duration.ofMinutes(10)),
        powerOff("b", Duration.ofMinutes(1))));

    assertThat(result.outcome()).isEqualTo(RunOutcome.ABORTED);
    assertThat(result.exitCode()).isEqualTo(4);
    assertThat(result.summary()).contains("SIGINT");
    assertThat(platform.calls).containsExactly("inject a", "effective a", "revert a", "restored a");
    var phases = eventsOf(TimelineEvent.PhaseStarted.class);
    Instant hold = phases.stream().filter(p -> p.phase() == Phase.HOLD).findFirst().orElseThrow().at().utc();
    Instant revert = phases.stream().filter(p -> p.phase() == Phase.REVERT).findFirst().orElseThrow().at().utc();
    assertThat(Duration.between(hold, revert)).isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void aMonitorThatAsksForAWarmUpStartsInItAndTheBaselineWaitsItsFullLengthAfterIt()
      throws Exception {
    monitor.warmUp = Duration.ofSeconds(8);
    var result = run(TestExperiments.withSteps(powerOff("a", Duration.ofMinutes(1))));

    assertThat(result.outcome()).isEqualTo(RunOutcome.PASSED);
    assertThat(monitor.startedIn).contains(Phase.WARMUP);
    assertThat(monitor.phases).startsWith(Phase.WARMUP, Phase.BASELINE, Phase.INJECT);
    var phases = eventsOf(TimelineEvent.PhaseStarted.class);
    assertThat(phases).extracting(TimelineEvent.PhaseStarted::phase)
        .startsWith(Phase.PREFLIGHT, Phase.WARMUP, Phase.BASELINE, Phase.INJECT);
    assertThat(Duration.between(phases.get(1).at().utc(), phases.get(2).at().utc()))
        .isEqualTo(Duration.ofSeconds(8));
    Duration baseline = TestExperiments.withSteps(powerOff("a", Duration.ofMinutes(1)))
        .steadyState().baseline();
    assertThat(Duration.between(phases.get(2).at().utc(), phases.get(3).at().utc()))
        .isEqualTo(baseline);
  }

  @Test
  void aMonitorWithoutAWarmUpGoesStraightToTheBaseline() throws Exception {
    run(TestExperiments.withSteps(powerOff("a", Duration.ofMinutes(1))));

    assertThat(monitor.startedIn).isEmpty();
    assertThat(eventsOf(TimelineEvent.PhaseStarted.class)).extracting(
        TimelineEvent.PhaseStarted::phase).doesNotContain(Phase.WARMUP);
  }

  @Test
  void abortDuringTheWarmUpInjectsNothing() throws Exception {
    monitor.warmUp = Duration.ofSeconds(8);
    monitor.onPhase = (phase, bus) -> {
      if (phase == Phase.WARMUP) {
        abort.trigger(AbortCause.USER, "gameday abort");
      }
    };
    var result = run(TestExperiments.withSteps(powerOff("a", Duration.ofMinutes(1))));

    assertThat(result.exitCode()).isEqualTo(4);
    assertThat(platform.calls).isEmpty();
    assertThat(monitor.phases).doesNotContain(Phase.BASELINE);
  }

  @Test
  void abortDuringBaselineInjectsNothing() throws Exception {
    monitor.onPhase = (phase, bus) -> {
      if (phase == Phase.BASELINE) {
        abort.trigger(AbortCause.USER, "gameday abort");
      }
    };
    var result = run(TestExperiments.withSteps(powerOff("a", Duration.ofMinutes(1))));

    assertThat(result.exitCode()).isEqualTo(4);
    assertThat(platform.calls).isEmpty();
  }

  @Test
  void abortDuringInjectionRevertsTheStepBeingInjected() throws Exception {
    platform.fault("a").duringInject = () -> abort.trigger(AbortCause.SIGNAL, "SIGTERM");
    var result = run(TestExperiments.withSteps(powerOff("a", Duration.ofMinutes(1)),
        powerOff("b", Duration.ofMinutes(1))));

    assertThat(result.exitCode()).isEqualTo(4);
    assertThat(platform.calls).contains("inject a", "revert a").doesNotContain("inject b");
  }

  @Test
  void abortDuringRecoveryStopsTheRemainingSteps() throws Exception {
    monitor.onPhase = (phase, bus) -> {
      if (phase == Phase.RECOVERY) {
        monitor.steady = false;
        abort.trigger(AbortCause.USER, "gameday abort");
      }
    };
    var result = run(TestExperiments.withSteps(powerOff("a", Duration.ofMinutes(1)),
        powerOff("b", Duration.ofMinutes(1))));

    assertThat(result.exitCode()).isEqualTo(4);
    assertThat(platform.calls).containsExactly("inject a", "effective a", "revert a", "restored a");
  }

  @Test
  void windowClosingMidHoldStartsTheRevertEarlyEnoughForItToFinishBeforeTheWindowEnds()
      throws Exception {
    Instant revertBy = clock.now().plus(Duration.ofMinutes(10));
    window = (now, planned) -> new WindowGate.Admission.Admitted(revertBy);
    var result = run(TestExperiments.withSteps(powerOff("a", Duration.ofMinutes(30))));

    assertThat(result.exitCode()).isEqualTo(4);
    var aborts = eventsOf(TimelineEvent.AbortRequested.class);
    assertThat(aborts).singleElement().satisfies(a -> {
      assertThat(a.cause()).isEqualTo(AbortCause.WINDOW_CLOSING);
      assertThat(a.at().utc()).as("a VM's planned start time before the window's end")
          .isEqualTo(revertBy.minus(RunPlan.revertEstimate(powerOff("a", Duration.ZERO))));
    });
    assertThat(platform.calls).contains("revert a");
  }

  @Test
  void theWindowMustHoldEachStepsPlannedRevertToo() throws Exception {
    var planned = new java.util.concurrent.atomic.AtomicReference<Duration>();
    window = (now, p) -> {
      planned.set(p);
      return new WindowGate.Admission.Admitted(now.plus(Duration.ofHours(2)));
    };
    run(TestExperiments.withSteps(powerOff("a", Duration.ofMinutes(2))));

    assertThat(planned.get()).isEqualTo(Duration.ofMinutes(1 + 2 + 3));
  }

  @Test
  void maxDurationAbortsTheRun() throws Exception {
    var result = run(TestExperiments.with(Duration.ofMinutes(5), powerOff("a", Duration.ofMinutes(30))));

    assertThat(result.exitCode()).isEqualTo(4);
    assertThat(eventsOf(TimelineEvent.AbortRequested.class)).singleElement()
        .satisfies(a -> assertThat(a.cause()).isEqualTo(AbortCause.MAX_DURATION));
  }

  @Test
  void stopConditionFromTheProbesAbortsAndReverts() throws Exception {
    monitor.onPhase = (phase, bus) -> {
      if (phase == Phase.HOLD) {
        bus.on(new TimelineEvent.StopConditionMet(clock.stamp(), "storefront", Duration.ofMinutes(2),
            Duration.ofMinutes(2)));
      }
    };
    var result = run(TestExperiments.withSteps(powerOff("a", Duration.ofMinutes(10))));

    assertThat(result.exitCode()).isEqualTo(4);
    assertThat(result.summary()).contains("storefront");
    assertThat(platform.calls).contains("revert a", "restored a");
  }

  @Test
  void aProbeThatCannotBeSetUpStopsTheRunBeforeAnyWrite() throws Exception {
    var parts = new RunEngine.Parts(platform, x -> {
      throw new IllegalArgumentException("probe storefront: CA file /nope.pem does not exist");
    }, w -> window, dev.gameday.core.port.TargetLease.NONE, clock, clock.sleeper(), judge, OPTIONS);
    var e = TestExperiments.withSteps(powerOff("a", Duration.ofMinutes(1)));
    var result = new RunEngine(parts).run(new RunRequest(e, tmp.resolve("e.yaml"), "sha", "yaml", "t",
        java.util.Map.of()), RunDirectory.create(tmp, e.name(), clock.now()), new EventBus(events::add), abort);

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.summary()).contains("/nope.pem");
    assertThat(platform.calls).isEmpty();
    assertThat(events.getLast()).isInstanceOf(TimelineEvent.RunFinished.class);
  }

  @Test
  void missedObjectivesExitOne() throws Exception {
    judge = journal -> new Judge.Verdict(false, "application gap 95 s > 60 s");
    var result = run(TestExperiments.withSteps(powerOff("a", Duration.ofMinutes(1))));

    assertThat(result.outcome()).isEqualTo(RunOutcome.OBJECTIVES_MISSED);
    assertThat(result.exitCode()).isEqualTo(1);
  }

  @Test
  void applicationNotRecoveredAfterRevertsExitsOne() throws Exception {
    monitor.onPhase = (phase, bus) -> {
      if (phase == Phase.HOLD) {
        monitor.steady = false;
      }
    };
    var result = run(TestExperiments.withSteps(powerOff("a", Duration.ofMinutes(1))));

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(eventsOf(TimelineEvent.ApplicationRecovered.class)).singleElement()
        .satisfies(r -> assertThat(r.recovered()).isFalse());
  }

  @Test
  void aThrowingListenerNeverBreaksTheRun() throws Exception {
    var parts = new RunEngine.Parts(platform, x -> monitor, w -> window, dev.gameday.core.port.TargetLease.NONE, clock,
        clock.sleeper(), judge, OPTIONS);
    var e = TestExperiments.withSteps(powerOff("a", Duration.ofMinutes(1)));
    var dir = RunDirectory.create(tmp, e.name(), clock.now());
    var bus = new EventBus(events::add).add(ev -> { throw new IllegalStateException("console broke"); });
    var result = new RunEngine(parts).run(new RunRequest(e, tmp.resolve("e.yaml"), "sha", "yaml", "t",
        java.util.Map.of()), dir, bus, abort);

    assertThat(result.exitCode()).isZero();
  }

  @Test
  void aJournalThatBreaksWhileAFaultIsInForceStillGetsTheFaultReverted() throws Exception {
    var parts = new RunEngine.Parts(platform, x -> monitor, w -> window, dev.gameday.core.port.TargetLease.NONE, clock,
        clock.sleeper(), judge, OPTIONS);
    var e = TestExperiments.withSteps(powerOff("a", Duration.ofMinutes(1)));
    var dir = RunDirectory.create(tmp, e.name(), clock.now());
    var broken = new java.util.concurrent.atomic.AtomicBoolean();
    var bus = new EventBus(ev -> {
      if (broken.get()) {
        throw new java.io.UncheckedIOException("cannot write the journal",
            new java.io.IOException("No space left on device"));
      }
      events.add(ev);
      if (ev instanceof TimelineEvent.FaultEffective) {
        broken.set(true);
      }
    });
    var seen = new CopyOnWriteArrayList<TimelineEvent>();
    bus.add(seen::add);

    Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> new RunEngine(parts).run(
        new RunRequest(e, tmp.resolve("e.yaml"), "sha", "yaml", "t", java.util.Map.of()), dir,
        bus, abort));

    assertThat(platform.calls).containsSubsequence("inject a", "effective a", "revert a");
    assertThat(seen).as("the console still hears of the revert")
        .anyMatch(TimelineEvent.RevertRequested.class::isInstance);
    assertThat(t).as("the run's end cannot be journaled either").isInstanceOf(
        java.io.UncheckedIOException.class);
  }
}
