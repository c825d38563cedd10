package dev.gameday.probes.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gameday.core.model.Expectation;
import java.io.IOException;
import java.util.Optional;

/**
 * Judges the body of a Prometheus instant-query answer ({@code GET /api/v1/query}) against an
 * {@link Expectation.PromValue}. A vector is good when every series holds, a scalar when its value
 * holds. An empty result fails: no data is not good news (a renamed metric or a dead exporter
 * would otherwise pass forever). NaN never holds ({@code 0/0} when there was no traffic).
 */
final class PromAnswer {
  private final Expectation.PromValue bound;
  private final ObjectMapper json;

  PromAnswer(Expectation.PromValue bound, ObjectMapper json) {
    this.bound = bound;
    this.json = json;
  }

  /** Why the answer is not good, or empty when every value holds. */
  Optional<String> problem(BoundedBody body) {
    if (body.truncated()) {
      return Optional.of("answer exceeds " + body.bytes().length
          + " bytes; not judged (aggregate the query to fewer series)");
    }
    JsonNode root = parse(body);
    if (root == null) {
      return Optional.of("answer is not JSON");
    }
    if (!"success".equals(root.path("status").asText())) {
      return Optional.of("query failed: "
          + ResponseJudge.clip(root.path("error").asText("not a Prometheus API answer")));
    }
    JsonNode data = root.path("data");
    String type = data.path("resultType").asText();
    return switch (type) {
      case "scalar" -> valueProblem(data.path("result").path(1).asText(), "");
      case "vector" -> vectorProblem(data.path("result"));
      default -> Optional.of("query must return a scalar or an instant vector, not "
          + (type.isEmpty() ? "nothing" : type));
    };
  }

  /** Prometheus's own error text for an answer with a failed status, as {@code ": text"}. */
  String errorSuffix(BoundedBody body) {
    JsonNode root = parse(body);
    return root != null && root.path("error").isTextual()
        ? ": " + ResponseJudge.clip(root.path("error").asText()) : "";
  }

  private JsonNode parse(BoundedBody body) {
    try {
      JsonNode root = json.readTree(body.bytes());
      return root == null || root.isMissingNode() ? null : root;
    } catch (IOException e) {
      return null;
    }
  }

  private Optional<String> vectorProblem(JsonNode series) {
    if (!series.isArray() || series.isEmpty()) {
      return Optional.of("query returned no data");
    }
    for (JsonNode s : series) {
      Optional<String> problem =
          valueProblem(s.path("value").path(1).asText(), labels(s.path("metric")));
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  /** {@code text} is the value as Prometheus wrote it, shown unchanged in the reason. */
  private Optional<String> valueProblem(String text, String series) {
    double value;
    try {
      value = number(text);
    } catch (NumberFormatException e) {
      return Optional.of("value is not a number: " + ResponseJudge.clip(text) + series);
    }
    if (bound.comparison().holds(value, bound.threshold())) {
      return Optional.empty();
    }
    return Optional.of("value " + text + " not " + bound.describe() + series);
  }

  /** Prometheus writes infinities as {@code +Inf} and {@code -Inf}, which Java does not parse. */
  private static double number(String text) {
    return switch (text) {
      case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(text);
    };
  }

  /** {@code " for {code="500"}"}, or nothing for a series without labels (e.g. a sum). */
  private static String labels(JsonNode metric) {
    if (metric.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder("{");
    metric.properties().forEach(e -> out.append(out.length() > 1 ? "," : "").append(e.getKey())
        .append("=\"").append(e.getValue().asText()).append('"'));
    return " for " + ResponseJudge.clip(out.append('}').toString());
  }
}
