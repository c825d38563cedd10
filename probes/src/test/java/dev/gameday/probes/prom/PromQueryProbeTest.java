package dev.gameday.probes.prom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gameday.core.event.TimelineEvent.Outcome;
import dev.gameday.core.port.RunClock;
import dev.gameday.probes.http.ProbeClients;
import dev.gameday.probes.http.ProbeResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PromQueryProbeTest {
  private static final String QUERY =
      "sum(rate(http_requests_total{code=~\"5..\"}[1m])) / sum(rate(http_requests_total[1m]))";
  private final MockWebServer prometheus = new MockWebServer();

  @BeforeEach
  void start() throws IOException {
    prometheus.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() {
    prometheus.close();
  }

  private ProbeResult run(String answer, PromQuerySpec.Comparison comparison, double threshold) {
    prometheus.enqueue(new MockResponse.Builder().body(answer).build());
    PromQuerySpec spec = new PromQuerySpec("error-ratio",
        URI.create("http://127.0.0.1:" + prometheus.getPort()), QUERY, comparison, threshold,
        Duration.ofSeconds(1));
    return new PromQueryProbe(spec, ProbeClients.defaultClient(), RunClock.SYSTEM,
        new ObjectMapper()).call();
  }

  private static String vector(String value) {
    return "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
        + "{\"metric\":{\"region\":\"weu\"},\"value\":[1767225600.0,\"" + value + "\"]}]}}";
  }

  @Test
  void sendsTheQueryToTheInstantQueryApi() throws InterruptedException {
    run(vector("0.01"), PromQuerySpec.Comparison.BELOW, 0.05);
    RecordedRequest got = prometheus.takeRequest(1, TimeUnit.SECONDS);
    assertThat(got.getUrl().encodedPath()).isEqualTo("/api/v1/query");
    assertThat(got.getUrl().queryParameter("query")).isEqualTo(QUERY);
  }

  @Test
  void aValueWithinTheBoundIsOk() {
    ProbeResult r = run(vector("0.01"), PromQuerySpec.Comparison.BELOW, 0.05);
    assertThat(r.outcome()).isEqualTo(Outcome.OK);
  }

  @Test
  void aValueOutsideTheBoundFailsNamingTheSeriesAndValue() {
    ProbeResult r = run(vector("0.2"), PromQuerySpec.Comparison.BELOW, 0.05);
    assertThat(r.outcome()).isEqualTo(Outcome.BODY_MISMATCH);
    assertThat(r.reason()).isEqualTo("value{region=\"weu\"} 0.2000 not < 0.05000");
  }

  @Test
  void anEmptyResultIsAFailure() {
    ProbeResult r = run("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\","
        + "\"result\":[]}}", PromQuerySpec.Comparison.BELOW, 0.05);
    assertThat(r.outcome()).isEqualTo(Outcome.BODY_MISMATCH);
    assertThat(r.reason()).isEqualTo("query returned no series");
  }

  @Test
  void aScalarIsJudgedToo() {
    ProbeResult r = run("{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\","
        + "\"result\":[1767225600.0,\"3\"]}}", PromQuerySpec.Comparison.AT_LEAST, 2);
    assertThat(r.outcome()).isEqualTo(Outcome.OK);
  }

  @Test
  void aQueryErrorIsReportedWithPrometheusMessage() {
    ProbeResult r = run("{\"status\":\"error\",\"errorType\":\"bad_data\","
        + "\"error\":\"parse error at char 5\"}", PromQuerySpec.Comparison.BELOW, 1);
    assertThat(r.outcome()).isEqualTo(Outcome.BODY_MISMATCH);
    assertThat(r.reason()).isEqualTo("query failed: parse error at char 5");
  }
}
