package dev.gameday.runner.cli;

import static dev.gameday.runner.cli.CliTest.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gameday.reports.history.RunSummary;
import dev.gameday.runner.store.FolderStore;
import dev.gameday.runner.store.RecordingStore;
import dev.gameday.runner.store.StoreHistory;
import dev.gameday.runner.store.StoreSync;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * history over a run store reads a finished run's figures from the summary the store keeps of
 * it, and fetches the journal only of a run without one: never reported, or whose journal grew
 * after its report.
 */
class HistoryFromStoreTest {
  @TempDir Path tmp;

  private final ObjectMapper json = new ObjectMapper();

  /** Host a's runs, sent to the store: one reported, one never reported, one reported too early. */
  private Path storeWithThreeRuns() throws Exception {
    Path runsA = tmp.resolve("a-runs");
    Path reported = EvidenceCliTest.finishedRun(runsA, "20261201t010000z-aaaa-shop", "shop",
        Instant.parse("2026-12-01T01:00:00Z"));
    assertThat(cli("report", reported.toString(), "--format", "json").exit()).isZero();

    Path crashed = EvidenceCliTest.finishedRun(runsA, "20261201t020000z-bbbb-shop", "shop",
        Instant.parse("2026-12-01T02:00:00Z"));
    dropLastLine(crashed);

    Path grown = EvidenceCliTest.finishedRun(runsA, "20261201t030000z-cccc-shop", "shop",
        Instant.parse("2026-12-01T03:00:00Z"));
    String last = dropLastLine(grown);
    assertThat(cli("report", grown.toString(), "--format", "json").exit()).isZero();
    Files.writeString(grown.resolve("journal.jsonl"), last + "\n", StandardOpenOption.APPEND);

    Path store = tmp.resolve("store");
    CliTest.Result sync = cli("store", "sync", "--runs-dir", runsA.toString(), "--store",
        store.toString());
    assertThat(sync.exit()).as(sync.err()).isZero();
    return store;
  }

  /** Removes the last line of {@code run}'s journal (the run as it was a moment earlier). */
  static String dropLastLine(Path run) throws Exception {
    Path journal = run.resolve("journal.jsonl");
    List<String> lines = new ArrayList<>(Files.readAllLines(journal));
    String last = lines.remove(lines.size() - 1);
    Files.write(journal, lines);
    return last;
  }

  @Test
  void aReportedRunIsReadFromItsSummaryAndTheOthersFromTheirJournals() throws Exception {
    Path store = storeWithThreeRuns();
    assertThat(new FolderStore(store).summaries()).as("a summary of the reported run only")
        .containsOnlyKeys("20261201t010000z-aaaa-shop");
    Path runsB = tmp.resolve("b-runs");

    CliTest.Result r = cli("history", "--runs-dir", runsB.toString(), "--store",
        store.toString(), "--output", "json");

    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode all = json.readTree(r.out());
    assertThat(all).hasSize(1);
    assertThat(all.get(0).path("experiment").asText()).isEqualTo("shop");
    List<String> ids = new ArrayList<>();
    all.get(0).path("runs").forEach(run -> ids.add(run.path("runId").asText()));
    assertThat(ids).containsExactly("id-20261201t010000z-aaaa-shop",
        "id-20261201t020000z-bbbb-shop", "id-20261201t030000z-cccc-shop");
    assertThat(runsB.resolve("20261201t010000z-aaaa-shop"))
        .as("its summary is enough: nothing of it fetched").doesNotExist();
    assertThat(runsB.resolve("20261201t020000z-bbbb-shop/journal.jsonl"))
        .as("no report: the journal is read").exists();
    assertThat(runsB.resolve("20261201t030000z-cccc-shop/journal.jsonl"))
        .as("a report older than the journal: the journal is read")
        .hasSameBinaryContentAs(tmp.resolve("a-runs/20261201t030000z-cccc-shop/journal.jsonl"));

    CliTest.Result again = cli("history", "--runs-dir", runsB.toString(), "--store",
        store.toString(), "--output", "json");
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(json.readTree(again.out())).as("the same from what is already here").isEqualTo(all);
  }

