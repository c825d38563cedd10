package dev.gameday.runner.cli;

import dev.gameday.runner.engine.RunDirectory;
import dev.gameday.runner.engine.RunHead;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gameday abort RUN_DIR}: asks a running run to stop and revert, from another terminal.
 * It drops an {@code abort} file that the run looks for every 50 ms.
 */
@Command(name = "abort", mixinStandardHelpOptions = true,
    description = "Ask a running experiment to stop and revert everything (from another terminal). The "
        + "run notices within 50 ms, reverts in reverse order and exits 4.",
    footerHeading = "%nExamples:%n",
    footer = {"  gameday abort gameday-runs/<run>"})
final class AbortCommand implements Callable<Integer> {
  @Parameters(paramLabel = "RUN_DIR", description = "The run's directory (see 'gameday runs').")
  Path runDir;

  @Option(names = "--reason", defaultValue = "", description = "Why; written to the journal.")
  String reason;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    RunHead run = RunDirs.read(runDir);
    if (run.finished()) {
      spec.commandLine().getOut().println(runDir + ": the run has already finished ("
          + run.outcome().get() + "); nothing to abort");
      return ExitCodes.OK;
    }
    Files.writeString(runDir.resolve(RunDirectory.ABORT_FILE), reason, StandardCharsets.UTF_8);
    spec.commandLine().getOut().println(runDir + ": abort requested; the run reverts and exits."
        + " If no run process is alive any more, use 'gameday rollback " + runDir + "'.");
    return ExitCodes.OK;
  }
}
