package dev.gameday.runner.cli;

import dev.gameday.core.model.ReportOptions.Format;
import dev.gameday.reports.ReportWriter;
import dev.gameday.reports.evidence.EvidenceManifest;
import dev.gameday.runner.engine.RunDirectory;
import dev.gameday.runner.engine.RunRecord;
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
    RunRecord run = RunDirs.read(runDir);
    Set<Format> wanted = formats == null || formats.isEmpty() ? EnumSet.allOf(Format.class)
        : EnumSet.copyOf(formats);
    List<Path> written = new ReportWriter(VersionProvider.version()).write(runDir, wanted,
        Wiring.previousRuns(runDir, run.experimentName()));
    EvidenceManifest.write(runDir, runDir.resolve(RunDirectory.EXPERIMENT_COPY), VersionProvider.version());
    written.forEach(p -> spec.commandLine().getOut().println("report: " + p));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