  @Test
  void aJournalThatGrowsInTheStoreLosesItsSummaryUntilItIsReportedAgain() throws Exception {
    Path run = EvidenceCliTest.finishedRun(tmp.resolve("runs"), "20261201t010000z-aaaa-shop");
    String last = dropLastLine(run);
    assertThat(cli("report", run.toString(), "--format", "json").exit()).isZero();
    FolderStore store = new FolderStore(tmp.resolve("store"));
    StoreSync.push(store, run);
    assertThat(store.summaries()).containsKey("20261201t010000z-aaaa-shop");

    Files.writeString(run.resolve("journal.jsonl"), last + "\n", StandardOpenOption.APPEND);
    assertThat(StoreSync.push(store, run).sent()).containsExactly("journal.jsonl");
    assertThat(store.summaries()).as("the summary told of a shorter journal").isEmpty();

    assertThat(cli("report", run.toString(), "--format", "json").exit()).isZero();
    StoreSync.push(store, run);
    assertThat(RunSummary.Reported.fromJson(store.summaries().get("20261201t010000z-aaaa-shop"),
        run)).hasValueSatisfying(r -> assertThat(r.summary().runId())
            .isEqualTo("id-20261201t010000z-aaaa-shop"));
  }

  /**
   * Host b rolled a run back (its journal grew) and sent it; host a, still holding the run as it
   * was, tries to send what it has since written (a Markdown report): its older copy sends
   * nothing, and its summary never replaces the one of the longer stored journal.
   */
  @Test
  void anOlderCopyOfARunNeverReplacesTheSummaryOfALongerStoredJournal() throws Exception {
    String id = "20261201t010000z-aaaa-shop";
    Path runA = EvidenceCliTest.finishedRun(tmp.resolve("a-runs"), id);
    String last = dropLastLine(runA);
    assertThat(cli("report", runA.toString(), "--format", "json").exit()).isZero();
    FolderStore store = new FolderStore(tmp.resolve("store"));
    StoreSync.push(store, runA);
    Path runB = tmp.resolve("b-runs").resolve(id);
    StoreSync.pull(store, id, runB);
    Files.writeString(runB.resolve("journal.jsonl"), last + "\n", StandardOpenOption.APPEND);
    assertThat(cli("report", runB.toString(), "--format", "json").exit()).isZero();
    StoreSync.push(store, runB);
    byte[] fromB = store.summaries().get(id);

    assertThat(cli("report", runA.toString(), "--format", "md").exit()).isZero();
    StoreSync.Pushed fromA = StoreSync.push(store, runA);
    assertThat(fromA.older()).as("host a's copy is older: nothing of it is sent").isTrue();
    assertThat(fromA.sent()).isEmpty();

    assertThat(store.summaries().get(id)).as("host b's summary stays").isEqualTo(fromB);
    long grown = Files.size(runB.resolve("journal.jsonl"));
    assertThat(RunSummary.Reported.fromJson(fromB, runB)).hasValueSatisfying(r ->
        assertThat(r.journalBytes()).contains(grown));
  }

  /**
   * A rollback here re-rendered the report but was not sent: the store's summary tells of a
   * shorter journal, so history reads the run from this host, not from the summary (marked here
   * with a run id of its own, to tell which one history read).
   */
  @Test
  void aLongerJournalHereWinsOverTheStoredSummaryEvenWithACurrentReport() throws Exception {
    String id = "20261201t010000z-aaaa-shop";
    Path runs = tmp.resolve("runs");
    Path run = EvidenceCliTest.finishedRun(runs, id);
    String last = dropLastLine(run);
    assertThat(cli("report", run.toString(), "--format", "json").exit()).isZero();
    FolderStore store = new FolderStore(tmp.resolve("store"));
    StoreSync.push(store, run);
    RunSummary.Reported stored = RunSummary.Reported.fromJson(store.summaries().get(id), run)
        .orElseThrow();
    RunSummary s = stored.summary();
    store.putSummary(id, new RunSummary.Reported(stored.experimentName(), new RunSummary(
        s.runDir(), "as-the-summary-says", s.started(), s.verdict(), s.steps()),
        stored.journalBytes()).toJson());
    Files.writeString(run.resolve("journal.jsonl"), last + "\n", StandardOpenOption.APPEND);
    assertThat(cli("report", run.toString(), "--format", "json").exit()).isZero();

    CliTest.Result r = cli("history", "--runs-dir", runs.toString(), "--store",
        tmp.resolve("store").toString(), "--output", "json");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(json.readTree(r.out()).get(0).path("runs").get(0).path("runId").asText())
        .isEqualTo("id-" + id);
  }

