package dev.gameday.runner.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gameday.core.event.TimelineEvent;
import dev.gameday.core.journal.JournalEntry;
import dev.gameday.core.journal.JournalReader;
import dev.gameday.reports.analysis.Analysis;
import dev.gameday.reports.analysis.FigureKind;
import dev.gameday.reports.analysis.RecoveryGapAnalyzer;
import dev.gameday.reports.evidence.Verifier;
import dev.gameday.sandbox.Sandbox;
import dev.gameday.sandbox.SandboxConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three sandbox experiments, run by the real CLI in a child process against the sandbox at
 * high speed, as {@code scripts/demo} runs them. Checks exit codes, the journal's order of events,
 * the reports, the evidence, and that the sandbox is left as it was.
 */
class SandboxExperimentsEndToEndTest extends WithSandbox {
  Path runDir(Path runs) throws Exception {
    try (Stream<Path> dirs = Files.list(runs)) {
      return dirs.filter(Files::isDirectory).findFirst().orElseThrow();
    }
  }

  List<TimelineEvent> journal(Path runDir) throws Exception {
    return new JournalReader().readAll(runDir.resolve("journal.jsonl")).stream()
        .map(JournalEntry::event).toList();
  }

  static <T extends TimelineEvent> int first(List<TimelineEvent> events, Class<T> type) {
    for (int i = 0; i < events.size(); i++) {
      if (type.isInstance(events.get(i))) {
        return i;
      }
    }
    return -1;
  }

  int run(String experiment, Path runs, Path log, String... more) throws Exception {
    Map<String, String> env = GamedayProcess.env(sandbox, runs);
    List<String> args = new java.util.ArrayList<>(List.of("run",
        "experiments/sandbox/" + experiment + ".yaml", "--runs-dir", runs.toString()));
    args.addAll(List.of(more));
    return GamedayProcess.run(env, log, Duration.ofMinutes(3), args.toArray(String[]::new));
  }

  @Test
  void vmPowerOffMeasuresAPositiveApplicationGapAndLeavesEveryVmRunning() throws Exception {
    Path runs = tmp.resolve("vm-runs");
    Path log = tmp.resolve("vm.log");
    int exit = run("vm-poweroff", runs, log, "--sign-key-vault",
        sandbox.evidenceKeyUrl().toString());

    assertThat(exit).as(Files.readString(log)).isIn(0, 1);
    Path dir = runDir(runs);
    List<TimelineEvent> events = journal(dir);
    assertThat(first(events, TimelineEvent.FaultRequested.class))
        .isLessThan(first(events, TimelineEvent.FaultEffective.class));
    assertThat(first(events, TimelineEvent.FaultEffective.class))
        .isLessThan(first(events, TimelineEvent.RevertRequested.class));
    assertThat(first(events, TimelineEvent.RevertRequested.class))
        .isLessThan(first(events, TimelineEvent.PlatformRestored.class));
    assertThat(first(events, TimelineEvent.PlatformRestored.class))
        .isLessThan(first(events, TimelineEvent.ApplicationRecovered.class));
    assertThat(events.getLast()).isInstanceOf(TimelineEvent.RunFinished.class);

    Analysis a = new RecoveryGapAnalyzer().analyze(dir.resolve("journal.jsonl"));
    var step = a.steps().getFirst();
    assertThat(step.value(FigureKind.TIME_TO_EFFECT)).isPresent();
    assertThat(step.value(FigureKind.PLATFORM_RECOVERY)).isPresent();
    assertThat(step.value(FigureKind.APPLICATION_GAP)).hasValueSatisfying(
        gap -> assertThat(gap).as("warm-up plus load-balancer probe").isPositive());
    for (String f : List.of("report.html", "report.md", "report.json", "junit.xml", "evidence.json")) {
      assertThat(dir.resolve(f)).isNotEmptyFile();
    }
    var verification = Verifier.verify(dir);
    assertThat(verification.problems()).isEmpty();
    assertThat(dir.resolve("evidence.json.sig")).isNotEmptyFile();
    assertThat(verification.notes()).anySatisfy(n -> assertThat(n)
        .startsWith("evidence.json: signature valid (ES256, keyVault key "
            + sandbox.evidenceKeyUrl() + "/"));
    assertSandboxAsItWas();
  }

