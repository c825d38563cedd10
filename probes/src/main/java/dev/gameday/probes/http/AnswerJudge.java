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
  private final RedirectPolicy redirects;

  /** @throws ProbeSetupException when the URL or the expectation cannot be used */
  public AnswerJudge(String name, HttpRequestSpec http, Expectation expect, ObjectMapper json) {
    this.http = http;
    this.url = HttpUrl.parse(http.url().toString());
    if (url == null) {
      throw new ProbeSetupException(name, "url must be http or https: " + http.url());
    }
    this.judge = new ResponseJudge(name, expect, json);
    this.redirects = new RedirectPolicy(http, url);
  }

  /** Follow-ups allowed before a redirect chain counts as a loop, as in {@link HttpProbe}. */
  public static final int MAX_FOLLOW_UPS = RedirectPolicy.MAX_FOLLOW_UPS;

  /**
   * Where to go next after an answer to {@code current} sent with {@code method}, by the probe's
   * {@link RedirectPolicy}: empty when the answer is the one to judge.
   *
   * @throws java.io.IOException when the policy refuses the redirect (judge it with {@link #failed})
   */
  public java.util.Optional<FollowUp> followUp(int status, Function<String, String> header,
      java.net.URI current, String method) throws java.io.IOException {
    HttpUrl from = HttpUrl.get(current.toString());
    java.util.Optional<HttpUrl> to = redirects.target(status, header.apply("Location"), from);
    return to.map(t -> new FollowUp(t.uri(), RedirectPolicy.becomesGet(status, method),
        redirects.dropsSecrets(t)));
  }

  /**
   * A redirect to follow: to {@code url}, as a GET without body when {@code asGet}, without the
   * probe's secret headers and {@code Authorization} when {@code dropSecrets}.
   */
  public record FollowUp(java.net.URI url, boolean asGet, boolean dropSecrets) {}

  /** The failure of a chain that needed more than {@link #MAX_FOLLOW_UPS} follow-ups. */
  public static java.io.IOException tooManyFollowUps(int followUps) {
    return new java.net.ProtocolException("Too many follow-up requests: " + followUps);
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
