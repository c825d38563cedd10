package dev.gameday.core.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Steady state: a positive baseline, at least one probe, unique probe names, absolute http(s)
 * URLs, positive intervals and timeouts, valid status codes, regexes, JSON pointers and tolerances.
 */
final class ProbeCheck implements SemanticCheck {
  private static final Pattern STATUS = Pattern.compile("([1-5])xx|([1-5]\\d\\d)(?:-([1-5]\\d\\d))?");

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
