package dev.gameday.runner.cli;

import dev.gameday.reports.evidence.Verifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gameday verify RUN_DIR}: checks a run's files against its evidence manifest. */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = {"Recompute the SHA-256 of a run's journal, experiment and reports and compare them",
        "with evidence.json. Exit 0 when every file matches, 1 on any change or missing file."})
final class VerifyCommand implements Callable<Integer> {
  @Parameters(paramLabel = "RUN_DIR", description = "The run's directory.")
  Path runDir;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    List<String> mismatches = Verifier.verify(runDir);
    if (mismatches.isEmpty()) {
      out.println(runDir + ": every file matches evidence.json");
      out.flush();
      return ExitCodes.OK;
    }
    PrintWriter err = spec.commandLine().getErr();
    mismatches.forEach(m -> err.println(runDir + ": " + m));
    err.println(runDir + ": VERIFICATION FAILED (" + mismatches.size() + " mismatch(es))");
    err.flush();
    return 1;
  }
}
