package dev.gameday.probes.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gameday.core.model.Expectation;
import dev.gameday.core.model.HttpRequestSpec;
import dev.gameday.probes.ProbeSetupException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Function;
import okhttp3.HttpUrl;

/**
 * The judgement of {@link HttpProbe} for a transport that reads answers itself (the event-loop
 * client): the same {@link ResponseJudge} checks and the same {@link FailureClassifier} reasons,
 * into the same {@link ProbeResult}.
 */
public final class AnswerJudge {
  private final HttpRequestSpec http;
  private final HttpUrl url;
  private final ResponseJudge judge;

  /** @throws ProbeSetupException when the URL or the expectation cannot be used */
  public AnswerJudge(String name, HttpRequestSpec http, Expectation expect, ObjectMapper json) {
    this.http = http;
    this.url = HttpUrl.parse(http.url().toString());
    if (url == null) {
      throw new ProbeSetupException(name, "url must be http or https: " + http.url());
    }
    this.judge = new ResponseJudge(name, expect, json);
  }

  /**
   * An answer: {@code body} holds at most {@code maxBodyBytes}, {@code truncated} when the
   * answer had more; {@code header} gives a header's value by name, or null.
   */
  public ProbeResult answered(Instant startedUtc, long started, long ended, int status,
      String message, Function<String, String> header, byte[] body, boolean truncated) {
    // The charset matters only to a body check: no Content-Type parsed per answer without one.
    BoundedBody bounded = judge.needsBody()
        ? BoundedBody.of(body, truncated, header.apply("Content-Type"))
        : new BoundedBody(body, truncated, StandardCharsets.UTF_8);
    ResponseJudge.Verdict v = judge.judge(status, message, header, bounded, ended - started);
    return new ProbeResult(startedUtc, started, ended, status, v.outcome(), v.reason());
  }

  /** No answer: the failure as {@link HttpProbe} would report it. */
  public ProbeResult failed(Instant startedUtc, long started, long ended, Throwable error) {
    ResponseJudge.Verdict v =
        FailureClassifier.classify(error, url, http.timeout(), ended - started);
    return new ProbeResult(startedUtc, started, ended, 0, v.outcome(), v.reason());
  }
}
