package dev.gameday.runner.engine;

import dev.gameday.core.event.Phase;
import dev.gameday.core.event.TimelineEvent;
import dev.gameday.core.event.TimelineEvent.AbortCause;
import dev.gameday.core.event.TimelineEvent.Level;
import dev.gameday.core.model.Experiment;
import dev.gameday.core.port.ApplicationMonitor;
import dev.gameday.core.port.RunClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * What the phases of one run share: the experiment, the clock, the event bus, the abort signal,
 * the monitor, the run's deadlines and the stack of faults in force. Waiting goes through
 * {@link #waitFor} so that every wait also watches the deadlines.
 */
final class RunContext {
  final String runId;
  final Experiment experiment;
  final RunClock clock;
  final Sleeper sleeper;
  final EventBus bus;
  /** The bus for reverts: they go on even when the journal can no longer be written. */
  final dev.gameday.core.event.EventListener revertEvents;
  final AbortSignal abort;
  final EngineOptions options;
  final SteadyTracker steady = new SteadyTracker();
  final Deque<InjectedFault> injected = new ArrayDeque<>();
  final java.util.List<String> revertFailures = new java.util.ArrayList<>();
  ApplicationMonitor monitor;
  /** The resources this run holds (from preflight on); released once every change is undone. */
  dev.gameday.core.port.TargetLease.Held held = NOT_HELD;
  /** A revert was requested without waiting for the platform to confirm it (second abort). */
  boolean unconfirmed;
  Map<String, List<String>> targets = Map.of();
  private static final dev.gameday.core.port.TargetLease.Held NOT_HELD = new dev.gameday.core.port
      .TargetLease.Held() {
    @Override
    public void release() {}

    @Override
    public void close() {}
  };
  private final Instant maxDurationEnd;
  private Optional<Instant> revertBy = Optional.empty();

  RunContext(String runId, Experiment experiment, RunClock clock, Sleeper sleeper, EventBus bus,
      AbortSignal abort, EngineOptions options) {
    this.runId = runId;
    this.experiment = experiment;
    this.clock = clock;
    this.sleeper = sleeper;
    this.bus = bus;
    this.revertEvents = bus.tolerant();
    this.abort = abort;
    this.options = options;
    this.maxDurationEnd = clock.now().plus(experiment.abort().maxDuration());
    abort.onFirstTrigger(r -> bus.on(new TimelineEvent.AbortRequested(clock.stamp(), r.cause(),
        r.message())));
  }

  /** Every fault must be reverted by this instant (the window's end less its margin). */
  void revertBy(Instant instant) {
    revertBy = Optional.of(instant);
  }

  Optional<Instant> revertBy() {
    return revertBy;
  }

  void phase(Phase phase, Optional<String> step) {
    phase(phase, step, bus);
  }

  void phase(Phase phase, Optional<String> step, dev.gameday.core.event.EventListener to) {
    if (monitor != null) {
      monitor.phase(phase);
    }
    to.on(new TimelineEvent.PhaseStarted(clock.stamp(), phase, step));
  }

  /** Every active probe within its tolerance now, by the monitor and by the transitions seen. */
  boolean steadyNow() {
    return monitor.steady() && steady.allSteady(monitor.activeProbes());
  }

  /** Since when the application is whole again after a fault injected at {@code from}. */
  Optional<Instant> steadySince(Instant from) {
    return steady.allSteadySince(monitor.activeProbes(), from);
  }

  void note(Level level, String message) {
    bus.on(new TimelineEvent.Note(clock.stamp(), level, message));
  }

  /** Triggers the abort signal; the first reason is journaled by the signal's listener. */
  void abort(AbortCause cause, String message) {
    abort.trigger(cause, message);
  }

  /**
   * Lets {@code duration} pass, or less if the run is aborted or a deadline (max duration, window
   * closing) arrives first — those trigger the abort. Returns true if the run is aborted.
   */
  boolean waitFor(Duration duration) {
    Instant end = clock.now().plus(duration);
    return waitUntil(end, () -> false);
  }

  /**
   * Waits until {@code done} is true, {@code end} passes, or the run is aborted, looking every
   * poll interval. Returns true if the run is aborted.
   */
  boolean waitUntil(Instant end, BooleanSupplier done) {
    while (true) {
      if (abort.triggered()) {
        return true;
      }
      checkDeadlines();
      if (abort.triggered()) {
        return true;
      }
      if (done.getAsBoolean()) {
        return false;
      }
      Instant now = clock.now();
      if (!now.isBefore(end)) {
        return false;
      }
      Instant next = end;
      if (next.isAfter(maxDurationEnd)) {
        next = maxDurationEnd;
      }
      Optional<Instant> revertFrom = revertFrom();
      if (revertFrom.isPresent() && next.isAfter(revertFrom.get())) {
        next = revertFrom.get();
      }
      Duration slice = Duration.between(now, next);
      if (slice.compareTo(options.pollInterval()) > 0) {
        slice = options.pollInterval();
      }
      if (sleeper.sleep(slice.isNegative() ? Duration.ZERO : slice, abort)) {
        return true;
      }
    }
  }

  /**
   * When the reverts must start for every fault in force to be gone by {@link #revertBy}: that
   * instant less the planned revert time of each ({@link RunPlan#revertEstimate}).
   */
  private Optional<Instant> revertFrom() {
    Duration ahead = Duration.ZERO;
    for (InjectedFault f : injected) {
      ahead = ahead.plus(RunPlan.revertEstimate(f.step()));
    }
    Duration planned = ahead;
    return revertBy.map(by -> by.minus(planned));
  }

  private void checkDeadlines() {
    Instant now = clock.now();
    Optional<Instant> revertFrom = revertFrom();
    if (!now.isBefore(maxDurationEnd)) {
      abort(AbortCause.MAX_DURATION, "the run reached its maximum duration of "
          + experiment.abort().maxDuration());
    } else if (revertFrom.isPresent() && !now.isBefore(revertFrom.get())) {
      abort(AbortCause.WINDOW_CLOSING, "the maintenance window closes soon: every fault must be"
          + " reverted by " + revertBy.get() + ", and reverting what is in force is planned to"
          + " take " + Duration.between(revertFrom.get(), revertBy.get()));
    }
  }
}
