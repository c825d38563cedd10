package dev.gameday.reports.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.core.event.Stamp;
import dev.gameday.core.event.TimelineEvent.Note;
import dev.gameday.core.event.TimelineEvent.Level;
import dev.gameday.core.event.TimelineEvent.Outcome;
import dev.gameday.core.event.TimelineEvent.ProbeSample;
import dev.gameday.core.journal.JournalEntry;
import dev.gameday.core.journal.JournalReader;
import dev.gameday.core.journal.JournalWriter;
import dev.gameday.reports.bench.SyntheticRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fast reader must read exactly what the core reader reads. */
class JournalScannerTest {
  @TempDir Path dir;

  private List<JournalEntry> scan(Path file) throws IOException {
    List<JournalEntry> out = new ArrayList<>();
    new JournalScanner().scan(file, out::add);
    return out;
  }

  @Test
  void readsTheSameEventsAsTheCoreReaderIncludingOddStrings() throws IOException {
    Path file = dir.resolve("journal.jsonl");
    Instant t = Instant.parse("2026-03-03T02:00:00.123456789Z");
    try (JournalWriter w = JournalWriter.create(file)) {
      w.append(new ProbeSample(new Stamp(t, 5), "shop", 1, 2, 3, 200, Outcome.OK, ""));
      w.append(new ProbeSample(new Stamp(t.plusMillis(1), -5), "caf\u00e9 \"front\"\\", 1, 2,
          3_000_000_000L, 0, Outcome.TIMEOUT, "line\nbreak \u2013 \ud83d\ude00"));
      w.append(new ProbeSample(new Stamp(Instant.parse("2026-03-04T00:00:00Z"), 1), "shop", 1,
          2, 3, 503, Outcome.UNEXPECTED_STATUS, "status 503"));
      w.append(new Note(new Stamp(t, 9), Level.WARN, "{\"type\":\"probe.sample\"}"));
    }

    assertThat(scan(file)).isEqualTo(new JournalReader().readAll(file));
  }

  @Test
  void readsTheSyntheticBenchJournalLikeTheCoreReader() throws IOException {
    Path file = dir.resolve("journal.jsonl");
    new SyntheticRun(2, 1, Duration.ofMinutes(10), Instant.parse("2026-03-03T01:00:00Z"))
        .write(file);

    List<JournalEntry> fast = scan(file);

    assertThat(fast).hasSize(1200 + 36).isEqualTo(new JournalReader().readAll(file));
  }

  @Test
  void reportsATornLastLineAsTruncatedAndABadMiddleLineAsSkipped() throws IOException {
    Path file = dir.resolve("journal.jsonl");
    Files.writeString(file, "{\"journal\":\"gameday\",\"version\":1}\n"
        + "{\"seq\":1,\"type\":\"nonsense\"}\n"
        + "{\"seq\":2,\"type\":\"note\",\"at\":{\"utc\":\"2026-03-03T02:00:00Z\",\"mono\":1},"
        + "\"level\":\"INFO\",\"message\":\"hi\"}\n"
        + "{\"seq\":3,\"type\":\"probe.sample\",\"at\":{\"utc\":\"2026-03-0");

    JournalReader.Problems p = new JournalScanner().scan(file, e -> { });

    assertThat(p.truncated()).isTrue();
    assertThat(p.lastSeq()).isEqualTo(2);
    assertThat(p.messages()).hasSize(2);
    assertThat(p.messages().get(0)).contains(":2: unreadable event skipped");
    assertThat(p.messages().get(1)).contains(":4: the last line is incomplete");
  }
}
