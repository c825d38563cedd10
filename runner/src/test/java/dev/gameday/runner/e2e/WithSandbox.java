package dev.gameday.runner.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gameday.sandbox.Sandbox;
import dev.gameday.sandbox.SandboxConfig;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.time.Duration;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the tests that run the real CLI against the sandbox: one sandbox per test class at
 * speed × 20 (as {@code scripts/demo} runs it), a fresh world before each test, and the check
 * that a run left the sandbox as it found it.
 */
abstract class WithSandbox {
  static final double SPEED = 20;
  static Sandbox sandbox;
  @TempDir static Path tmp;

  @BeforeAll
  static void startSandbox() throws Exception {
    sandbox = Sandbox.start(SandboxConfig.defaults().withSpeed(SPEED).withStateDir(tmp.resolve("sandbox")));
  }

  @AfterAll
  static void stopSandbox() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  @BeforeEach
  void freshWorld() {
    sandbox.knobs().resetWorld();
  }

  static JsonNode state() throws Exception {
    return new ObjectMapper().readTree(sandbox.knobs().state());
  }

  /** Every shop VM running, no Gameday NSG rule, no test failover left up. */
  static void assertSandboxAsItWas() throws Exception {
    JsonNode state = state();
    for (JsonNode vm : state.path("virtualMachines")) {
      if (vm.path("id").asText().contains("rg-shop-weu")) {
        assertThat(vm.path("powerState").asText()).as(vm.path("id").asText()).isEqualTo("PowerState/running");
      }
    }
    for (JsonNode nsg : state.path("networkSecurityGroups")) {
      for (JsonNode rule : nsg.path("rules")) {
        assertThat(rule.path("name").asText()).doesNotStartWith("gameday-");
      }
    }
    for (JsonNode plan : state.path("recoveryPlans")) {
      assertThat(plan.path("allowedOperations").toString()).as("no test failover left up")
          .contains("\"TestFailover\"");
    }
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
