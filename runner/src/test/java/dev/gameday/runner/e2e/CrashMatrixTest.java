package dev.gameday.runner.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.core.journal.JournalReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The crash matrix: a real child process runs a sandbox experiment and dies as on {@code kill -9}
 * right after its journal has written a given event ({@code GAMEDAY_CRASH_AFTER}), for each
 * journal event type of each fault kind (and the baseline and verify phases, which follow the
 * probes' warm-up: {@code phase.started#3} and {@code #8}); {@code gameday rollback} must then
 * leave the sandbox's world exactly as it was before the run — power states, NSG rules and
 * flush, recovery plans — and a second rollback must change nothing. The experiments are the sandbox ones with a short
 * baseline and hold.
 *
 * <p>The CI runs the nine cases that reach a distinct restore path, to stay within its budget;
 * {@code -Dgameday.crashMatrix=full} runs all {@value #FULL_CASES} (1538 s measured on two cores
 * shared with four other builds): {@code ./mvnw verify -pl runner -Dtest=CrashMatrixTest
 * -Dgameday.crashMatrix=full};
 * any other value runs the cases that contain it (e.g. {@code =region-failover}).
 */
class CrashMatrixTest extends WithSandbox {
  static final int FULL_CASES = 30;

  /** Cases that reach a distinct restore path each. */
  private static final List<String> CI = List.of(
      "vm-poweroff, change.recorded#2",
      "vm-poweroff, operation.accepted",
      "vm-poweroff, revert.requested",
      "vm-poweroff, phase.started#8",
      "nsg-partition, change.recorded",
      "nsg-partition, change.recorded#2",
      "nsg-partition, change.restored",
      "region-failover, change.recorded",
      "region-failover, fault.effective");

  /** Each event type the journal of each experiment holds from the baseline on, in its order. */
  private static final List<String> FULL = List.of(
      "vm-poweroff, phase.started#3",
      "vm-poweroff, fault.requested",
      "vm-poweroff, change.recorded",
      "vm-poweroff, change.recorded#2",
      "vm-poweroff, operation.accepted",
      "vm-poweroff, platform.health",
      "vm-poweroff, fault.effective",
      "vm-poweroff, revert.requested",
      "vm-poweroff, change.restored",
      "vm-poweroff, platform.restored",
      "vm-poweroff, phase.started#8",
      "nsg-partition, fault.requested",
      "nsg-partition, change.recorded",
      "nsg-partition, change.recorded#2",
      "nsg-partition, operation.accepted",
      "nsg-partition, fault.effective",
      "nsg-partition, revert.requested",
      "nsg-partition, change.restored",
      "nsg-partition, platform.restored",
      "region-failover, fault.requested",
      "region-failover, change.recorded",
      "region-failover, operation.accepted",
      "region-failover, change.recorded#2",
      "region-failover, platform.task",
      "region-failover, siterecovery.job",
      "region-failover, fault.effective",
      "region-failover, platform.restored",
      "region-failover, revert.requested",
      "region-failover, operation.accepted#2",
      "region-failover, change.restored");

  /** The CI cases; with {@code -Dgameday.crashMatrix=full} all, with any other value the cases containing it. */
  static Stream<Arguments> cases() {
    String choice = System.getProperty("gameday.crashMatrix", "");
    List<String> cases = choice.isEmpty() ? CI : choice.equals("full") ? FULL
        : FULL.stream().filter(c -> c.contains(choice)).toList();
    return cases.stream().map(c -> c.split(", ")).map(c -> Arguments.of(c[0], c[1]));
  }

  @Test
  void theFullMatrixHasEveryCaseOfTheCiSubset() {
    assertThat(FULL).hasSize(FULL_CASES).containsAll(CI).doesNotHaveDuplicates();
  }

  @ParameterizedTest(name = "{0} killed after {1}")
  @MethodSource("cases")
  void rollbackAfterACrashAtThisEventLeavesTheWorldAsItWas(String experiment, String event)
      throws Exception {
    Map<String, String> before = world();
    String name = experiment + "-" + event.replace('#', '-');
    Path runs = tmp.resolve(name);
    Map<String, String> env = new java.util.HashMap<>(GamedayProcess.env(sandbox, runs));
    env.put("GAMEDAY_CRASH_AFTER", event);
    Path log = tmp.resolve(name + ".log");

    Process run = GamedayProcess.start(env, log, "run", shortened(experiment), "--runs-dir",
        runs.toString());
    if (!run.waitFor(2, TimeUnit.MINUTES)) {
      run.destroyForcibly().waitFor();
      throw new AssertionError("the run never reached " + event + ":\n" + Files.readString(log));
    }
    assertThat(run.exitValue()).as("killed right after " + event + ":\n" + Files.readString(log))
        .isEqualTo(137);
    Path dir = runDir(runs);
    String type = event.contains("#") ? event.substring(0, event.indexOf('#')) : event;
    List<String> lines = Files.readAllLines(dir.resolve("journal.jsonl"));
    assertThat(lines.getLast()).contains("\"type\":\"" + type + "\"");

    env.remove("GAMEDAY_CRASH_AFTER");
    Path rollbackLog = tmp.resolve(name + "-rollback.log");
    int exit = GamedayProcess.run(env, rollbackLog, Duration.ofMinutes(2), "rollback",
        dir.toString());

    assertThat(exit).as(Files.readString(rollbackLog)).isZero();
    assertThat(world()).as("the world after rollback").isEqualTo(before);
    long size = Files.size(dir.resolve("journal.jsonl"));
    int again = GamedayProcess.run(env, rollbackLog, Duration.ofMinutes(1), "rollback",
        dir.toString());
    assertThat(again).as("rollback is idempotent").isZero();
    assertThat(Files.size(dir.resolve("journal.jsonl"))).as("a second rollback writes nothing")
        .isEqualTo(size);
    assertThat(new JournalReader().readAll(dir.resolve("journal.jsonl")).getLast().event())
        .isInstanceOf(dev.gameday.core.event.TimelineEvent.RunFinished.class);
  }

  /** The sandbox experiment with a 1 s baseline and a 3 s hold (5 s for the failover). */
  static String shortened(String experiment) throws Exception {
    Path copy = tmp.resolve(experiment + "-short.yaml");
    if (!Files.exists(copy)) {
      String yaml = Files.readString(GamedayProcess.repo().resolve("experiments/sandbox/"
          + experiment + ".yaml"));
      String shorter = yaml.replace("baseline: PT5S", "baseline: PT1S")
          .replaceAll("hold: PT\\d+S", experiment.equals("region-failover") ? "hold: PT5S"
              : "hold: PT3S");
      if (shorter.equals(yaml)) {
        throw new AssertionError(experiment + " changed its baseline or hold; adapt this test");
      }
      Files.writeString(copy, shorter);
    }
    return copy.toString();
  }

  static Path runDir(Path runs) throws Exception {
    try (Stream<Path> dirs = Files.list(runs)) {
      return dirs.filter(Files::isDirectory).findFirst().orElseThrow();
    }
  }

  /**
   * What a run may change, as the sandbox sees it: every VM's power state, every NSG's rules and
   * flush, every recovery plan's allowed operations and whether it is failed over.
   */
  static Map<String, String> world() throws Exception {
    JsonNode s = state();
    Map<String, String> w = new TreeMap<>();
    for (JsonNode vm : s.path("virtualMachines")) {
      w.put("vm " + vm.path("id").asText(), vm.path("powerState").asText());
    }
    for (JsonNode nsg : s.path("networkSecurityGroups")) {
      List<String> rules = new ArrayList<>();
      nsg.path("rules").forEach(r -> rules.add(r.path("name").asText() + "@"
          + r.path("priority").asText() + "/" + r.path("direction").asText() + "/"
          + r.path("access").asText()));
      rules.sort(null);
      w.put("nsg " + nsg.path("id").asText(), "flushConnection=" + nsg.path("flushConnection")
          .asText() + " rules=" + rules);
    }
    for (JsonNode plan : s.path("recoveryPlans")) {
      List<String> ops = new ArrayList<>();
      plan.path("allowedOperations").forEach(o -> ops.add(o.asText()));
      ops.sort(null);
      w.put("plan " + plan.path("id").asText(), "allowed=" + ops + " failedOver="
          + plan.path("failedOver").asText());
    }
    return w;
  }
}
