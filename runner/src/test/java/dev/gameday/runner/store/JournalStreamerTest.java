package dev.gameday.runner.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.core.event.Stamp;
import dev.gameday.core.event.TimelineEvent;
import dev.gameday.core.port.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal sent to a folder store as it grows; a store that fails costs a warning only. */
class JournalStreamerTest {
  @TempDir Path tmp;
  final List<String> warnings = new CopyOnWriteArrayList<>();

  static TimelineEvent note() {
    return new TimelineEvent.Note(new Stamp(Instant.now(), System.nanoTime()),
        TimelineEvent.Level.INFO, "x");
  }

  Path runDir() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("runs/20261128t020000z-3f2a-shop"));
    Files.writeString(dir.resolve("journal.jsonl"), "{\"journal\":\"gameday\",\"version\":2}\n");
    return dir;
  }

  static void append(Path dir, String text) throws Exception {
    Files.writeString(dir.resolve("journal.jsonl"), text, StandardOpenOption.APPEND);
  }

  @Test
  void completeLinesReachTheStoreAsTheyAreWrittenAndTheRestAtTheEnd() throws Exception {
    Path dir = runDir();
    RunStore store = new FolderStore(tmp.resolve("store"));
    Path stored = tmp.resolve("store/20261128t020000z-3f2a-shop/journal.jsonl");
    try (JournalStreamer s = new JournalStreamer(store, dir, Duration.ofMinutes(1), warnings::add)) {
      append(dir, "{\"seq\":1}\n{\"seq\":2,\"half");   // a line being written
      s.on(note());
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (s.sent() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(Files.readString(stored)).as("complete lines only")
          .isEqualTo("{\"journal\":\"gameday\",\"version\":2}\n{\"seq\":1}\n");
      append(dir, "\"}\n");
      Files.writeString(dir.resolve("report.json"), "{}");
      Files.writeString(dir.resolve("run.lock"), "pid 1");
      assertThat(s.finish(Duration.ofSeconds(10))).hasValueSatisfying(sent ->
          assertThat(sent).containsExactlyInAnyOrder("journal.jsonl", "report.json"));
    }
    assertThat(stored).hasSameBinaryContentAs(dir.resolve("journal.jsonl"));
    assertThat(stored.resolveSibling("run.lock")).as("this host's lock stays here").doesNotExist();
    assertThat(StoreSync.push(store, dir).sent()).as("nothing left to send").isEmpty();
    assertThat(warnings).isEmpty();
  }

  /**
   * A journal that grows in the store loses the run's summary first, whether it is sent by
   * {@code store sync} or streamed: a summary never tells of less than the stored journal.
   */
  @Test
  void aStreamedJournalRemovesTheStoredSummaryBeforeItGrows() throws Exception {
    Path dir = runDir();
    RunStore store = new FolderStore(tmp.resolve("store"));
    String run = dir.getFileName().toString();
    store.append(run, "journal.jsonl", Files.readAllBytes(dir.resolve("journal.jsonl")), 0);
    store.putSummary(run, "{\"summaryVersion\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    append(dir, "{\"seq\":1}\n");
    long length = Files.size(dir.resolve("journal.jsonl"));
    try (JournalStreamer s = new JournalStreamer(store, dir, Duration.ofMillis(20), w -> {})) {
      s.on(note());
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (s.sent() < length && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(s.sent()).isEqualTo(length);
      assertThat(store.summaries()).as("removed by the stream, before the end of the run")
          .isEmpty();
    }
  }

  @Test
  void aStoreThatCannotBeWrittenWarnsOnceAndLeavesTheFilesForSync() throws Exception {
    Path dir = runDir();
    Path notAFolder = Files.writeString(tmp.resolve("not-a-folder"), "");
    RunStore broken = new FolderStore(notAFolder.resolve("store"));
    try (JournalStreamer s = new JournalStreamer(broken, dir, Duration.ofMillis(20), warnings::add)) {
      for (int i = 1; i <= 20; i++) {
        append(dir, "{\"seq\":" + i + "}\n");
        s.on(note());
        Thread.sleep(5);
      }
      assertThat(s.finish(Duration.ofSeconds(10))).isEqualTo(Optional.empty());
    }
    assertThat(warnings).hasSize(2);
    assertThat(warnings.get(0)).contains("cannot be written").contains("store sync");
    assertThat(warnings.get(1)).contains("gameday store sync " + dir);

    RunStore later = new FolderStore(tmp.resolve("store-later"));
    assertThat(StoreSync.push(later, dir).sent()).containsExactly("journal.jsonl");
    assertThat(tmp.resolve("store-later/20261128t020000z-3f2a-shop/journal.jsonl"))
        .hasSameBinaryContentAs(dir.resolve("journal.jsonl"));
  }
}
