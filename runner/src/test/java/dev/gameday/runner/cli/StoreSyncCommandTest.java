package dev.gameday.runner.cli;

import static dev.gameday.runner.cli.CliTest.cli;
import static dev.gameday.runner.cli.HistoryFromStoreTest.dropLastLine;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.reports.history.RunSummary;
import dev.gameday.runner.store.FolderStore;
import dev.gameday.runner.store.StoreSync;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code store sync} between hosts that hold copies of one run: a copy whose journal is shorter
 * than the stored one is older and sends nothing; a stored run without a summary gets one from a
 * host that holds its whole journal and a current report.
 */
class StoreSyncCommandTest {
  static final String RUN = "20261201t010000z-aaaa-shop";

  @TempDir Path tmp;

  private CliTest.Result sync(Path runDir) {
    return cli("store", "sync", runDir.toString(), "--store", tmp.resolve("store").toString());
  }

  /**
   * Host a sent the run; host b fetched it, rolled it back (its journal grew), re-rendered and
   * sent it. Host a, still holding the run as it was, re-renders every report and syncs: none of
   * its files may replace host b's, and the output names the run it left out.
   */
  @Test
  void anOlderCopyOfARunSendsNothingOfItAndSaysWhichRun() throws Exception {
    Path runA = EvidenceCliTest.finishedRun(tmp.resolve("a-runs"), RUN);
    String last = dropLastLine(runA);
    assertThat(cli("report", runA.toString(), "--format", "json").exit()).isZero();
    assertThat(sync(runA).exit()).isZero();
    FolderStore store = new FolderStore(tmp.resolve("store"));
    Path runB = tmp.resolve("b-runs").resolve(RUN);
    StoreSync.pull(store, RUN, runB);
    Files.writeString(runB.resolve("journal.jsonl"), last + "\n", StandardOpenOption.APPEND);
    assertThat(cli("report", runB.toString(), "--format", "json,md").exit()).isZero();
    assertThat(sync(runB).exit()).isZero();
    byte[] summaryOfB = store.summaries().get(RUN);

    assertThat(cli("report", runA.toString()).exit()).isZero();   // every format, newer files
    CliTest.Result r = sync(runA);

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains(RUN).contains("older").doesNotContain("sent ");
    assertThat(r.out().strip().lines()).hasSize(1);
    Path stored = tmp.resolve("store").resolve(RUN);
    try (Stream<Path> files = Files.list(stored)) {
      for (Path f : files.toList()) {
        assertThat(f).as("the store keeps host b's " + f.getFileName())
            .hasSameBinaryContentAs(runB.resolve(f.getFileName()));
      }
    }
    assertThat(stored.resolve("report.html")).as("nothing of host a's copy").doesNotExist();
    assertThat(store.summaries().get(RUN)).isEqualTo(summaryOfB);
  }

  /** A copy as long as the stored one sends what differs, as a longer one does. */
  @Test
  void aCopyAsLongAsTheStoredOneSendsWhatDiffers() throws Exception {
    Path run = EvidenceCliTest.finishedRun(tmp.resolve("runs"), RUN);
    assertThat(sync(run).exit()).isZero();

    assertThat(cli("report", run.toString(), "--format", "md").exit()).isZero();
    CliTest.Result r = sync(run);

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("sent ").contains("report.md");
    assertThat(tmp.resolve("store").resolve(RUN).resolve("report.md"))
        .hasSameBinaryContentAs(run.resolve("report.md"));
  }

  /**
   * A run sent before the store kept summaries (here: its summary removed) gets one at the next
   * sync of a host with its whole journal and a current report, though no file differs.
   */
  @Test
  void aStoredRunWithoutASummaryGetsOneAtTheNextSync() throws Exception {
    Path run = EvidenceCliTest.finishedRun(tmp.resolve("runs"), RUN);
    assertThat(cli("report", run.toString(), "--format", "json").exit()).isZero();
    assertThat(sync(run).exit()).isZero();
    FolderStore store = new FolderStore(tmp.resolve("store"));
    store.dropSummary(RUN);

    CliTest.Result r = sync(run);

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(store.summaries()).containsKey(RUN);
    long journal = Files.size(run.resolve("journal.jsonl"));
    assertThat(RunSummary.Reported.fromJson(store.summaries().get(RUN), run))
        .hasValueSatisfying(s -> assertThat(s.journalBytes()).contains(journal));
    assertThat(r.out()).contains("summary");
  }
}
