package dev.gameday.runner.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gameday.sandbox.Sandbox;
import dev.gameday.sandbox.SandboxConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real child process runs an experiment against the sandbox and is killed with SIGKILL in a
 * given phase; {@code gameday rollback} must then leave the sandbox as it was: no Gameday rule,
 * every VM running — asserted through the sandbox's own view of the world.
 */
class CrashRollbackTest extends WithSandbox {
  @ParameterizedTest(name = "{0} killed in {1}")
  @CsvSource({
      "vm-poweroff, BASELINE",
      "vm-poweroff, INJECT",
      "vm-poweroff, HOLD",
      "vm-poweroff, REVERT",
      "nsg-partition, HOLD",
      "nsg-partition, RECOVERY",
      "nsg-partition, VERIFY",
      "region-failover, HOLD",
  })
  void rollbackAfterSigkillLeavesTheSandboxAsItWas(String experiment, String phase) throws Exception {
    Path runs = tmp.resolve(experiment + "-" + phase);
    Map<String, String> env = GamedayProcess.env(sandbox, runs);
    Path log = tmp.resolve(experiment + "-" + phase + ".log");
    Process run = GamedayProcess.start(env, log, "run", "experiments/sandbox/" + experiment + ".yaml",
        "--runs-dir", runs.toString());
    Path journal = awaitPhase(runs, phase, run, log);
    run.destroyForcibly().waitFor();   // SIGKILL: no revert, no shutdown hook

    assertThat(Files.readString(journal)).doesNotContain("\"type\":\"run.finished\"");
    Path dir = journal.getParent();
    Path rollbackLog = tmp.resolve(experiment + "-" + phase + "-rollback.log");
    int exit = GamedayProcess.run(env, rollbackLog, Duration.ofMinutes(2), "rollback", dir.toString());

    assertThat(exit).as(Files.readString(rollbackLog)).isZero();
    assertThat(Files.readString(journal)).contains("\"type\":\"run.finished\"");
    assertSandboxAsItWas();
    int again = GamedayProcess.run(env, rollbackLog, Duration.ofMinutes(1), "rollback", dir.toString());
    assertThat(again).as("rollback is idempotent").isZero();
  }

  /** Waits (bounded) until the run's journal shows the phase starting; returns the journal. */
  static Path awaitPhase(Path runs, String phase, Process run, Path log) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    String marker = "\"phase\":\"" + phase + "\"";
    while (System.nanoTime() < deadline) {
      if (Files.isDirectory(runs)) {
        try (Stream<Path> dirs = Files.list(runs)) {
          for (Path d : dirs.toList()) {
            Path j = d.resolve("journal.jsonl");
            if (Files.exists(j) && Files.readString(j).contains(marker)) {
              return j;
            }
          }
        }
      }
      if (!run.isAlive()) {
        throw new AssertionError("the run ended before phase " + phase + ":\n" + Files.readString(log));
      }
      Thread.sleep(20);
    }
    throw new AssertionError("phase " + phase + " never started:\n" + Files.readString(log));
  }
}
