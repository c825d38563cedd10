package dev.gameday.probes.http;

import static dev.gameday.probes.TestSpecs.probe;
import static dev.gameday.probes.TestSpecs.promValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gameday.core.event.TimelineEvent.Outcome;
import dev.gameday.core.model.Expectation.PromValue.Comparison;
import dev.gameday.core.port.RunClock;
import dev.gameday.probes.TestSpecs;
import java.io.IOException;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A prometheus probe is an {@link HttpProbe} whose body is judged as an instant-query answer. */
class PromAnswerTest {
  private static final String QUERY =
      "sum by (code) (rate(http_requests_total{code=~\"5..\"}[1m]))";
  /** The URL the loader builds for {@link #QUERY}: spaces as %20, everything else escaped. */
  private static final String QUERY_URL = "/api/v1/query?query=sum%20by%20%28code%29%20%28rate"
      + "%28http_requests_total%7Bcode%3D%7E%225..%22%7D%5B1m%5D%29%29";
  private static final long ONE_MIB = 1024 * 1024;

  private final MockWebServer prometheus = new MockWebServer();

  @BeforeEach
  void start() throws IOException {
    prometheus.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() {
    prometheus.close();
  }

  /** One probe call as the loader sets up a prometheus probe (GET, 1 MiB body limit). */
  private ProbeResult query(MockResponse answer, Comparison comparison, double threshold) {
    prometheus.enqueue(answer);
    TestSpecs spec = probe(prometheus.url(QUERY_URL).toString()).name("error-rate")
        .maxBodyBytes(ONE_MIB).expect(promValue(comparison, threshold));
    var built = spec.build();
    return new HttpProbe(built.name(), built.http(), built.expect(),
        ProbeClients.defaultClient(), RunClock.SYSTEM, new ObjectMapper()).call();
  }

  private static MockResponse ok(String body) {
    return new MockResponse.Builder().setHeader("Content-Type", "application/json").body(body)
        .build();
  }

  private static String vector(String... series) {
    return "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
        + String.join(",", series) + "]}}";
  }

  private static String series(String code, String value) {
    return "{\"metric\":{\"code\":\"" + code + "\"},\"value\":[1767225600.123,\"" + value + "\"]}";
  }

  private static String scalar(String value) {
    return "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\","
        + "\"result\":[1767225600.123,\"" + value + "\"]}}";
  }

  @Test
  void theQueryArrivesIntactAtTheInstantQueryApi() throws InterruptedException {
    query(ok(vector(series("500", "0"))), Comparison.BELOW, 0.02);
    RecordedRequest got = prometheus.takeRequest(1, TimeUnit.SECONDS);
    assertThat(got.getMethod()).isEqualTo("GET");
    assertThat(got.getUrl().encodedPath()).isEqualTo("/api/v1/query");
    assertThat(got.getUrl().queryParameter("query")).isEqualTo(QUERY);
  }

  @Test
  void aVectorWhoseEverySeriesHoldsIsOk() {
    ProbeResult r = query(ok(vector(series("500", "0.001"), series("503", "0.019"))),
        Comparison.BELOW, 0.02);
    assertThat(r.outcome()).isEqualTo(Outcome.OK);
    assertThat(r.status()).isEqualTo(200);
  }

  @Test
  void oneSeriesOutOfBoundFailsNamingItsValueAndLabels() {
    ProbeResult r = query(ok(vector(series("503", "0.001"), series("500", "0.031"))),
        Comparison.BELOW, 0.02);
    assertThat(r.outcome()).isEqualTo(Outcome.BODY_MISMATCH);
    assertThat(r.reason()).isEqualTo("value 0.031 not < 0.02 for {code=\"500\"}");
  }

  @Test
  void aScalarIsJudgedByItsValue() {
    assertThat(query(ok(scalar("3")), Comparison.AT_LEAST, 2).outcome()).isEqualTo(Outcome.OK);
    ProbeResult low = query(ok(scalar("1.5")), Comparison.AT_LEAST, 2);
    assertThat(low.outcome()).isEqualTo(Outcome.BODY_MISMATCH);
    assertThat(low.reason()).isEqualTo("value 1.5 not >= 2");
  }

  @Test
  void anEmptyResultIsNoDataNotGoodNews() {
    ProbeResult r = query(ok(vector()), Comparison.BELOW, 0.02);
    assertThat(r.outcome()).isEqualTo(Outcome.BODY_MISMATCH);
    assertThat(r.reason()).isEqualTo("query returned no data");
  }

  @Test
  void aRejectedQueryCarriesPrometheusErrorText() {
    ProbeResult r = query(new MockResponse.Builder().code(400)
        .body("{\"status\":\"error\",\"errorType\":\"bad_data\","
            + "\"error\":\"1:5: parse error: unexpected character: '@'\"}").build(),
        Comparison.BELOW, 0.02);
    assertThat(r.outcome()).isEqualTo(Outcome.UNEXPECTED_STATUS);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.reason())
        .isEqualTo("400 Bad Request: 1:5: parse error: unexpected character: '@'");
  }

  @Test
  void nanNeverHoldsWhateverTheBound() {
    ProbeResult below = query(ok(scalar("NaN")), Comparison.BELOW, 0.02);
    ProbeResult atLeast = query(ok(scalar("NaN")), Comparison.AT_LEAST, 0);
    assertThat(below.reason()).isEqualTo("value NaN not < 0.02");
    assertThat(atLeast.outcome()).isEqualTo(Outcome.BODY_MISMATCH);
    assertThat(atLeast.reason()).isEqualTo("value NaN not >= 0");
  }

  @Test
  void infinitiesAreReadAsPrometheusWritesThem() {
    assertThat(query(ok(scalar("+Inf")), Comparison.ABOVE, 1e9).outcome())
        .isEqualTo(Outcome.OK);
    assertThat(query(ok(scalar("-Inf")), Comparison.AT_MOST, 0).outcome())
        .isEqualTo(Outcome.OK);
    assertThat(query(ok(scalar("+Inf")), Comparison.BELOW, 1).reason())
        .isEqualTo("value +Inf not < 1");
  }

  @Test
  void anAnswerLargerThanTheLimitIsNotJudgedAsIfComplete() {
    String many = vector(IntStream.range(0, 40_000).mapToObj(i -> series("5" + i, "0"))
        .toArray(String[]::new));
    assertThat((long) many.length()).isGreaterThan(ONE_MIB);
    ProbeResult r = query(ok(many), Comparison.BELOW, 0.02);
    assertThat(r.outcome()).isEqualTo(Outcome.BODY_MISMATCH);
    assertThat(r.reason()).isEqualTo(
        "answer exceeds 1048576 bytes; not judged (aggregate the query to fewer series)");
  }

  @Test
  void anAnswerThatIsNotJsonIsAMismatch() {
    ProbeResult r = query(ok("<html>Sign in</html>"), Comparison.BELOW, 0.02);
    assertThat(r.outcome()).isEqualTo(Outcome.BODY_MISMATCH);
    assertThat(r.reason()).isEqualTo("answer is not JSON");
  }

  @Test
  void aRangeVectorIsRefusedByName() {
    ProbeResult r = query(ok("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\","
        + "\"result\":[]}}"), Comparison.BELOW, 0.02);
    assertThat(r.outcome()).isEqualTo(Outcome.BODY_MISMATCH);
    assertThat(r.reason()).isEqualTo("query must return a scalar or an instant vector, not matrix");
  }
}
