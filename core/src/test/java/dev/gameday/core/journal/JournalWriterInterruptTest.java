package dev.gameday.core.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.core.event.Stamp;
import dev.gameday.core.event.TimelineEvent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An injection cancelled by an abort runs on an interrupted thread and may still journal what it
 * saw. The journal must take that event and stay open for the reverts that follow on other
 * threads (a {@code FileChannel} would be closed by the interrupt).
 */
class JournalWriterInterruptTest {
  @TempDir Path tmp;

  static TimelineEvent note(String text) {
    return new TimelineEvent.Note(new Stamp(Instant.parse("2026-12-01T01:00:00Z"), 1),
        TimelineEvent.Level.INFO, text);
  }

  @Test
  void anInterruptedWriterNeitherFailsNorClosesTheJournal() throws Exception {
    Path file = tmp.resolve("journal.jsonl");
    try (JournalWriter w = JournalWriter.create(file)) {
      AtomicReference<Throwable> failure = new AtomicReference<>();
      Thread cancelled = Thread.ofVirtual().unstarted(() -> {
        Thread.currentThread().interrupt();
        try {
          w.append(note("seen by a cancelled injection"));
          w.append(note("and one more"));
        } catch (Throwable t) {
          failure.set(t);
        }
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
      });
      cancelled.start();
      cancelled.join();

      w.append(note("the revert goes on"));

      assertThat(failure.get()).isNull();
    }
    List<JournalEntry> entries = new JournalReader().readAll(file);
    assertThat(entries).extracting(JournalEntry::seq).containsExactly(1L, 2L, 3L);
    assertThat(entries.getLast().event()).isEqualTo(note("the revert goes on"));
  }

  @Test
  void appendingNeverOverwritesWhatIsThere() throws Exception {
    Path file = tmp.resolve("journal.jsonl");
    try (JournalWriter w = JournalWriter.create(file)) {
      w.append(note("one"));
    }
    try (JournalWriter a = JournalWriter.append(file, 1);
        JournalWriter b = JournalWriter.append(file, 1)) {
      a.append(note("from a"));
      b.append(note("from b"));
    }
    assertThat(new JournalReader().readAll(file)).extracting(JournalEntry::event)
        .containsExactly(note("one"), note("from a"), note("from b"));
  }
}
