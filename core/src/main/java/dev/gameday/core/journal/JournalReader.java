package dev.gameday.core.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gameday.core.event.TimelineEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Streams a journal back, event by event, without holding it in memory. Damage is reported, not
 * thrown: a torn last line (a crash mid-write) and unreadable lines become {@link Problems}.
 */
public final class JournalReader {
  private static final ObjectMapper HEADER_MAPPER = new ObjectMapper();
  private final ObjectMapper mapper = JournalFormat.mapper();

  /** What was wrong with a journal that could still be read. */
  public record Problems(int version, List<String> messages, boolean truncated, long lastSeq) {}

  /** Thrown when a journal cannot be read at all (missing, not a journal, newer version). */
  public static final class UnreadableJournalException extends IOException {
    public UnreadableJournalException(String message) {
      super(message);
    }
  }

  /** Reads every event in order and gives it to {@code sink}. */
  public Problems read(Path file, Consumer<JournalEntry> sink) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new UnreadableJournalException(file + ": no journal here");
    }
    List<String> problems = new ArrayList<>();
    boolean truncated = false;
    long lastSeq = 0;
    int version;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      version = headerVersion(file, header);
      String line;
      int lineNo = 1;
      String pending = in.readLine();
      while ((line = pending) != null) {
        lineNo++;
        pending = in.readLine();
        if (line.isBlank()) {
          continue;
        }
        try {
          JsonNode node = mapper.readTree(line);
          long seq = node.path("seq").asLong();
          TimelineEvent event = mapper.treeToValue(node, TimelineEvent.class);
          lastSeq = Math.max(lastSeq, seq);
          sink.accept(new JournalEntry(seq, event));
        } catch (IOException | IllegalArgumentException e) {
          if (pending == null) {
            truncated = true;
            problems.add(file.getFileName() + ":" + lineNo
                + ": the last line is incomplete (the run was probably killed while writing it)");
          } else {
            problems.add(file.getFileName() + ":" + lineNo + ": unreadable event skipped: "
                + firstLine(e.getMessage()));
          }
        }
      }
    }
    return new Problems(version, List.copyOf(problems), truncated, lastSeq);
  }

  /** Reads the whole journal into a list (for small journals and tests). */
  public List<JournalEntry> readAll(Path file) throws IOException {
    List<JournalEntry> out = new ArrayList<>();
    read(file, out::add);
    return out;
  }

  /**
   * Checks a journal's first line and returns its format version; throws when it is not a
   * Gameday journal or is newer than this build. Shared by every reader of journals.
   */
  public static int headerVersion(Path file, String header) throws IOException {
    if (header == null) {
      throw new UnreadableJournalException(file + ": the journal is empty");
    }
    JsonNode node;
    try {
      node = HEADER_MAPPER.readTree(header);
    } catch (IOException e) {
      throw new UnreadableJournalException(file + ": not a Gameday journal (bad first line)");
    }
    if (node == null || !"gameday".equals(node.path("journal").asText())) {
      throw new UnreadableJournalException(file + ": not a Gameday journal (bad first line)");
    }
    int version = node.path("version").asInt(-1);
    if (version > JournalFormat.VERSION) {
      throw new UnreadableJournalException(file + ": journal format version " + version
          + " is newer than this Gameday understands (" + JournalFormat.VERSION
          + "); use a newer Gameday to read it");
    }
    if (version < 1) {
      throw new UnreadableJournalException(file + ": journal has no valid format version");
    }
    return version;
  }

  /** The first line of a (possibly multi-line) message. */
  public static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