  @Test
  void aRunOnlyInTheLocalRunsFolderIsInTheHistoryToo() throws Exception {
    Path store = storeWithThreeRuns();
    Path runsB = tmp.resolve("b-runs");
    EvidenceCliTest.finishedRun(runsB, "20261201t040000z-dddd-shop", "shop",
        Instant.parse("2026-12-01T04:00:00Z"));
    EvidenceCliTest.finishedRun(runsB, "20261201t050000z-eeee-billing", "billing",
        Instant.parse("2026-12-01T05:00:00Z"));

    CliTest.Result r = cli("history", "--runs-dir", runsB.toString(), "--store",
        store.toString(), "--experiment", "shop", "--output", "json");

    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode all = json.readTree(r.out());
    assertThat(all).hasSize(1);
    assertThat(all.get(0).path("runs")).hasSize(4);
    assertThat(all.get(0).path("runs").get(3).path("runId").asText())
        .isEqualTo("id-20261201t040000z-dddd-shop");
  }

  /**
   * Two of the three stored runs have no summary: one listing of every run's files serves their
   * fetch, instead of one listing per run.
   */
  @Test
  void whenMostStoredRunsLackASummaryOneListingServesTheirFetch() throws Exception {
    RecordingStore store = new RecordingStore(new FolderStore(storeWithThreeRuns()));

    var histories = StoreHistory.load(store, tmp.resolve("b-runs"));

    assertThat(histories.get("shop").runs()).hasSize(3);
    assertThat(store.calls()).containsOnlyOnce("listing").doesNotContain("files");
    assertThat(tmp.resolve("b-runs/20261201t020000z-bbbb-shop/journal.jsonl")).exists();
  }

  /** Two runs of nine lack a summary (under a quarter): each is listed alone. */
  @Test
  void whenFewStoredRunsLackASummaryEachIsListedAlone() throws Exception {
    Path runsA = tmp.resolve("a-runs");
    for (int i = 1; i <= 9; i++) {
      Path run = EvidenceCliTest.finishedRun(runsA, "20261201t0" + i + "0000z-aaaa-shop");
      if (i > 2) {
        assertThat(cli("report", run.toString(), "--format", "json").exit()).isZero();
      }
    }
    Path folder = tmp.resolve("store");
    assertThat(cli("store", "sync", "--runs-dir", runsA.toString(), "--store", folder.toString())
        .exit()).isZero();
    RecordingStore store = new RecordingStore(new FolderStore(folder));

    var histories = StoreHistory.load(store, tmp.resolve("b-runs"));

    assertThat(histories.get("shop").runs()).hasSize(9);
    assertThat(store.calls()).doesNotContain("listing")
        .filteredOn("files"::equals).hasSize(2);
  }

  @Test
  void withAStoreNoRunsNamesTheStoreToo() {
    Path runs = tmp.resolve("runs");
    Path store = tmp.resolve("store");
    String where = new FolderStore(store).location();

    for (String verb : List.of("history", "runs")) {
      CliTest.Result r = cli(verb, "--runs-dir", runs.toString(), "--store", store.toString());
      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(r.out()).as(verb).contains("no runs under " + runs + " nor in the run store "
          + where);
    }
    assertThat(cli("runs", "--runs-dir", runs.toString()).out().strip())
        .isEqualTo("no runs under " + runs);
  }
}
