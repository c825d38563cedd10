package dev.gameday.core.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.core.digest.Sha256;
import dev.gameday.core.event.TimelineEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Walking the hash chain of journals as written, edited, reordered, cut and continued. */
class JournalChainTest {
  @TempDir Path tmp;

  private Path written() throws Exception {
    Path journal = tmp.resolve("journal.jsonl");
    try (JournalWriter w = JournalWriter.create(journal)) {
      JournalFormatGoldenTest.everyType().forEach(w::append);
    }
    return journal;
  }

  private static List<String> lines(Path p) throws Exception {
    return new ArrayList<>(Files.readAllLines(p, StandardCharsets.UTF_8));
  }

  private static void write(Path p, List<String> lines) throws Exception {
    Files.writeString(p, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }

  @Test
  void aJournalAsWrittenIsIntactAndItsHeadIsTheHashOfItsLastLine() throws Exception {
    Path journal = written();
    List<String> lines = lines(journal);

    ChainReport report = new JournalChain().walk(journal, Set.of(5L));

    assertThat(report).isInstanceOfSatisfying(ChainReport.Intact.class, r -> {
      assertThat(r.lines()).isEqualTo(lines.size());
      assertThat(r.head()).isEqualTo(Sha256.hex(lines.getLast().getBytes(StandardCharsets.UTF_8)));
      assertThat(r.checkpoints()).containsEntry(5L,
          Sha256.hex(lines.get(4).getBytes(StandardCharsets.UTF_8)));
      assertThat(r.notes()).isEmpty();
    });
  }

  @Test
  void aRehearsedEventLeavesTheFileTheSequenceAndTheChainAsTheyWere() throws Exception {
    Path journal = tmp.resolve("journal.jsonl");
    List<TimelineEvent> events = JournalFormatGoldenTest.everyType();
    byte[] before;
    try (JournalWriter w = JournalWriter.create(journal)) {
      w.append(events.get(0));
      before = Files.readAllBytes(journal);
      events.forEach(w::rehearse);
      assertThat(Files.readAllBytes(journal)).as("nothing written").isEqualTo(before);
      assertThat(w.append(events.get(1))).as("the sequence goes on").isEqualTo(2);
    }

    assertThat(new JournalChain().walk(journal, Set.of()))
        .isInstanceOfSatisfying(ChainReport.Intact.class, r -> assertThat(r.lines()).isEqualTo(3));
    assertThat(new JournalReader().readAll(journal)).extracting(JournalEntry::event)
        .containsExactly(events.get(0), events.get(1));
  }

  @Test
  void anEditedLineIsNamedByTheLineAfterIt() throws Exception {
    Path journal = written();
    List<String> lines = lines(journal);
    String edited = lines.get(7).replace("\"INJECT\"", "\"REVERT\"");
    assertThat(edited).isNotEqualTo(lines.get(7));
    lines.set(7, edited);
    write(journal, lines);

    ChainReport report = new JournalChain().walk(journal, Set.of());

    assertThat(report).isInstanceOfSatisfying(ChainReport.Broken.class, r -> {
      assertThat(r.line()).isEqualTo(9);
      assertThat(r.message()).startsWith("journal.jsonl:9 (seq 8): the hash chain breaks: ")
          .contains("line 8 was changed after it was written");
    });
  }

  @Test
  void twoSwappedLinesAreNamedAsReordered() throws Exception {
    Path journal = written();
    List<String> lines = lines(journal);
    String fifth = lines.get(4);
    lines.set(4, lines.get(5));
    lines.set(5, fifth);
    write(journal, lines);

    ChainReport report = new JournalChain().walk(journal, Set.of());

    assertThat(report).isInstanceOfSatisfying(ChainReport.Broken.class, r -> {
      assertThat(r.line()).isEqualTo(5);
      assertThat(r.message()).contains("journal.jsonl:5 (seq 5)")
          .contains("seq 5 comes after seq 3").contains("removed or moved");
    });
  }

  @Test
  void aRemovedMiddleLineIsNamed() throws Exception {
    Path journal = written();
    List<String> lines = lines(journal);
    lines.remove(9);
    write(journal, lines);

    assertThat(new JournalChain().walk(journal, Set.of()))
        .isInstanceOfSatisfying(ChainReport.Broken.class, r -> assertThat(r.message())
            .contains("journal.jsonl:10 (seq 10)").contains("seq 10 comes after seq 8")
            .contains("seq 9 were removed or moved"));
  }

  @Test
  void anInsertedLineWithoutAChainHashIsNamed() throws Exception {
    Path journal = written();
    List<String> lines = lines(journal);
    lines.add(3, "{\"seq\":3,\"type\":\"note\",\"at\":{\"utc\":\"2026-12-01T01:00:01Z\",\"mono\":1},"
        + "\"level\":\"INFO\",\"message\":\"all fine\"}");
    write(journal, lines);

    assertThat(new JournalChain().walk(journal, Set.of()))
        .isInstanceOfSatisfying(ChainReport.Broken.class, r -> assertThat(r.message())
            .isEqualTo("journal.jsonl:4: the line carries no chain hash (it was not written by"
                + " Gameday: inserted or rewritten)"));
  }

  @Test
  void aLastLineCutShortIsTruncationNotTampering() throws Exception {
    Path journal = written();
    String text = Files.readString(journal);
    Files.writeString(journal, text.substring(0, text.length() - 25));

    ChainReport report = new JournalChain().walk(journal, Set.of());

    assertThat(report).isInstanceOfSatisfying(ChainReport.Truncated.class, r -> assertThat(
        r.message()).isEqualTo("journal.jsonl:" + r.lines() + ": the last line is incomplete (the run"
            + " was probably killed while writing it); every line before it is intact"));
  }

  @Test
  void rollbackAfterATornLineContinuesTheChain() throws Exception {
    Path journal = written();
    String text = Files.readString(journal);
    Files.writeString(journal, text.substring(0, text.length() - 25));
    long lastSeq = new JournalReader().read(journal, e -> {}).lastSeq();
    try (JournalWriter w = JournalWriter.append(journal, lastSeq)) {
      w.append(new TimelineEvent.Note(JournalFormatGoldenTest.at(100), TimelineEvent.Level.INFO,
          "rollback"));
    }

    ChainReport report = new JournalChain().walk(journal, Set.of());

    assertThat(report).isInstanceOfSatisfying(ChainReport.Intact.class, r -> assertThat(r.notes())
        .singleElement().asString().contains("an incomplete line").contains("continued after by rollback"));
  }

  @Test
  void aVersionOneJournalIsUnchainedNotBroken() throws Exception {
    assertThat(new JournalChain().walk(JournalFormatGoldenTest.GOLDEN_V1, Set.of(2L)))
        .isInstanceOfSatisfying(ChainReport.Unchained.class, r -> {
          assertThat(r.version()).isEqualTo(1);
          assertThat(r.checkpoints()).containsKey(2L);
        });
  }
}
