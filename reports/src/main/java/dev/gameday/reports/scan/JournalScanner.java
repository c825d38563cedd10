package dev.gameday.reports.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gameday.core.event.TimelineEvent;
import dev.gameday.core.journal.JournalEntry;
import dev.gameday.core.journal.JournalFormat;
import dev.gameday.core.journal.JournalReader;
import dev.gameday.core.journal.JournalReader.UnreadableJournalException;
import dev.gameday.core.journal.LineSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Streams a journal like {@link JournalReader} (same header rules, same damage reporting) but
 * fast enough for millions of probe samples: {@code probe.sample} lines in the shape the journal
 * writer writes are read straight from their bytes ({@link SampleLineParser}), every other line
 * with Jackson data binding. Nothing is held in memory.
 */
public final class JournalScanner {
  private final ObjectMapper mapper = JournalFormat.mapper();

  /** Reads every event in order and gives it to {@code sink}; damage becomes problems. */
  public JournalReader.Problems scan(Path file, Consumer<JournalEntry> sink) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new UnreadableJournalException(file + ": no journal here");
    }
    List<String> problems = new ArrayList<>();
    long lastSeq = 0;
    int version = 0;
    SampleLineParser samples = new SampleLineParser();
    String pendingProblem = null;
    int lineNo = 0;
    try (LineSource in = new LineSource(Files.newInputStream(file))) {
      while (in.next()) {
        lineNo++;
        if (lineNo == 1) {
          version = JournalReader.headerVersion(file, in.text());
          continue;
        }
        if (pendingProblem != null) {
          problems.add(file.getFileName() + ":" + (lineNo - 1) + ": unreadable event skipped: "
              + pendingProblem);
          pendingProblem = null;
        }
        if (in.blank()) {
          continue;
        }
        JournalEntry entry = samples.parse(in.buffer(), in.from(), in.to());
        if (entry == null) {
          try {
            entry = parse(in.text());
          } catch (IOException | RuntimeException e) {
            String m = JournalReader.firstLine(e.getMessage());
            pendingProblem = m.isEmpty() ? e.getClass().getSimpleName() : m;
            continue;
          }
        }
        lastSeq = Math.max(lastSeq, entry.seq());
        sink.accept(entry);
      }
    }
    if (lineNo == 0) {
      throw new UnreadableJournalException(file + ": the journal is empty");
    }
    boolean truncated = false;
    if (pendingProblem != null) {
      truncated = true;
      problems.add(file.getFileName() + ":" + lineNo
          + ": the last line is incomplete (the run was probably killed while writing it)");
    }
    return new JournalReader.Problems(version, List.copyOf(problems), truncated, lastSeq);
  }

  private JournalEntry parse(String line) throws IOException {
    JsonNode node = mapper.readTree(line);
    if (node == null || !node.isObject()) {
      throw new IOException("not a JSON object");
    }
    TimelineEvent event = mapper.treeToValue(node, TimelineEvent.class);
    return new JournalEntry(node.path("seq").asLong(), event);
  }
}
