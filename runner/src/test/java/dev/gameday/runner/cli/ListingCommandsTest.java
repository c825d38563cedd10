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
