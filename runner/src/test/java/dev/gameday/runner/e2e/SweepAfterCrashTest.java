package dev.gameday.runner.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A run with {@code flushConnections} killed during its hold leaves its rule and the NSG's flush
 * on. {@code sweep} reports both with the command that fixes them, leaves the rule alone while
 * it has not expired, and {@code sweep --fix} rolls the dead run back from its journal: the
 * sandbox is as it was, flush included.
 */
class SweepAfterCrashTest extends WithSandbox {
  @Test
  void sweepReportsWhatADeadRunLeftAndFixRestoresItAll() throws Exception {
    Path runs = tmp.resolve("sweep-runs");
    Map<String, String> env = GamedayProcess.env(sandbox, runs);
    Path log = tmp.resolve("sweep-run.log");
    Process run = GamedayProcess.start(env, log, "run", "experiments/sandbox/nsg-partition.yaml",
        "--runs-dir", runs.toString());
    Path journal = awaitPhase(runs, "HOLD", run, log);
    run.destroyForcibly().waitFor();
    assertThat(flushConnection()).as("the run turned the flush on").isTrue();

    String[] sweep = {"sweep", "--subscription", sandbox.subscriptionId(), "--endpoint",
        sandbox.armEndpoint().toString(), "--ca-file", sandbox.caFile().toString()};
    Path report = tmp.resolve("sweep.log");
    int exit = GamedayProcess.run(env, report, Duration.ofMinutes(1), sweep);

    String out = Files.readString(report);
    assertThat(exit).as(out).isEqualTo(5);
    assertThat(out).contains("LEFT_ALONE").contains("not expired until");
    assertThat(out).contains("flushConnection was false").contains("securityRule was absent")
        .contains("fix: gameday rollback " + journal.getParent());

    Path fixed = tmp.resolve("sweep-fix.log");
    String[] fix = java.util.stream.Stream.concat(java.util.Arrays.stream(sweep),
        java.util.stream.Stream.of("--fix")).toArray(String[]::new);
    int fixExit = GamedayProcess.run(env, fixed, Duration.ofMinutes(2), fix);

    assertThat(fixExit).as(Files.readString(fixed)).isZero();
    assertThat(Files.readString(fixed)).contains("FIXED");
    assertSandboxAsItWas();
    assertThat(flushConnection()).isFalse();
  }

  static boolean flushConnection() throws Exception {
    for (JsonNode nsg : state().path("networkSecurityGroups")) {
      if (nsg.path("id").asText().endsWith("/nsg-app")) {
        return nsg.path("flushConnection").asBoolean();
      }
    }
    throw new AssertionError("no nsg-app in the sandbox");
  }
}
