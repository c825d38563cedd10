package dev.gameday.probes.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gameday.core.model.Expectation;
import dev.gameday.core.model.HttpRequestSpec;
import dev.gameday.core.port.RunClock;
import dev.gameday.probes.ProbeSetupException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ProtocolException;
import java.util.Optional;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * One HTTP probe: sends its request with the probe's call timeout, reads at most
 * {@code maxBodyBytes} of the answer and judges it. {@link #call()} blocks (run it on a virtual
 * thread) and never throws: every failure is a {@link ProbeResult} with a reason.
 */
public final class HttpProbe {
  private static final Set<String> NO_BODY = Set.of("GET", "HEAD");
  private static final Set<String> BODY_REQUIRED = Set.of("POST", "PUT", "PATCH");

  private final HttpRequestSpec http;
  private final OkHttpClient client;
  private final RunClock clock;
  private final Request request;
  private final ResponseJudge judge;
  private final RedirectPolicy redirects;

  /**
   * @param client the client for this probe (see {@link ProbeClients#forProbe})
   * @throws ProbeSetupException when the request or expectation cannot be built
   */
  public HttpProbe(String name, HttpRequestSpec http, Expectation expect, OkHttpClient client,
      RunClock clock, ObjectMapper json) {
    this.http = http;
    this.client = client;
    this.clock = clock;
    this.request = request(name, http);
    this.redirects = new RedirectPolicy(http, request.url());
    this.judge = new ResponseJudge(name, expect, json);
  }

  /**
   * Sends the request once, follows its redirects by the probe's {@link RedirectPolicy}, and
   * judges the answer. The probe's timeout covers the whole chain.
   */
  public ProbeResult call() {
    Instant startedUtc = clock.now();
    long started = clock.nanoTime();
    try (Response response = execute(started)) {
      BoundedBody body = BoundedBody.read(response.body(), http.maxBodyBytes());
      long ended = clock.nanoTime();
      ResponseJudge.Verdict verdict = judge.judge(response, body, ended - started);
      return new ProbeResult(startedUtc, started, ended, response.code(), verdict.outcome(),
          verdict.reason());
    } catch (IOException | RuntimeException e) {
      long ended = clock.nanoTime();
      ResponseJudge.Verdict verdict =
          FailureClassifier.classify(e, request.url(), http.timeout(), ended - started);
      return new ProbeResult(startedUtc, started, ended, 0, verdict.outcome(), verdict.reason());
    }
  }

  /** The final response of the redirect chain that starts with the probe's request. */
  private Response execute(long started) throws IOException {
    Request next = request;
    for (int followUps = 0; ; followUps++) {
      long left = http.timeout().toNanos() - (clock.nanoTime() - started);
      if (left <= 0) {
        throw new InterruptedIOException("timeout");
      }
      Call call = client.newCall(next);
      call.timeout().timeout(left, TimeUnit.NANOSECONDS);
      Response response = call.execute();
      Optional<Request> redirect;
      try {
        redirect = redirects.next(response);
      } catch (IOException | RuntimeException e) {
        response.close();
        throw e;
      }
      if (redirect.isEmpty()) {
        return response;
      }
      response.close();
      if (followUps == RedirectPolicy.MAX_FOLLOW_UPS) {
        throw new ProtocolException("Too many follow-up requests: " + (followUps + 1));
      }
      next = redirect.get();
    }
  }

  /**
   * The probe's request body as OkHttp sends it (its text in the Content-Type's charset, UTF-8
   * by default; empty for a POST, PUT or PATCH without one); null when the method carries none.
   *
   * @throws ProbeSetupException when a GET or HEAD is given a body
   */
  private static RequestBody body(String name, HttpRequestSpec http) {
    String method = http.method().toUpperCase(java.util.Locale.ROOT);
    if (http.body().isEmpty()) {
      return BODY_REQUIRED.contains(method) ? RequestBody.create(new byte[0]) : null;
    }
    if (NO_BODY.contains(method)) {
      throw new ProbeSetupException(name, method + " cannot carry a request body");
    }
    String type = http.headers().entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase("Content-Type"))
        .map(java.util.Map.Entry::getValue).findFirst().orElse(null);
    return RequestBody.create(http.body().get(), type == null ? null : MediaType.parse(type));
  }

  /**
   * The bytes of {@link #body} for a transport that writes them itself (the event-loop client):
   * the same rules and encoding; empty when the method carries no body.
   */
  public static Optional<byte[]> bodyBytes(String name, HttpRequestSpec http) {
    RequestBody body = body(name, http);
    if (body == null) {
      return Optional.empty();
    }
    okio.Buffer bytes = new okio.Buffer();
    try {
      body.writeTo(bytes);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e); // a buffer in memory does not fail
    }
    return Optional.of(bytes.readByteArray());
  }

  private static Request request(String name, HttpRequestSpec http) {
    HttpUrl url = HttpUrl.parse(http.url().toString());
    if (url == null) {
      throw new ProbeSetupException(name, "url must be http or https: " + http.url());
    }
    String method = http.method().toUpperCase(java.util.Locale.ROOT);
    Request.Builder builder = new Request.Builder().url(url).method(method, body(name, http));
    try {
      http.headers().forEach(builder::header);
    } catch (IllegalArgumentException e) {
      // OkHttp's message would quote the value; never echo a header value.
      throw new ProbeSetupException(name, "a request header has an invalid name or value");
    }
    return builder.build();
  }
}
