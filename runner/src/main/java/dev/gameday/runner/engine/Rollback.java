package dev.gameday.runner.engine;

import dev.gameday.core.event.Phase;
import dev.gameday.core.event.RunOutcome;
import dev.gameday.core.event.TimelineEvent;
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
 * failed — from its journal alone. Every step that was requested and whose resources the platform
 * did not report restored is reverted, newest first; reverting is idempotent, so running it twice
 * is safe. Events are appended to the same journal, ending with a {@code run.finished}.
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
  public RunResult rollback(Path runDir, Experiment experiment,
      List<dev.gameday.core.event.EventListener> listeners) throws IOException {
    RunRecord run = RunRecord.read(runDir);
    List<FaultStep> pending = pendingSteps(run, experiment);
    try (JournalWriter writer = JournalWriter.append(runDir.resolve(
        dev.gameday.core.journal.JournalFormat.FILE_NAME), run.lastSeq());
        Platform platform = platforms.apply(experiment)) {
      EventBus bus = new EventBus(writer::append);
      listeners.forEach(bus::add);
      RunContext ctx = new RunContext(run.runId(), experiment, clock, Sleeper.REAL, bus,
          new AbortSignal(), options);
      if (!run.finished() || !pending.isEmpty()) {
        // The run was cut off: its report says INCOMPLETE, with this rollback as the cause.
        ctx.phase(Phase.ROLLBACK, Optional.empty());
      }
      ctx.note(TimelineEvent.Level.INFO, pending.isEmpty()
          ? "rollback: nothing left to revert"
          : "rollback: reverting " + String.join(", ", pending.stream().map(FaultStep::name).toList()));
      RevertPhase revert = new RevertPhase();
      for (FaultStep step : pending) {
        Fault fault = platform.fault(step, run.targets(), run.runId());
        ctx.injected.push(new InjectedFault(step, fault));
      }
      // pendingSteps is in injection order, so the stack reverts the newest first.
      revert.revertAll(ctx);
      RunOutcome outcome = ctx.revertFailures.isEmpty() ? RunOutcome.ABORTED
          : RunOutcome.REVERT_INCOMPLETE;
      String summary = ctx.revertFailures.isEmpty()
          ? "rolled back by 'gameday rollback': " + (pending.isEmpty() ? "nothing was left injected"
              : "reverted " + pending.size() + " step(s)")
          : "rollback incomplete:\n  " + String.join("\n  ", ctx.revertFailures);
      if (!run.finished() || !ctx.revertFailures.isEmpty() || !pending.isEmpty()) {
        bus.on(new TimelineEvent.RunFinished(clock.stamp(), outcome, outcome.exitCode(), summary));
      }
      return new RunResult(ctx.revertFailures.isEmpty() && run.finished() && pending.isEmpty()
          ? run.outcome().get() : outcome, summary, runDir, List.copyOf(ctx.revertFailures));
    }
  }

  /** Steps the journal shows requested but not restored on every resource, in injection order. */
  static List<FaultStep> pendingSteps(RunRecord run, Experiment experiment) {
    List<FaultStep> out = new ArrayList<>();
    for (String name : run.injectedSteps()) {
      FaultStep step = experiment.fault(name).orElse(null);
      if (step == null) {
        continue;
      }
      Set<String> restored = run.restored().getOrDefault(name, Set.of());
      Set<String> needed = new HashSet<>();
      step.action().target().ifPresent(t -> needed.addAll(run.targets().getOrDefault(t, List.of())));
      boolean done = !restored.isEmpty() && restored.containsAll(needed);
      if (!done) {
        out.add(step);
      }
    }
    return out;
  }
}
