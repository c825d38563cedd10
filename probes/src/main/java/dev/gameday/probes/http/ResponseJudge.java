package dev.gameday.probes.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gameday.core.event.TimelineEvent.Outcome;
import dev.gameday.core.model.Expectation;
import dev.gameday.core.redact.TerminalText;
import dev.gameday.probes.ProbeSetupException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import okhttp3.Response;

/**
 * Judges an HTTP answer against an {@link Expectation}. Checks run in a fixed order and the first
 * that fails names the outcome: status, then headers, then body (contains, regex, JSON pointer,
 * Prometheus value), then latency. Body checks see only the bytes read (at most
 * {@code maxBodyBytes}).
 */
final class ResponseJudge {
  private final Expectation expect;
  private final Optional<Pattern> bodyPattern;
  private final Optional<PromAnswer> promAnswer;
  private final ObjectMapper json;

  ResponseJudge(String probe, Expectation expect, ObjectMapper json) {
    this.expect = expect;
    this.json = json;
    this.promAnswer = expect.promValue().map(bound -> new PromAnswer(bound, json));
    try {
      this.bodyPattern = expect.bodyMatches().map(Pattern::compile);
    } catch (PatternSyntaxException e) {
      throw new ProbeSetupException(probe, "bodyMatches is not a valid regular expression: "
          + e.getDescription(), e);
    }
  }

  /** True when any body check is present, so the body must be decoded. */
  boolean needsBody() {
    return expect.bodyContains().isPresent() || bodyPattern.isPresent()
        || expect.jsonPointer().isPresent() || promAnswer.isPresent();
  }

  Verdict judge(Response response, BoundedBody body, long latencyNanos) {
    return judge(response.code(), response.message(), response::header, body, latencyNanos);
  }

  /**
   * The same judgement from the answer's parts (any transport): {@code header} gives a header's
   * value by name, or null.
   */
  Verdict judge(int code, String message, java.util.function.Function<String, String> header,
      BoundedBody body, long latencyNanos) {
    String statusText = StatusPhrases.describe(code, message);
    if (!expect.statusOk(code)) {
      return new Verdict(Outcome.UNEXPECTED_STATUS,
          statusText + promAnswer.map(a -> a.errorSuffix(body)).orElse(""));
    }
    for (String name : expect.headerPresent()) {
      if (header.apply(name) == null) {
        return new Verdict(Outcome.HEADER_MISSING, "header " + name + " missing");
      }
    }
    Optional<String> bodyProblem = needsBody() ? bodyProblem(body) : Optional.empty();
    if (bodyProblem.isPresent()) {
      return new Verdict(Outcome.BODY_MISMATCH, bodyProblem.get());
    }
    if (expect.latencyBelow().isPresent()) {
      Duration limit = expect.latencyBelow().get();
      if (latencyNanos >= limit.toNanos()) {
        return new Verdict(Outcome.TOO_SLOW, "took " + millis(latencyNanos) + " ms, limit "
            + limit.toMillis() + " ms");
      }
    }
    return new Verdict(Outcome.OK, statusText);
  }

  private Optional<String> bodyProblem(BoundedBody body) {
    String text = body.text();
    String scope = body.truncated() ? " in the first " + body.bytes().length + " bytes" : "";
    if (expect.bodyContains().isPresent() && !text.contains(expect.bodyContains().get())) {
      return Optional.of("body lacks \"" + clip(expect.bodyContains().get()) + "\"" + scope);
    }
    if (bodyPattern.isPresent() && !bodyPattern.get().matcher(text).find()) {
      return Optional.of("body does not match /" + clip(bodyPattern.get().pattern()) + "/"
          + scope);
    }
    if (expect.jsonPointer().isPresent()) {
      Optional<String> problem = jsonProblem(expect.jsonPointer().get(), text, body.truncated());
      if (problem.isPresent()) {
        return problem;
      }
    }
    return promAnswer.flatMap(a -> a.problem(body));
  }

  private Optional<String> jsonProblem(Expectation.JsonPointerEquals check, String text,
      boolean truncated) {
    JsonNode root;
    try {
      root = json.readTree(text);
    } catch (JacksonException e) {
      return Optional.of(truncated ? "body is larger than maxBodyBytes; cannot read JSON"
          : "body is not JSON");
    }
    if (root == null) {
      return Optional.of("body is empty, expected JSON");
    }
    JsonNode node;
    try {
      node = root.at(check.pointer());
    } catch (IllegalArgumentException e) {
      return Optional.of("invalid JSON pointer " + check.pointer());
    }
    if (node.isMissingNode()) {
      return Optional.of("JSON " + check.pointer() + " missing");
    }
    String actual = node.isValueNode() ? node.asText() : node.toString();
    if (!actual.equals(check.equals())) {
      return Optional.of("JSON " + check.pointer() + " is \"" + clip(actual) + "\", expected \""
          + clip(check.equals()) + "\"");
    }
    return Optional.empty();
  }

  static long millis(long nanos) {
    return Math.round(nanos / 1_000_000.0);
  }

  /** An excerpt of the answer for a reason: one line, no control characters, at most 60 chars. */
  static String clip(String s) {
    String oneLine = TerminalText.safe(s.lines().collect(Collectors.joining(" ")));
    return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
  }

  /** The outcome of judging one answer. */
  record Verdict(Outcome outcome, String reason) {}
}
