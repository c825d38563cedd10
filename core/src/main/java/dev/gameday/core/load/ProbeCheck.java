package dev.gameday.core.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.core.model.Expectation.PromValue.Comparison;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Steady state: a positive baseline, at least one probe, unique probe names, exactly one of
 * {@code http} or {@code prometheus} per probe, absolute http(s) URLs, positive intervals and
 * timeouts, valid status codes, regexes, JSON pointers and tolerances; a Prometheus query that is
 * not blank, exactly one bound on its value, and no {@code expect} beside it.
 */
final class ProbeCheck implements SemanticCheck {
  private static final Pattern STATUS = Pattern.compile("([1-5])xx|([1-5]\\d\\d)(?:-([1-5]\\d\\d))?");
  private static final Pattern BASE_WITH_EXTRAS = Pattern.compile("(?i)https?://[^/?#]+[^?#]*[?#].*");
  private static final List<String> KINDS = List.of("http", "prometheus");
  private static final List<String> BOUNDS = Arrays.stream(Comparison.values()).map(Comparison::yamlName).toList();

  @Override
  public void check(CheckContext ctx) {
    ctx.duration("/steadyState/baseline", false);
    JsonNode probes = ctx.at("/steadyState/probes");
    if (ctx.at("/steadyState").isObject() && (!probes.isArray() || probes.isEmpty())) {
      ctx.report(probes.isMissingNode() ? "/steadyState" : "/steadyState/probes",
          "steadyState needs at least one probe", "without a probe Gameday cannot tell whether the application is fine");
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < probes.size(); i++) {
      String p = Pointers.child("/steadyState/probes", i);
      ctx.text(p + "/name").filter(n -> !names.add(n)).ifPresent(n ->
          ctx.report(p + "/name", "probe name `" + n + "` is used twice", "probe names must be unique"));
      probe(ctx, p);
    }
  }

  private void probe(CheckContext ctx, String p) {
    kind(ctx, p);
    prometheus(ctx, p);
    ctx.absoluteUrl(p + "/http/url", List.of("http", "https"));
    ctx.duration(p + "/http/timeout", false);
    ctx.duration(p + "/every", false);
    JsonNode max = ctx.at(p + "/http/maxBodyBytes");
    if (max.isIntegralNumber() && max.asLong() < 1) {
      ctx.report(p + "/http/maxBodyBytes", "maxBodyBytes must be at least 1");
    }
    JsonNode status = ctx.at(p + "/expect/status");
    for (int i = 0; i < status.size(); i++) {
      status(ctx, Pointers.child(p + "/expect/status", i));
    }
    ctx.duration(p + "/expect/latencyBelow", false);
    ctx.text(p + "/expect/bodyMatches").ifPresent(regex -> {
      try {
        Pattern.compile(regex);
      } catch (PatternSyntaxException e) {
        ctx.report(p + "/expect/bodyMatches", "bodyMatches is not a valid Java regular expression: "
            + e.getDescription() + " near index " + e.getIndex());
      }
    });
    ctx.text(p + "/expect/jsonPointer/pointer").filter(ptr -> !ptr.isEmpty() && !ptr.startsWith("/")).ifPresent(ptr ->
        ctx.report(p + "/expect/jsonPointer/pointer", "jsonPointer.pointer must start with / (RFC 6901), not "
            + ctx.shown(p + "/expect/jsonPointer/pointer"), "e.g. /status"));
    ctx.ratio(p + "/tolerance/successRatio");
    ctx.duration(p + "/tolerance/over", false);
    ctx.duration(p + "/tolerance/latency/below", false);
    JsonNode percentile = ctx.at(p + "/tolerance/latency/percentile");
    if (percentile.isNumber() && !(percentile.asDouble() > 0 && percentile.asDouble() <= 100)) {
      ctx.report(p + "/tolerance/latency/percentile", "latency.percentile must be above 0 and at most 100");
    }
    for (String k : List.of("failuresToBreach", "successesToRestore")) {
      JsonNode n = ctx.at(p + "/tolerance/" + k);
      if (n.isIntegralNumber() && n.asLong() < 1) {
        ctx.report(p + "/tolerance/" + k, k + " must be at least 1");
      }
    }
  }

  private static void kind(CheckContext ctx, String p) {
    if (!ctx.at(p).isObject()) {
      return;
    }
    List<String> kinds = ctx.presentKeys(p, KINDS);
    if (kinds.size() != 1) {
      ctx.report(p, "probe " + ctx.text(p + "/name").map(n -> "`" + n + "` ").orElse("")
          + "needs exactly one of http or prometheus" + (kinds.isEmpty() ? "" : ", found http and prometheus"),
          kinds.isEmpty() ? "http: {url: ...} for a request, or prometheus: {url: ..., query: ..., below: ...} "
              + "for a PromQL value" : "split it into two probes");
    }
  }

  private static void prometheus(CheckContext ctx, String p) {
    String q = p + "/prometheus";
    if (!ctx.at(q).isObject()) {
      return;
    }
    if (!ctx.at(p + "/expect").isMissingNode()) {
      ctx.report(p + "/expect", "expect does not apply to a prometheus probe: its answer is judged by the bound "
          + "on the query's value", "remove expect; put the limit in prometheus, e.g. below: 0.02");
    }
    ctx.absoluteUrl(q + "/url", List.of("http", "https"));
    ctx.text(q + "/url").filter(u -> BASE_WITH_EXTRAS.matcher(u).matches()).ifPresent(u ->
        ctx.report(q + "/url", "prometheus.url is the server's base URL and takes no ?query or #fragment",
            "e.g. https://prometheus.example.internal; the query goes in prometheus.query"));
    ctx.text(q + "/query").filter(String::isBlank).ifPresent(t ->
        ctx.report(q + "/query", "prometheus.query is blank", "a PromQL expression that returns a scalar or "
            + "an instant vector, e.g. sum(rate(http_requests_total{code=~\"5..\"}[1m]))"));
    List<String> bounds = ctx.presentKeys(q, BOUNDS);
    if (bounds.size() != 1) {
      ctx.report(q, "prometheus needs exactly one bound on the value: " + String.join(", ", BOUNDS)
          + (bounds.isEmpty() ? "" : "; found " + String.join(" and ", bounds)),
          "e.g. below: 0.02, so every value must stay under 0.02");
    }
    ctx.duration(q + "/timeout", false);
  }

  private static void status(CheckContext ctx, String p) {
    JsonNode n = ctx.at(p);
    if (n.isIntegralNumber()) {
      if (n.asLong() < 100 || n.asLong() > 599) {
        ctx.report(p, "HTTP status " + n.asLong() + " is outside 100-599");
      }
      return;
    }
    if (!n.isTextual()) {
      return;
    }
    var m = STATUS.matcher(n.asText());
    if (!m.matches()) {
      ctx.report(p, "not a status code, range or class: " + ctx.shown(p), "write 200, \"200-299\" or \"2xx\"");
    } else if (m.group(3) != null && Integer.parseInt(m.group(3)) < Integer.parseInt(m.group(2))) {
      ctx.report(p, "status range " + ctx.shown(p) + " ends before it starts");
    }
  }
}
