package dev.gameday.runner.cli;

import dev.gameday.core.model.ReportOptions.Format;
import dev.gameday.runner.engine.RunDirectory;
import dev.gameday.runner.engine.RunHead;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gameday report RUN_DIR}: renders a run's reports again from its journal. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Render a run's reports again from its journal (after an upgrade, or for a run",
        "that was killed). Rewrites evidence.json so it matches the new files."})
final class ReportCommand implements Callable<Integer> {
  @Parameters(paramLabel = "RUN_DIR", description = "The run's directory.")
  Path runDir;

  @Option(names = "--format", split = ",", description = "Formats: html, md, json, junit (default: all).")
  List<Format> formats;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    RunHead run = RunDirs.read(runDir);
    Set<Format> wanted = formats == null || formats.isEmpty() ? EnumSet.allOf(Format.class)
        : EnumSet.copyOf(formats);
    List<Path> written = Wiring.renderReports(runDir, run.experimentName(), wanted,
        runDir.resolve(RunDirectory.EXPERIMENT_COPY));
    written.forEach(p -> spec.commandLine().getOut().println("report: " + p));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
