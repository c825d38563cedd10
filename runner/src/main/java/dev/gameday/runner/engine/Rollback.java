package dev.gameday.runner.engine;

import dev.gameday.core.event.EventListener;
import dev.gameday.core.event.Phase;
import dev.gameday.core.event.RunOutcome;
import dev.gameday.core.event.TimelineEvent;
import dev.gameday.core.journal.JournalFormat;
import dev.gameday.core.journal.JournalWriter;
import dev.gameday.core.model.Experiment;
import dev.gameday.core.model.FaultStep;
import dev.gameday.core.port.Fault;
import dev.gameday.core.port.Platform;
import dev.gameday.core.port.RunClock;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reverts whatever a run left injected — after {@code kill -9}, a power cut, or a revert that
 * failed — from its journal alone. A fault that records its changes ({@code change.recorded})
 * restores exactly the changes whose restore the journal does not confirm; for other faults,
 * every step that was requested and whose resources the platform did not report restored is
 * reverted. Newest first. Events are appended to the same journal, ending with a
 * {@code run.finished}; a finished run with nothing left to restore is left untouched, so a
 * second rollback changes nothing.
 */
public final class Rollback {
  private final Function<Experiment, Platform> platforms;
  private final RunClock clock;
  private final EngineOptions options;

  public Rollback(Function<Experiment, Platform> platforms, RunClock clock,
      EngineOptions options) {
    this.platforms = platforms;
    this.clock = clock;
    this.options = options;
  }

  /**
   * Rolls the run in {@code runDir} back; the result lists any revert that still failed.
   *
   * @param experiment the experiment as the run used it (its copy in the run directory)
   */
  public RunResult rollback(Path runDir, Experiment experiment, List<EventListener> listeners)
      throws IOException {
    RunRecord run = RunRecord.read(runDir);
    try (Platform platform = platforms.apply(experiment)) {
      List<InjectedFault> pending = pending(run, experiment, platform);
      if (run.finished() && pending.isEmpty()) {
        return new RunResult(run.outcome().get(), "nothing left to revert; the run had finished: "
            + run.outcome().get(), runDir, List.of());
      }
      try (JournalWriter writer = JournalWriter.append(runDir.resolve(JournalFormat.FILE_NAME),
          run.lastSeq())) {
        return revert(run, experiment, pending, writer, listeners);
      }
    }
  }

  private RunResult revert(RunRecord run, Experiment experiment, List<InjectedFault> pending,
      JournalWriter writer, List<EventListener> listeners) {
    EventBus bus = new EventBus(writer::append);
    listeners.forEach(bus::add);
    RunContext ctx = new RunContext(run.runId(), experiment, clock, Sleeper.REAL, bus,
        new AbortSignal(), options);
    // The run was cut off: its report says INCOMPLETE, with this rollback as the cause.
    ctx.phase(Phase.ROLLBACK, Optional.empty());
    List<String> names = pending.stream().map(f -> f.step().name()).toList();
    ctx.note(TimelineEvent.Level.INFO, pending.isEmpty() ? "rollback: nothing left to revert"
        : "rollback: reverting " + String.join(", ", names));
    // pending is in injection order, so the stack reverts the newest first.
    pending.forEach(ctx.injected::push);
    new RevertPhase().revertAll(ctx);
    boolean clean = ctx.revertFailures.isEmpty();
    RunOutcome outcome = clean ? RunOutcome.ABORTED : RunOutcome.REVERT_INCOMPLETE;
    String summary = clean
        ? "rolled back by 'gameday rollback': " + (pending.isEmpty()
            ? "nothing was left injected" : "reverted " + String.join(", ", names))
        : "rollback incomplete:\n  " + String.join("\n  ", ctx.revertFailures);
    bus.on(new TimelineEvent.RunFinished(clock.stamp(), outcome, outcome.exitCode(), summary));
    return new RunResult(outcome, summary, run.dir(), List.copyOf(ctx.revertFailures));
  }

  /** The faults still to revert, in injection order, each primed with its unrestored record. */
  static List<InjectedFault> pending(RunRecord run, Experiment experiment, Platform platform) {
    List<InjectedFault> out = new ArrayList<>();
    for (String name : run.injectedSteps()) {
      FaultStep step = experiment.fault(name).orElse(null);
      if (step == null) {
        continue;
      }
      Fault fault = platform.fault(step, run.targets(), run.runId());
      if (fault.recordsChanges()) {
        List<TimelineEvent.ChangeRecorded> left = run.unrestored(name);
        if (!left.isEmpty()) {
          fault.restoreFrom(left);
          out.add(new InjectedFault(step, fault));
        }
      } else if (!restoredEverywhere(run, step)) {
        out.add(new InjectedFault(step, fault));
      }
    }
    return out;
  }

  /** For faults that record nothing: every target resource reported restored by the platform. */
  private static boolean restoredEverywhere(RunRecord run, FaultStep step) {
    Set<String> restored = run.restored().getOrDefault(step.name(), Set.of());
    Set<String> needed = new HashSet<>();
    step.action().target().ifPresent(t -> needed.addAll(run.targets().getOrDefault(t, List.of())));
    return !restored.isEmpty() && restored.containsAll(needed);
  }
}
