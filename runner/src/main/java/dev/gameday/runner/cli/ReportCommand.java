package dev.gameday.runner.cli;

import dev.gameday.core.model.Experiment;
import dev.gameday.core.model.ReportOptions.Format;
import dev.gameday.core.port.EvidenceSigner;
import dev.gameday.reports.evidence.EvidenceRecords;
import dev.gameday.runner.engine.RunDirectory;
import dev.gameday.runner.engine.RunHead;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gameday report RUN_DIR}: renders a run's reports again from its journal. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Render a run's reports again from its journal (after an upgrade, or for a run that "
        + "was killed). Refuses a journal whose hash chain is broken (exit 1). Never rewrites "
        + "evidence.json: adds evidence-rerender-N.json (signed with --sign-key), marked as a "
        + "re-render and naming the record before it.",
    footerHeading = "%nExamples:%n",
    footer = {"  gameday report gameday-runs/<run>",
        "  gameday report gameday-runs/<run> --sign-key operator-key.pem"})
final class ReportCommand implements Callable<Integer> {
  @Parameters(paramLabel = "RUN_DIR", description = "The run's directory.")
  Path runDir;

  @Option(names = "--format", split = ",", description = "Formats: html, md, json, junit (default: all).")
  List<Format> formats;

  @Mixin SigningOptions signing = new SigningOptions();

  @Mixin StoreOption store = new StoreOption();

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    FromStore.pull(store, runDir);
    RunHead run = RunDirs.read(runDir);
    Set<Format> wanted = formats == null || formats.isEmpty() ? EnumSet.allOf(Format.class)
        : EnumSet.copyOf(formats);
    Optional<EvidenceSigner> signer = Wiring.signer(signing,
        () -> experimentOf(run).azure());
    List<Path> written = Wiring.renderReports(runDir, run.experimentName(), wanted,
        runDir.resolve(RunDirectory.EXPERIMENT_COPY), EvidenceRecords.Kind.RE_RENDER, signer);
    FromStore.push(store, runDir, spec.commandLine().getErr());
    written.forEach(p -> spec.commandLine().getOut().println("report: " + p));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  /** The run's experiment copy, read only when a Key Vault key needs its Azure settings. */
  private static Experiment experimentOf(RunHead run) {
    try {
      return RollbackCommand.experimentOf(run);
    } catch (IOException e) {
      throw new GamedayException(ExitCodes.INVALID, run.dir() + ": " + e.getMessage());
    }
  }
}
