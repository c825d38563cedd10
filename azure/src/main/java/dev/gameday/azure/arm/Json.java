package dev.gameday.azure.arm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** JSON helpers for ARM bodies (Jackson tree model; no mutable state). */
public final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  public static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  public static ArrayNode array(List<String> values) {
    ArrayNode a = array();
    values.forEach(a::add);
    return a;
  }

  public static JsonNode parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
  }

  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The text at a {@code /a/b} JSON pointer, if present and not null. */
  public static Optional<String> text(JsonNode node, String pointer) {
    JsonNode n = node.at(pointer);
    return n.isMissingNode() || n.isNull() ? Optional.empty() : Optional.of(n.asText());
  }

  /** The instant at a pointer, if present and parseable as ISO-8601. */
  public static Optional<Instant> instant(JsonNode node, String pointer) {
    return text(node, pointer).flatMap(t -> {
      try {
        return Optional.of(OffsetDateTime.parse(t).toInstant());
      } catch (DateTimeParseException e) {
        try {
          return Optional.of(Instant.parse(t));
        } catch (DateTimeParseException e2) {
          return Optional.empty();
        }
      }
    });
  }

  /** The elements of the array at a pointer (none if absent). */
  public static List<JsonNode> elements(JsonNode node, String pointer) {
    List<JsonNode> out = new ArrayList<>();
    node.at(pointer).forEach(out::add);
    return out;
  }
}