  @Test
  void nsgPartitionBreaksCheckoutOnlyAndRemovesItsRule() throws Exception {
    Path runs = tmp.resolve("nsg-runs");
    Path log = tmp.resolve("nsg.log");
    int exit = run("nsg-partition", runs, log);

    assertThat(exit).as(Files.readString(log)).isIn(0, 1);
    List<TimelineEvent> events = journal(runDir(runs));
    var breached = events.stream().filter(TimelineEvent.SteadyStateChanged.class::isInstance)
        .map(TimelineEvent.SteadyStateChanged.class::cast)
        .filter(c -> c.status() == TimelineEvent.SteadyStatus.BREACHED).map(c -> c.probe()).distinct().toList();
    assertThat(breached).containsExactly("checkout");
    assertThat(first(events, TimelineEvent.PlatformRestored.class)).isPositive();
    assertSandboxAsItWas();
  }

  @Test
  void regionTestFailoverFollowsTheJobAndCleansUp() throws Exception {
    Path runs = tmp.resolve("dr-runs");
    Path log = tmp.resolve("dr.log");
    int exit = run("region-failover", runs, log);

    assertThat(exit).as(Files.readString(log)).isIn(0, 1);
    List<TimelineEvent> events = journal(runDir(runs));
    assertThat(events.stream().filter(TimelineEvent.PlatformTask.class::isInstance)).isNotEmpty();
    assertThat(first(events, TimelineEvent.PlatformRestored.class)).isPositive();
    // The protected items' RPO is read before the change is recorded: time to effect, which
    // starts at that record, holds none of Gameday's own reads.
    List<Integer> rpoReads = java.util.stream.IntStream.range(0, events.size())
        .filter(i -> events.get(i) instanceof TimelineEvent.SiteRecoveryReplicationRpo).boxed()
        .toList();
    assertThat(rpoReads).isNotEmpty();
    assertThat(rpoReads.getLast()).isLessThan(first(events, TimelineEvent.ChangeRecorded.class));
    JsonNode plan = state().path("recoveryPlans").get(0);
    assertThat(plan.path("testReplicas")).allSatisfy(vm ->
        assertThat(vm.path("powerState").asText()).isEqualTo("PowerState/deallocated"));
    assertThat(plan.path("allowedOperations").toString()).contains("TestFailover");
    assertRpoIsTheSandboxesOwn(runDir(runs), plan);
    assertSandboxAsItWas();
  }

  /**
   * The observed RPO against the sandbox's own account of the failover: its job's start minus
   * the recovery point it chose (state dump), not against Gameday's idea of it.
   */
  private static void assertRpoIsTheSandboxesOwn(Path runDir, JsonNode plan) throws Exception {
    JsonNode job = null;
    for (JsonNode j : plan.path("jobs")) {
      if (j.path("scenarioName").asText().equals("TestFailover")) {
        job = j;
      }
    }
    assertThat(job).as("the sandbox ran a test failover job").isNotNull();
    java.time.Duration truth = java.time.Duration.between(
        java.time.Instant.parse(job.path("recoveryPoints").get(0).path("time").asText()),
        java.time.Instant.parse(job.path("startTime").asText()));
    JsonNode report = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(runDir.resolve("report.json").toFile());
    JsonNode rpo = null;
    for (JsonNode f : report.path("steps").get(0).path("figures")) {
      if (f.path("figure").asText().equals("rpo")) {
        rpo = f;
      }
    }
    assertThat(rpo).as("report.json has an rpo figure").isNotNull();
    JsonNode stated = null;
    for (JsonNode f : report.path("steps").get(0).path("figures")) {
      if (f.path("figure").asText().equals("replicationRpo")) {
        stated = f;
      }
    }
    long worst = 0;
    for (JsonNode item : plan.path("protectedItems")) {
      worst = Math.max(worst, item.path("rpoInSeconds").asLong());
    }
    assertThat(plan.path("protectedItems")).as("the sandbox's protected items").isNotEmpty();
    assertThat(stated).as("report.json has Azure's replication RPO").isNotNull();
    assertThat(stated.path("seconds").asDouble()).as(stated.toString()).isEqualTo((double) worst);
    assertThat(stated.path("evidence")).hasSize(plan.path("protectedItems").size());
    assertThat(rpo.path("seconds").asDouble()).as(rpo.toString())
        .isCloseTo(truth.toMillis() / 1000.0, org.assertj.core.data.Offset.offset(0.001));
    assertThat(truth).isPositive();
    JsonNode objective = null;
    for (JsonNode o : report.path("objectives")) {
      if (o.path("objective").asText().equals("rpo")) {
        objective = o;
      }
    }
    assertThat(objective).as("the rpo objective is judged").isNotNull();
    assertThat(objective.path("status").asText()).isEqualTo("MET");
  }
}
