package dev.gameday.runner.cli;

import static dev.gameday.runner.cli.CliTest.cli;
import static dev.gameday.runner.cli.CliTest.repo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.runner.cli.CliTest.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's mistakes end with exit 2 or 3 and one line naming the fix: no stack trace, no run
 * directory left behind for a run that could not start, and {@code plan} needs nothing online.
 */
class FriendlyFailuresTest {
  @TempDir Path tmp;

  /** The sandbox example with a CA file that does not exist (no sandbox running). */
  private Path sandboxExperimentWithoutCa() throws IOException {
    String yaml = Files.readString(repo().resolve("experiments/sandbox/vm-poweroff.yaml"))
        .replace("${env:GAMEDAY_SANDBOX_CA:-../../.gameday-sandbox/ca.pem}", "no-sandbox/ca.pem");
    assertThat(yaml).contains("no-sandbox/ca.pem");
    return Files.writeString(tmp.resolve("vm-poweroff.yaml"), yaml);
  }

  private static void assertOneLineWithoutStackTrace(Result r) {
    assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
    assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception");
  }

  private static long entries(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return 0;
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.count();
    }
  }

  @Test
  void planOfASandboxExperimentWorksWithoutTheSandboxCaFile() throws IOException {
    Result r = cli("plan", sandboxExperimentWithoutCa().toString());

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("arm calls:").contains("powerOff");
  }

  @Test
  void runWithAMissingCaFileNamesTheFixAndLeavesNoRunDirectory() throws IOException {
    Path runs = tmp.resolve("runs");
    Result r = cli("run", sandboxExperimentWithoutCa().toString(), "--runs-dir", runs.toString());

    assertThat(r.exit()).isEqualTo(2);
    assertOneLineWithoutStackTrace(r);
    assertThat(r.err()).contains("azure.caFile").contains("no-sandbox/ca.pem")
        .contains("start the sandbox (scripts/sandbox start");
    assertThat(entries(runs)).isZero();
  }

  @Test
  void runOutsideTheWindowIsRefusedBeforeCredentialsAndLeavesNoRunDirectory() throws IOException {
    Path runs = tmp.resolve("runs");
    String yaml = Files.readString(sandboxExperimentWithoutCa())
        .replace("window: {timezone: UTC, schedule: \"* * * * *\", duration: PT1H, margin: PT1M}",
            "window: {timezone: UTC, schedule: \"0 2 1 1 *\", duration: PT2H, margin: PT1M}");
    assertThat(yaml).contains("0 2 1 1 *");
    Path file = Files.writeString(tmp.resolve("closed.yaml"), yaml);

    Result r = cli("run", file.toString(), "--runs-dir", runs.toString());

    // The CA file is missing too: the window is checked first, before anything else is tried.
    assertThat(r.exit()).isEqualTo(3);
    assertOneLineWithoutStackTrace(r);
    assertThat(r.err()).startsWith("gameday: not started: ").contains("--wait-for-window");
    assertThat(entries(runs)).isZero();
  }

  @Test
  void sweepOfACustomCloudWithoutAnEndpointAsksForOne() {
    Result r = cli("sweep", "--subscription", "00000000-0000-0000-0000-00000000da7a",
        "--cloud", "Custom");

    assertThat(r.exit()).isEqualTo(2);
    assertOneLineWithoutStackTrace(r);
    assertThat(r.err()).contains("--cloud Custom needs --endpoint");
  }

  @Test
  void anInternalErrorIsOneLineWithoutVerbose() throws Exception {
    var cli = Main.commandLine(false);
    var err = new java.io.StringWriter();
    cli.setErr(new java.io.PrintWriter(err, true));
    int exit = cli.getExecutionExceptionHandler().handleExecutionException(
        new IllegalStateException("boom"), cli, null);

    assertThat(exit).isEqualTo(ExitCodes.INTERNAL);
    assertThat(err.toString().strip().lines()).hasSize(1);
    assertThat(err.toString()).contains("boom").contains("-v");
  }
}
