package dev.gameday.runner.cli;

import dev.gameday.reports.evidence.Verification;
import dev.gameday.reports.evidence.Verifier;
import dev.gameday.reports.evidence.sign.PublicKeys;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.nio.file.Files;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gameday verify RUN_DIR}: checks a run's files against its evidence manifest. */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = "Walk the journal's hash chain and recompute the SHA-256 of the experiment and "
        + "reports, comparing both with the evidence records (evidence.json and any re-render "
        + "records), and check each record's signature. Exit 0 when every file is as recorded, 1 "
        + "on any change, missing file or bad signature (each named with its file, and for the "
        + "journal its line).",
    footerHeading = "%nExamples:%n",
    footer = {"  gameday verify gameday-runs/<run>"})
final class VerifyCommand implements Callable<Integer> {
  @Parameters(paramLabel = "RUN_DIR", description = "The run's directory.")
  Path runDir;

  @Option(names = "--key", paramLabel = "PUBLIC.pem",
      description = "The operator's public key: every evidence record must carry a valid signature"
          + " by this key.")
  Path key;

  @Mixin StoreOption store = new StoreOption();

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Optional<PublicKey> expected;
    try {
      expected = key == null ? Optional.empty() : Optional.of(PublicKeys.read(key));
    } catch (IllegalArgumentException | IOException e) {
      throw new GamedayException(ExitCodes.INVALID, "--key: " + e.getMessage());
    }
    Verification result;
    if (store.given()) {
      // The store's bytes, fetched afresh: never a local copy that may differ from them.
      Path fetched = Files.createTempDirectory("gameday-verify-");
      try {
        Path copy = fetched.resolve(FromStore.name(runDir));
        FromStore.pull(store, copy);
        out.println(runDir + ": verifying the copy in the run store " + store.url);
        result = Verifier.verify(copy, expected);
      } finally {
        try (var files = Files.walk(fetched)) {
          files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
      }
    } else {
      result = Verifier.verify(runDir, expected);
    }
    result.notes().forEach(n -> out.println(runDir + ": note: " + n));
    if (result.passed()) {
      out.println(runDir + ": every file matches its evidence record"
          + (key == null ? "" : ", signed by the key given"));
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
