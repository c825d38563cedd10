package dev.gameday.runner.cli;

import dev.gameday.core.redact.TerminalText;
import dev.gameday.reports.history.History;
import dev.gameday.reports.history.RunSummary;
import dev.gameday.runner.engine.RunHead;
import dev.gameday.runner.engine.RunRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
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

/** {@code gameday history}: how an experiment's figures changed from run to run. */
@Command(name = "history", mixinStandardHelpOptions = true,
    description = "Compare the runs of an experiment over time (e.g. monthly game days), figure by "
        + "figure. Runs are found in the runs folder and its sub-folders.",
    footerHeading = "%nExamples:%n",
    footer = {"  gameday history --experiment shop-web-vm-poweroff",
        "  gameday history --runs-dir gameday-runs --output json"})
final class HistoryCommand implements Callable<Integer> {
  @Option(names = "--experiment", description = "The experiment's name (default: every experiment found).")
  String experiment;

  @Option(names = "--runs-dir", defaultValue = "${GAMEDAY_RUNS_DIR:-gameday-runs}",
      description = "Where runs are kept (default ${DEFAULT-VALUE}).")
  Path runsDir;

  @Mixin OutputOption output;

  @Mixin StoreOption store = new StoreOption();

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    boolean json = output.json();
    Optional<Map<String, History>> stored = FromStore.histories(store, runsDir);
    List<String> names = experiment != null ? List.of(experiment)
        : stored.map(m -> List.copyOf(m.keySet())).orElseGet(() -> new RunRegistry(runsDir).list()
            .stream().map(RunHead::experimentName).distinct().toList());
    if (json) {
      List<Map<String, Object>> all = new ArrayList<>();
      for (String name : names) {
        History h = history(stored, name);
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("experiment", name);
        e.put("runs", h.runs().stream().map(HistoryCommand::run).toList());
        e.put("changes", h.changes());
        all.add(e);
      }
      OutputOption.printJson(out, all);
      out.flush();
      return ExitCodes.OK;
    }
    if (names.isEmpty()) {
      out.println(FromStore.noRuns(store, runsDir));
    }
    for (String name : names) {
      History h = history(stored, name);
      out.println("== " + TerminalText.safe(name) + " (" + h.runs().size() + " run(s))");
      out.println(h.table());
      h.changes().forEach(c -> out.println("  " + c));
      out.println();
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** From the store's histories when there is a store, else from the runs folder. */
  private History history(Optional<Map<String, History>> stored, String name) throws IOException {
    return stored.isPresent() ? stored.get().getOrDefault(name, new History(List.of()))
        : Wiring.history(runsDir, name);
  }

  private static Map<String, Object> run(RunSummary r) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("runDir", r.runDir().toString());
    e.put("runId", r.runId());
    e.put("started", r.started().orElse(null));
    e.put("verdict", r.verdict().name());
    e.put("steps", r.steps());
    return e;
  }
}
