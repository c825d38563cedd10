package dev.gameday.reports.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gameday.core.journal.JournalFormat;
import dev.gameday.core.model.Audit;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The few facts evidence needs from a journal (run.started with its audit metadata,
 * targets.resolved, run.finished), read without parsing the probe samples.
 */
public record RunFacts(Optional<JsonNode> started, Optional<JsonNode> targets,
    Optional<JsonNode> finished) {
  private static final String SAMPLE = "\"type\":\"probe.sample\"";

  /** The experiment's {@code audit:} metadata as the run journaled it, if it had any. */
  public Optional<Audit> audit() {
    JsonNode a = started.map(s -> s.path("audit")).filter(JsonNode::isObject).orElse(null);
    if (a == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(JournalFormat.mapper().treeToValue(a, Audit.class));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  public static RunFacts read(Path journal) throws IOException {
    ObjectMapper mapper = JournalFormat.mapper();
    JsonNode started = null;
    JsonNode targets = null;
    JsonNode finished = null;
    try (BufferedReader in = Files.newBufferedReader(journal, StandardCharsets.UTF_8)) {
      in.readLine();
      String line;
      while ((line = in.readLine()) != null) {
        int at = line.indexOf(SAMPLE);
        if ((at >= 0 && at < 40) || line.isBlank()) {
          continue;
        }
        JsonNode node;
        try {
          node = mapper.readTree(line);
        } catch (IOException e) {
          continue;
        }
        switch (node.path("type").asText()) {
          case "run.started" -> started = node;
          case "targets.resolved" -> targets = node;
          case "run.finished" -> finished = node;
          default -> { }
        }
      }
    }
    return new RunFacts(Optional.ofNullable(started), Optional.ofNullable(targets),
        Optional.ofNullable(finished));
  }
}
