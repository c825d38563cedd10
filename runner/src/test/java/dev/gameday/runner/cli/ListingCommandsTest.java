package dev.gameday.runner.cli;

import static dev.gameday.runner.cli.CliTest.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** runs, history and summary: runs in sub-folders are found, and each speaks JSON too. */
class ListingCommandsTest {
  @TempDir Path tmp;

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void runsFindsRunsInSubFoldersSuchAsTheDemos() throws Exception {
    EvidenceCliTest.finishedRun(tmp, "20261201t010000z-aaaa-shop");
    EvidenceCliTest.finishedRun(tmp.resolve("demo-20261201"), "20261201t020000z-bbbb-shop");

    CliTest.Result r = cli("runs", "--runs-dir", tmp.toString());

    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("20261201t010000z-aaaa-shop")
        .contains("demo-20261201/20261201t020000z-bbbb-shop");
  }

  @Test
  void runsAsJsonListsEachRunWithItsOutcome() throws Exception {
    EvidenceCliTest.finishedRun(tmp.resolve("demo"), "run-a");

    CliTest.Result r = cli("runs", "--runs-dir", tmp.toString(), "--output", "json");

    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode runs = json.readTree(r.out());
    assertThat(runs).hasSize(1);
    assertThat(runs.get(0).path("runDir").asText()).endsWith("demo/run-a");
    assertThat(runs.get(0).path("experiment").asText()).isEqualTo("shop");
    assertThat(runs.get(0).path("outcome").asText()).isEqualTo("PASSED");
    assertThat(runs.get(0).path("exitCode").asInt()).isZero();
    assertThat(runs.get(0).path("finished").asBoolean()).isTrue();
  }

  @Test
  void runsAsJsonTellsALiveRunFromADeadOne() throws Exception {
    Path live = unfinishedRun(tmp, "run-live");
    Path dead = unfinishedRun(tmp, "run-dead");
    Process holder = dev.gameday.runner.lock.HoldRunDir.start(live);
    try {
      CliTest.Result r = cli("runs", "--runs-dir", tmp.toString(), "--output", "json");

      assertThat(r.exit()).as(r.err()).isZero();
      JsonNode byDir = json.createObjectNode();
      for (JsonNode run : json.readTree(r.out())) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) byDir)
            .set(Path.of(run.path("runDir").asText()).getFileName().toString(), run);
      }
      JsonNode l = byDir.path("run-live");
      assertThat(l.path("finished").asBoolean()).isFalse();
      assertThat(l.path("running").asBoolean()).isTrue();
      assertThat(l.path("pid").asLong()).isEqualTo(holder.pid());
      assertThat(l.path("mayHoldFaults").isNull()).as("not judged while it runs").isTrue();
      assertThat(l.path("rollback").isNull()).isTrue();
      JsonNode d = byDir.path("run-dead");
      assertThat(d.path("running").asBoolean()).isFalse();
      assertThat(d.path("mayHoldFaults").isBoolean()).isTrue();
      assertThat(byDir.path("run-live").path("outcome").isNull()).isTrue();
    } finally {
      holder.getOutputStream().close();
      holder.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
    }
  }

  /** A run whose process died before its end: the finished journal without its last line. */
  private static Path unfinishedRun(Path root, String name) throws Exception {
    Path dir = EvidenceCliTest.finishedRun(root, name);
    Path journal = dir.resolve("journal.jsonl");
    java.util.List<String> lines = java.nio.file.Files.readAllLines(journal);
    java.nio.file.Files.write(journal, lines.subList(0, lines.size() - 1));
    return dir;
  }

  @Test
  void historyAsJsonHasEveryRunOfTheExperimentAlsoFromSubFolders() throws Exception {
    EvidenceCliTest.finishedRun(tmp, "run-a");
    EvidenceCliTest.finishedRun(tmp.resolve("demo"), "run-b");

    CliTest.Result r = cli("history", "--runs-dir", tmp.toString(), "--output", "json");

    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode all = json.readTree(r.out());
    assertThat(all).hasSize(1);
    assertThat(all.get(0).path("experiment").asText()).isEqualTo("shop");
    assertThat(all.get(0).path("runs")).hasSize(2);
  }

  @Test
  void summaryAsJsonGivesEachRunsVerdict() throws Exception {
    Path run = EvidenceCliTest.finishedRun(tmp, "run-a");

    CliTest.Result r = cli("summary", run.toString(), "--output", "json");

    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode runs = json.readTree(r.out());
    assertThat(runs).hasSize(1);
    assertThat(runs.get(0).path("experiment").asText()).isEqualTo("shop");
    assertThat(runs.get(0).path("verdict").asText()).isNotEmpty();
    assertThat(runs.get(0).path("steps").isArray()).isTrue();
  }

  @Test
  void anUnknownOutputFormatIsAUsageError() {
    CliTest.Result r = cli("runs", "--runs-dir", tmp.toString(), "--output", "xml");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--output must be text or json");
  }

  @Test
  void helpTextsEndWithExamplesAndWrapWithinTheirWidth() {
    for (String command : Main.commandLine().getSubcommands().keySet()) {
      CliTest.Result r = cli(command, "--help");
      assertThat(r.out()).as(command).contains("Examples:");
      assertThat(r.out().lines()).as(r.out()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
    }
  }
}
