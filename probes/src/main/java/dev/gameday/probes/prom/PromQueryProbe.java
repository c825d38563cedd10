package dev.gameday.probes.prom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gameday.core.event.TimelineEvent.Outcome;
import dev.gameday.core.port.RunClock;
import dev.gameday.probes.ProbeSetupException;
import dev.gameday.probes.http.ProbeResult;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * Runs a {@link PromQuerySpec} once against Prometheus's HTTP API ({@code GET /api/v1/query})
 * and judges the value. A vector result is good when every series holds; a scalar when its value
 * holds; an empty result is a failure (no data is not good news). Value failures are
 * {@code BODY_MISMATCH} with the value in the reason. Never throws.
 */
public final class PromQueryProbe {
  private static final long MAX_ANSWER_BYTES = 1024 * 1024;

  private final PromQuerySpec spec;
  private final OkHttpClient client;
  private final RunClock clock;
  private final ObjectMapper json;
  private final Request request;

  public PromQueryProbe(PromQuerySpec spec, OkHttpClient client, RunClock clock,
      ObjectMapper json) {
    this.spec = spec;
    this.client = client;
    this.clock = clock;
    this.json = json;
    HttpUrl base = HttpUrl.parse(spec.prometheus().toString());
    if (base == null) {
      throw new ProbeSetupException(spec.name(), "prometheus must be an http(s) URL");
    }
    this.request = new Request.Builder().url(base.newBuilder().addPathSegments("api/v1/query")
        .addQueryParameter("query", spec.query()).build()).get().build();
  }

  public ProbeResult call() {
    Instant startedUtc = clock.now();
    long started = clock.nanoTime();
    Call call = client.newCall(request);
    call.timeout().timeout(spec.timeout().toNanos(), TimeUnit.NANOSECONDS);
    try (Response response = call.execute()) {
      BufferedSource source = response.body().source();
      source.request(MAX_ANSWER_BYTES);
      byte[] body = source.getBuffer()
          .readByteArray(Math.min(source.getBuffer().size(), MAX_ANSWER_BYTES));
      long ended = clock.nanoTime();
      Verdict v = response.isSuccessful() ? judge(body) : rejected(response.code(), body);
      return new ProbeResult(startedUtc, started, ended, response.code(), v.outcome, v.reason);
    } catch (IOException | RuntimeException e) {
      long ended = clock.nanoTime();
      Verdict v = failure(e);
      return new ProbeResult(startedUtc, started, ended, 0, v.outcome, v.reason);
    }
  }

  private Verdict judge(byte[] body) throws IOException {
    JsonNode root = json.readTree(body);
    if (root == null || !"success".equals(root.path("status").asText())) {
      return new Verdict(Outcome.BODY_MISMATCH, "query failed: "
          + (root == null ? "empty answer" : root.path("error").asText("unknown error")));
    }
    JsonNode data = root.path("data");
    String type = data.path("resultType").asText();
    return switch (type) {
      case "scalar" -> judgeValue(data.path("result").path(1).asText(), "");
      case "vector" -> judgeVector(data.path("result"));
      default -> new Verdict(Outcome.BODY_MISMATCH,
          "query must return a scalar or an instant vector, got " + type);
    };
  }

  private Verdict rejected(int code, byte[] body) {
    String why = "";
    try {
      JsonNode root = json.readTree(body);
      if (root != null && root.hasNonNull("error")) {
        why = ": " + root.get("error").asText();
      }
    } catch (IOException e) {
      // not Prometheus's JSON error; the status alone must do
    }
    return new Verdict(Outcome.UNEXPECTED_STATUS, "Prometheus answered HTTP " + code + why);
  }

  private Verdict judgeVector(JsonNode series) {
    if (!series.isArray() || series.isEmpty()) {
      return new Verdict(Outcome.BODY_MISMATCH, "query returned no series");
    }
    for (JsonNode s : series) {
      Verdict v = judgeValue(s.path("value").path(1).asText(), labels(s.path("metric")));
      if (v.outcome != Outcome.OK) {
        return v;
      }
    }
    return new Verdict(Outcome.OK, series.size() + " series " + spec.comparison().symbol() + " "
        + number(spec.threshold()));
  }

  private Verdict judgeValue(String text, String labels) {
    double value;
    try {
      value = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return new Verdict(Outcome.BODY_MISMATCH, "value is not a number: " + text);
    }
    String subject = "value" + labels + " " + number(value);
    if (Double.isNaN(value) || !spec.comparison().holds(value, spec.threshold())) {
      return new Verdict(Outcome.BODY_MISMATCH, subject + " not " + spec.comparison().symbol()
          + " " + number(spec.threshold()));
    }
    return new Verdict(Outcome.OK, subject);
  }

  private Verdict failure(Exception e) {
    if (e instanceof InterruptedIOException) {
      return new Verdict(Outcome.TIMEOUT, "timeout after " + spec.timeout().toMillis() + " ms");
    }
    if (e instanceof ConnectException) {
      return new Verdict(Outcome.CONNECTION_REFUSED, "connect refused "
          + request.url().host() + ":" + request.url().port());
    }
    if (e instanceof com.fasterxml.jackson.core.JacksonException) {
      return new Verdict(Outcome.BODY_MISMATCH, "answer is not JSON");
    }
    return new Verdict(Outcome.IO_ERROR, e.getClass().getSimpleName());
  }

  private static String labels(JsonNode metric) {
    if (!metric.isObject() || metric.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder("{");
    metric.properties().forEach(e -> out.append(out.length() > 1 ? "," : "").append(e.getKey())
        .append("=\"").append(e.getValue().asText()).append('"'));
    return out.append('}').toString();
  }

  private static String number(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d)
        : String.format(Locale.ROOT, "%.4g", d);
  }

  private record Verdict(Outcome outcome, String reason) {}
}
