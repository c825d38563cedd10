package dev.gameday.core.load;

import static dev.gameday.core.load.ExperimentBinder.duration;
import static dev.gameday.core.load.ExperimentBinder.list;
import static dev.gameday.core.load.ExperimentBinder.strings;
import static dev.gameday.core.load.ExperimentBinder.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.core.model.Expectation;
import dev.gameday.core.model.HttpRequestSpec;
import dev.gameday.core.model.ProbeSpec;
import dev.gameday.core.model.SteadyState;
import dev.gameday.core.model.Tolerance;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Builds {@link SteadyState} and its probes from a validated tree. */
final class ProbeBinder {
  private final Path baseDir;
  private final Set<String> envPointers;

  ProbeBinder(Path baseDir, Set<String> envPointers) {
    this.baseDir = baseDir;
    this.envPointers = envPointers;
  }

  SteadyState steadyState(JsonNode s) {
    List<ProbeSpec> probes = new ArrayList<>();
    JsonNode list = s.path("probes");
    for (int i = 0; i < list.size(); i++) {
      probes.add(probe(list.get(i), Pointers.child("/steadyState/probes", i)));
    }
    return new SteadyState(duration(s.path("baseline")).orElse(BinderDefaults.BASELINE), probes);
  }

  private ProbeSpec probe(JsonNode p, String pointer) {
    JsonNode prometheus = p.path("prometheus");
    boolean isQuery = prometheus.isObject();
    HttpRequestSpec http = isQuery ? prometheusQuery(prometheus, pointer + "/prometheus")
        : http(p.path("http"), pointer + "/http");
    Expectation expect = isQuery ? promValue(prometheus) : expectation(p.path("expect"));
    return new ProbeSpec(p.path("name").asText(), http,
        duration(p.path("every")).orElse(BinderDefaults.PROBE_EVERY), expect,
        tolerance(p.path("tolerance")),
        text(p.path("mode")).map(m -> ProbeSpec.Mode.valueOf(m.toUpperCase(Locale.ROOT))).orElse(ProbeSpec.Mode.CONTINUOUS));
  }

  private HttpRequestSpec http(JsonNode h, String pointer) {
    return new HttpRequestSpec(text(h.path("method")).orElse("GET"), URI.create(h.path("url").asText()),
        strings(h.path("headers")), secretHeaders(h, pointer), text(h.path("body")), timeout(h), tls(h.path("tls")),
        h.path("followRedirects").asBoolean(true), redirects(h.path("redirects")),
        h.has("maxBodyBytes") ? h.path("maxBodyBytes").asLong() : HttpRequestSpec.DEFAULT_MAX_BODY_BYTES);
  }

  /**
   * A {@code prometheus:} block is an HTTP probe of Prometheus's instant-query API, so it shares
   * scheduling, TLS, headers and metrics with every other probe instead of a second engine.
   */
  private HttpRequestSpec prometheusQuery(JsonNode q, String pointer) {
    return new HttpRequestSpec("GET", queryUrl(q.path("url").asText(), q.path("query").asText()),
        strings(q.path("headers")), secretHeaders(q, pointer), Optional.empty(), timeout(q), tls(q.path("tls")),
        true, redirects(q.path("redirects")), BinderDefaults.PROMETHEUS_MAX_BODY_BYTES);
  }

  /** {@code <base>/api/v1/query?query=<query>}, spaces encoded as %20 so the URL reads plainly. */
  private static URI queryUrl(String base, String query) {
    String encoded = URLEncoder.encode(query, StandardCharsets.UTF_8).replace("+", "%20");
    return URI.create(base.replaceAll("/+$", "") + "/api/v1/query?query=" + encoded);
  }

  private static HttpRequestSpec.Redirects redirects(JsonNode r) {
    HttpRequestSpec.Redirects d = HttpRequestSpec.Redirects.defaults();
    return new HttpRequestSpec.Redirects(
        r.path("secretHeadersToOtherOrigins").asBoolean(d.secretHeadersToOtherOrigins()),
        r.path("httpsToHttp").asBoolean(d.httpsToHttp()));
  }

  /** Headers whose value came from the environment, or whose name says they carry a credential. */
  private Set<String> secretHeaders(JsonNode h, String pointer) {
    Set<String> secret = new HashSet<>();
    h.path("headers").fieldNames().forEachRemaining(k -> {
      if (envPointers.contains(Pointers.child(pointer + "/headers", k))
          || HttpRequestSpec.sensitiveName(k)) {
        secret.add(k);
      }
    });
    return secret;
  }

  private static Duration timeout(JsonNode h) {
    return duration(h.path("timeout")).orElse(HttpRequestSpec.DEFAULT_TIMEOUT);
  }

  private HttpRequestSpec.Tls tls(JsonNode tls) {
    return new HttpRequestSpec.Tls(path(tls.path("caFile")), path(tls.path("clientCert")),
        path(tls.path("clientKey")), tls.path("insecure").asBoolean(false));
  }

  private Optional<Path> path(JsonNode n) {
    return text(n).map(p -> baseDir.resolve(p).normalize());
  }

  private static Expectation expectation(JsonNode e) {
    List<Expectation.StatusRange> status = new ArrayList<>();
    e.path("status").forEach(s -> status.add(statusRange(s)));
    JsonNode jp = e.path("jsonPointer");
    Optional<Expectation.JsonPointerEquals> pointer = jp.isObject()
        ? Optional.of(new Expectation.JsonPointerEquals(jp.path("pointer").asText(), jp.path("equals").asText()))
        : Optional.empty();
    return new Expectation(status, duration(e.path("latencyBelow")), text(e.path("bodyContains")),
        text(e.path("bodyMatches")), pointer, list(e.path("headerPresent")), Optional.empty());
  }

  /** Prometheus answers a good query with 200; the value is judged against the one bound given. */
  private static Expectation promValue(JsonNode q) {
    Expectation.PromValue.Comparison comparison = Arrays.stream(Expectation.PromValue.Comparison.values())
        .filter(c -> q.has(c.yamlName())).findFirst().orElseThrow();
    return new Expectation(List.of(new Expectation.StatusRange(200, 200)), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), List.of(),
        Optional.of(new Expectation.PromValue(comparison, q.path(comparison.yamlName()).asDouble())));
  }

  private static Expectation.StatusRange statusRange(JsonNode s) {
    if (s.isIntegralNumber()) {
      return new Expectation.StatusRange(s.asInt(), s.asInt());
    }
    String t = s.asText();
    if (t.endsWith("xx")) {
      int c = (t.charAt(0) - '0') * 100;
      return new Expectation.StatusRange(c, c + 99);
    }
    String[] parts = t.split("-");
    int from = Integer.parseInt(parts[0]);
    return new Expectation.StatusRange(from, parts.length > 1 ? Integer.parseInt(parts[1]) : from);
  }

  private static Tolerance tolerance(JsonNode t) {
    Tolerance d = Tolerance.defaults();
    JsonNode l = t.path("latency");
    Optional<Tolerance.LatencyPercentile> latency = l.isObject()
        ? Optional.of(new Tolerance.LatencyPercentile(l.path("percentile").asDouble(), duration(l.path("below")).orElseThrow()))
        : Optional.empty();
    return new Tolerance(
        t.has("successRatio") ? t.path("successRatio").asDouble() : d.successRatio(),
        duration(t.path("over")).orElse(d.over()),
        latency,
        t.has("failuresToBreach") ? t.path("failuresToBreach").asInt() : d.failuresToBreach(),
        t.has("successesToRestore") ? t.path("successesToRestore").asInt() : d.successesToRestore());
  }
}
