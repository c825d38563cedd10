package dev.gameday.sandbox.internal.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small subset of KQL over Resource Graph rows:
 * {@code Resources | where <cond> [and <cond>]... | project a, b | limit n}, where a condition is
 * {@code field (=~ | == | != | !~ | in~ | in) value(s)} and field is a top-level column or
 * {@code tags['k']} / {@code tags.k}.
 */
record ResourceGraphQuery(List<Condition> conditions, List<String> projection, int limit) {

  private static final Pattern CONDITION = Pattern.compile(
      "\\s*(?<field>tags\\[\\s*['\"](?<tag>[^'\"]+)['\"]\\s*]|tags\\.(?<tag2>[A-Za-z0-9_-]+)|[A-Za-z_][A-Za-z0-9_]*)"
          + "\\s*(?<op>=~|==|!=|!~|in~|in)\\s*(?<value>'[^']*'|\"[^\"]*\"|\\([^)]*\\))\\s*");

  /** One comparison. */
  record Condition(String field, String tag, String op, List<String> values) {
    boolean test(JsonNode row) {
      JsonNode node = tag != null ? row.path("tags").path(tag) : row.path(field);
      if (node.isMissingNode() || node.isNull()) {
        return op.startsWith("!");
      }
      String actual = node.asText();
      boolean caseless = op.contains("~");
      boolean any = values.stream().anyMatch(v -> caseless ? v.equalsIgnoreCase(actual) : v.equals(actual));
      return op.startsWith("!") != any;
    }
  }

  static ResourceGraphQuery parse(String query) {
    String[] stages = query.split("\\|");
    if (!stages[0].trim().equalsIgnoreCase("resources")) {
      throw invalid("the sandbox only queries the 'Resources' table, not '" + stages[0].trim() + "'");
    }
    List<Condition> conditions = new ArrayList<>();
    List<String> projection = new ArrayList<>();
    int limit = 1000;
    for (int i = 1; i < stages.length; i++) {
      String stage = stages[i].trim();
      String lower = stage.toLowerCase(Locale.ROOT);
      if (lower.startsWith("where ")) {
        for (String part : stage.substring(6).split("(?i)\\s+and\\s+")) {
          conditions.add(condition(part));
        }
      } else if (lower.startsWith("project ")) {
        for (String column : stage.substring(8).split(",")) {
          projection.add(column.trim());
        }
      } else if (lower.startsWith("limit ") || lower.startsWith("take ")) {
        try {
          limit = Integer.parseInt(stage.substring(stage.indexOf(' ') + 1).trim());
        } catch (NumberFormatException e) {
          throw invalid("bad limit: " + stage);
        }
      } else {
        throw invalid("unsupported operator: " + stage);
      }
    }
    return new ResourceGraphQuery(conditions, projection, limit);
  }

  private static Condition condition(String text) {
    Matcher m = CONDITION.matcher(text);
    if (!m.matches()) {
      throw invalid("unsupported condition: " + text.trim());
    }
    String tag = m.group("tag") != null ? m.group("tag") : m.group("tag2");
    String value = m.group("value");
    List<String> values = new ArrayList<>();
    if (value.startsWith("(")) {
      for (String v : value.substring(1, value.length() - 1).split(",")) {
        values.add(unquote(v.trim()));
      }
    } else {
      values.add(unquote(value));
    }
    return new Condition(tag != null ? "tags" : m.group("field"), tag, m.group("op"), values);
  }

  private static String unquote(String v) {
    return v.length() >= 2 && (v.startsWith("'") || v.startsWith("\"")) ? v.substring(1, v.length() - 1) : v;
  }

  private static ArmException invalid(String why) {
    return ArmException.badRequest("BadRequest", "Please provide below info when asking for support: ... Query is "
        + "invalid: " + why + " (the sandbox supports: Resources | where f =~ 'v' [and ...] | project ... | limit n).");
  }

  List<JsonNode> run(List<ObjectNode> rows) {
    List<JsonNode> out = new ArrayList<>();
    for (ObjectNode row : rows) {
      if (out.size() >= limit) {
        break;
      }
      if (conditions.stream().allMatch(c -> c.test(row))) {
        if (projection.isEmpty()) {
          out.add(row);
        } else {
          ObjectNode projected = row.objectNode();
          projection.forEach(col -> projected.set(col, row.path(col).isMissingNode() ? null : row.get(col)));
          out.add(projected);
        }
      }
    }
    return out;
  }
}
