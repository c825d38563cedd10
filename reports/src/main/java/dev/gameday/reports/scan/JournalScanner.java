package dev.gameday.reports.scan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gameday.core.event.Stamp;
import dev.gameday.core.event.TimelineEvent;
import dev.gameday.core.event.TimelineEvent.Outcome;
import dev.gameday.core.event.TimelineEvent.ProbeSample;
import dev.gameday.core.journal.JournalEntry;
import dev.gameday.core.journal.JournalFormat;
import dev.gameday.core.journal.JournalReader;
import dev.gameday.core.journal.JournalReader.UnreadableJournalException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Streams a journal like {@link JournalReader} (same header rules, same damage reporting) but
 * fast enough for millions of probe samples: {@code probe.sample} lines are read with Jackson's
 * streaming parser, every other line with data binding. Nothing is held in memory.
 */
public final class JournalScanner {
  private static final String SAMPLE_TYPE = "probe.sample";

  private final ObjectMapper mapper = JournalFormat.mapper();
  private final JsonFactory factory = mapper.getFactory();

  /** Reads every event in order and gives it to {@code sink}; damage becomes problems. */
  public JournalReader.Problems scan(Path file, Consumer<JournalEntry> sink) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new UnreadableJournalException(file + ": no journal here");
    }
    List<String> problems = new ArrayList<>();
    boolean truncated = false;
    long lastSeq = 0;
    int version;
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
      version = headerVersion(file, in.readLine());
      int lineNo = 1;
      String pending = in.readLine();
      String line;
      while ((line = pending) != null) {
        lineNo++;
        pending = in.readLine();
        if (line.isBlank()) {
          continue;
        }
        JournalEntry entry;
        try {
          entry = parse(line);
        } catch (IOException | RuntimeException e) {
          if (pending == null) {
            truncated = true;
            problems.add(file.getFileName() + ":" + lineNo
                + ": the last line is incomplete (the run was probably killed while writing it)");
          } else {
            problems.add(file.getFileName() + ":" + lineNo + ": unreadable event skipped: "
                + firstLine(e.getMessage()));
          }
          continue;
        }
        lastSeq = Math.max(lastSeq, entry.seq());
        sink.accept(entry);
      }
    }
    return new JournalReader.Problems(version, List.copyOf(problems), truncated, lastSeq);
  }

  private JournalEntry parse(String line) throws IOException {
    JournalEntry sample = tryParseSample(line);
    if (sample != null) {
      return sample;
    }
    JsonNode node = mapper.readTree(line);
    if (node == null || !node.isObject()) {
      throw new IOException("not a JSON object");
    }
    TimelineEvent event = mapper.treeToValue(node, TimelineEvent.class);
    return new JournalEntry(node.path("seq").asLong(), event);
  }

  /** The entry if {@code line} is a well-formed probe sample; null if it is anything else. */
  private JournalEntry tryParseSample(String line) throws IOException {
    long seq = -1;
    String utc = null;
    long mono = 0;
    String probe = null;
    long scheduled = 0;
    long started = 0;
    long ended = 0;
    int status = 0;
    String outcome = null;
    String reason = "";
    boolean isSample = false;
    try (JsonParser p = factory.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        switch (name) {
          case "seq" -> seq = p.getLongValue();
          case "type" -> {
            if (!SAMPLE_TYPE.equals(p.getText())) {
              return null;
            }
            isSample = true;
          }
          case "at" -> {
            if (value != JsonToken.START_OBJECT) {
              return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String f = p.currentName();
              p.nextToken();
              switch (f) {
                case "utc" -> utc = p.getText();
                case "mono" -> mono = p.getLongValue();
                default -> p.skipChildren();
              }
            }
          }
          case "probe" -> probe = p.getText();
          case "scheduled" -> scheduled = p.getLongValue();
          case "started" -> started = p.getLongValue();
          case "ended" -> ended = p.getLongValue();
          case "status" -> status = p.getIntValue();
          case "outcome" -> outcome = p.getText();
          case "reason" -> reason = value == JsonToken.VALUE_NULL ? "" : p.getText();
          default -> p.skipChildren();
        }
      }
      if (t != JsonToken.END_OBJECT) {
        throw new IOException("unexpected " + t);
      }
    }
    if (!isSample || seq < 0 || utc == null || probe == null || outcome == null) {
      return null;
    }
    Stamp at = new Stamp(IsoInstants.parse(utc), mono);
    return new JournalEntry(seq, new ProbeSample(at, probe, scheduled, started, ended, status,
        Outcome.valueOf(outcome), reason));
  }

  private int headerVersion(Path file, String header) throws IOException {
    if (header == null) {
      throw new UnreadableJournalException(file + ": the journal is empty");
    }
    JsonNode node;
    try {
      node = mapper.readTree(header);
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

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
