package dev.gameday.runner.cli;

import dev.gameday.reports.history.History;
import dev.gameday.runner.engine.RunHead;
import dev.gameday.runner.engine.RunRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gameday history}: how an experiment's figures changed from run to run. */
@Command(name = "history", mixinStandardHelpOptions = true,
    description = "Compare the runs of an experiment over time (e.g. monthly game days), figure by figure.")
final class HistoryCommand implements Callable<Integer> {
  @Option(names = "--experiment", description = "The experiment's name (default: every experiment found).")
  String experiment;

  @Option(names = "--runs-dir", defaultValue = "${GAMEDAY_RUNS_DIR:-gameday-runs}",
      description = "Where runs are kept (default ${DEFAULT-VALUE}).")
  Path runsDir;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    List<String> names = experiment != null ? List.of(experiment)
        : new RunRegistry(runsDir).list().stream().map(RunHead::experimentName).distinct().toList();
    if (names.isEmpty()) {
      out.println("no runs under " + runsDir);
    }
    for (String name : names) {
      History h = Wiring.history(runsDir, name);
      out.println("== " + name + " (" + h.runs().size() + " run(s))");
      out.println(h.table());
      h.changes().forEach(c -> out.println("  " + c));
      out.println();
    }
    out.flush();
    return ExitCodes.OK;
  }
}
