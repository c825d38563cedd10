package dev.gameday.runner.cli;

import dev.gameday.reports.evidence.Verification;
import dev.gameday.reports.evidence.Verifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gameday verify RUN_DIR}: checks a run's files against its evidence manifest. */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = {"Walk the journal's hash chain and recompute the SHA-256 of the experiment and",
        "reports, comparing both with evidence.json. Exit 0 when every file is as recorded, 1 on",
        "any change or missing file (each named with its file, and for the journal its line)."})
final class VerifyCommand implements Callable<Integer> {
  @Parameters(paramLabel = "RUN_DIR", description = "The run's directory.")
  Path runDir;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Verification result = Verifier.verify(runDir);
    result.notes().forEach(n -> out.println(runDir + ": note: " + n));
    if (result.passed()) {
      out.println(runDir + ": every file matches evidence.json");
      out.flush();
      return ExitCodes.OK;
    }
    out.flush();
    PrintWriter err = spec.commandLine().getErr();
    result.problems().forEach(m -> err.println(runDir + ": " + m));
    err.println(runDir + ": VERIFICATION FAILED (" + result.problems().size() + " problem(s))");
    err.flush();
    return ExitCodes.VERIFICATION_FAILED;
  }
}
