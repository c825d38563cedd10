package dev.gameday.runner.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gameday.core.event.RunOutcome;
import dev.gameday.core.event.TimelineEvent;
import dev.gameday.core.journal.JournalFormat;
import dev.gameday.core.journal.JournalReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A run as listed: who, when, which resources, and how it ended — read from the journal's first
 * events and its last line only, so that listing runs (and the target lock checked at every run's
 * start) costs the same for a two-hour journal of millions of samples as for a short one. What a
 * rollback needs is in {@link RunRecord}, which reads the whole journal.
 */
public record RunHead(Path dir, String runId, String experimentName, Path experimentFile,
    Instant started, Map<String, List<String>> targets, Optional<RunOutcome> outcome) {

  /** Targets are journaled before the baseline; a journal that has none by then has none. */
  private static final int HEAD_LINES = 1_000;
  private static final int TAIL_BYTES = 64 * 1024;

  public boolean finished() {
    return outcome.isPresent();
  }

  public Set<String> resources() {
    Set<String> all = new LinkedHashSet<>();
    targets.values().forEach(all::addAll);
    return all;
  }

  /** Reads the head and the tail of a run directory's journal. */
  public static RunHead read(Path dir) throws IOException {
    Path file = dir.resolve(JournalFormat.FILE_NAME);
    if (!Files.isRegularFile(file)) {
      throw new JournalReader.UnreadableJournalException(dir + ": no journal here");
    }
    ObjectMapper mapper = JournalFormat.mapper();
    TimelineEvent.RunStarted started = null;
    Map<String, List<String>> targets = Map.of();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      JournalReader.headerVersion(file, in.readLine());
      String line;
      for (int n = 0; n < HEAD_LINES && (line = in.readLine()) != null; n++) {
        if (line.contains("\"type\":\"run.started\"")) {
          started = event(mapper, line, TimelineEvent.RunStarted.class).orElse(started);
        } else if (line.contains("\"type\":\"targets.resolved\"")) {
          targets = event(mapper, line, TimelineEvent.TargetsResolved.class)
              .map(TimelineEvent.TargetsResolved::targets).orElse(targets);
        } else if (line.contains("\"phase\":\"BASELINE\"")) {
          break;
        }
      }
    }
    if (started == null) {
      throw new JournalReader.UnreadableJournalException(dir + ": the journal has no run.started event");
    }
    Optional<RunOutcome> outcome = lastLine(file)
        .filter(l -> l.contains("\"type\":\"run.finished\""))
        .flatMap(l -> event(mapper, l, TimelineEvent.RunFinished.class))
        .map(TimelineEvent.RunFinished::outcome);
    return new RunHead(dir, started.runId(), started.experimentName(),
        Path.of(started.experimentFile()), started.at().utc(), targets, outcome);
  }

  private static <T extends TimelineEvent> Optional<T> event(ObjectMapper mapper, String line,
      Class<T> type) {
    try {
      TimelineEvent e = mapper.readValue(line, TimelineEvent.class);
      return type.isInstance(e) ? Optional.of(type.cast(e)) : Optional.empty();
    } catch (IOException | IllegalArgumentException torn) {
      return Optional.empty();
    }
  }

  private static Optional<String> lastLine(Path file) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      long size = f.length();
      int n = (int) Math.min(size, TAIL_BYTES);
      byte[] tail = new byte[n];
      f.seek(size - n);
      f.readFully(tail);
      String text = new String(tail, StandardCharsets.UTF_8).stripTrailing();
      int nl = text.lastIndexOf('\n');
      return Optional.of(nl < 0 ? text : text.substring(nl + 1));
    }
  }
}
