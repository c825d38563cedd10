package dev.gameday.runner.cli;

import dev.gameday.core.event.RunOutcome;
import dev.gameday.core.port.TargetLease;
import dev.gameday.core.redact.TerminalText;
import dev.gameday.runner.engine.RunHead;
import dev.gameday.runner.engine.RunRecord;
import java.io.IOException;
import dev.gameday.runner.engine.RunRegistry;
import dev.gameday.runner.lock.RunLiveness;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gameday runs}: lists runs and flags the unfinished ones. */
@Command(name = "runs", mixinStandardHelpOptions = true,
    description = "List runs, oldest first, also those in sub-folders of the runs folder (such as "
        + "the demo's gameday-runs/demo-.../). INCOMPLETE marks a run without an end in its journal: "
        + "'running' while its process lives (pid and heartbeat shown), else 'not running' - "
        + "killed: then 'gameday rollback RUN_DIR' reverts what it left.",
    footerHeading = "%nExamples:%n",
    footer = {"  gameday runs",
        "  gameday runs --runs-dir /var/lib/gameday/runs --output json"})
final class RunsCommand implements Callable<Integer> {
  @Option(names = "--runs-dir", defaultValue = "${GAMEDAY_RUNS_DIR:-gameday-runs}",
      description = "Where runs are kept (default ${DEFAULT-VALUE}).")
  Path runsDir;

  @Mixin OutputOption output;

  @Mixin StoreOption store = new StoreOption();

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    boolean json = output.json();
    FromStore.pullAll(store, runsDir);
    List<TargetLease.Hold> holds = FromStore.holds(store);
    List<RunHead> runs = new RunRegistry(runsDir).list();
    if (json) {
      OutputOption.printJson(out, runs.stream().map(RunsCommand::entry).toList());
      out.flush();
      return ExitCodes.OK;
    }
    if (runs.isEmpty()) {
      out.println(FromStore.noRuns(store, runsDir));
    }
    for (RunHead r : runs) {
      String state = r.outcome().map(o -> o + " (exit " + o.exitCode() + ")")
          .orElseGet(() -> "INCOMPLETE (no end in its journal) - " + Unfinished.of(r).text()
              + leased(r, holds));
      out.printf("%-20s  %-28s  %s  %s%n", r.started().toString().substring(0, 19) + "Z",
          TerminalText.safe(r.experimentName()), state, r.dir());
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static Map<String, Object> entry(RunHead r) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("runDir", r.dir().toString());
    e.put("runId", r.runId());
    e.put("experiment", r.experimentName());
    e.put("started", r.started());
    e.put("finished", r.finished());
    e.put("outcome", r.outcome().map(Enum::name).orElse(null));
    e.put("exitCode", r.outcome().map(RunOutcome::exitCode).orElse(null));
    if (r.outcome().isEmpty()) {
      Unfinished u = Unfinished.of(r);
      e.put("running", u.state().live());
      e.put("pid", u.state().pid().orElse(null));
      e.put("activity", u.state().activity().orElse(null));
      e.put("heartbeat", u.state().heartbeat().orElse(null));
      e.put("mayHoldFaults", u.mayHoldFaults().orElse(null));
      e.put("rollback", u.mayHoldFaults().orElse(false) ? "gameday rollback " + r.dir() : null);
    }
    return e;
  }

  /** Where a run's leases in the store say it holds resources: its host, and if it renews. */
  private static String leased(RunHead r, List<TargetLease.Hold> holds) {
    return holds.stream().filter(h -> h.holder().runId().equals(r.runId())).findFirst()
        .map(h -> "; holds its targets from host " + h.holder().host() + " (pid "
            + h.holder().pid() + ", lease " + (h.live() ? "renewed: running there"
                : "expired: the runner died") + ")")
        .orElse("");
  }

  /**
   * An unfinished run is either running (its process holds the run directory) or dead; only a
   * dead one is read whole, to tell whether it left changes that are not confirmed undone
   * ({@code mayHoldFaults} is empty while it runs, and true when its journal is unreadable).
   */
  private record Unfinished(RunLiveness.State state, Optional<Boolean> mayHoldFaults,
      String text) {
    static Unfinished of(RunHead r) {
      RunLiveness.State live = RunLiveness.probe(r.dir());
      String now = live.describe(Instant.now());
      if (live.live()) {
        return new Unfinished(live, Optional.empty(), now);
      }
      try {
        RunRecord record = RunRecord.read(r.dir());
        boolean holds = record.holdsChanges() || (record.changes().isEmpty()
            && !record.injectedSteps().isEmpty());
        return new Unfinished(live, Optional.of(holds), now + "; " + (holds
            ? "may hold faults; run 'gameday rollback " + r.dir() + "'"
            : "nothing left injected"));
      } catch (IOException e) {
        return new Unfinished(live, Optional.of(true), "unreadable journal (" + e.getMessage()
            + "); run 'gameday rollback " + r.dir() + "'");
      }
    }
  }
}
