package dev.gameday.probes.http;

import static dev.gameday.probes.TestSpecs.expect;
import static dev.gameday.probes.TestSpecs.probe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gameday.core.event.TimelineEvent.Outcome;
import dev.gameday.core.model.Expectation;
import dev.gameday.core.model.Expectation.JsonPointerEquals;
import dev.gameday.core.model.Expectation.StatusRange;
import dev.gameday.core.port.RunClock;
import dev.gameday.probes.ProbeSetupException;
import dev.gameday.probes.TestSpecs;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpProbeTest {
  private final MockWebServer server = new MockWebServer();
  private final OkHttpClient client = ProbeClients.defaultClient();

  @BeforeEach
  void start() throws IOException {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String url(String path) {
    return server.url(path).toString();
  }

  private ProbeResult call(TestSpecs spec) {
    return call(spec, client);
  }

  private ProbeResult call(TestSpecs spec, OkHttpClient c) {
    var http = spec.http();
    var built = spec.build();
    return new HttpProbe(built.name(), http, built.expect(),
        ProbeClients.forProbe(c, built.name(), http), RunClock.SYSTEM, new ObjectMapper()).call();
  }

  private static Expectation only(List<StatusRange> status) {
    return expect(status, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        List.of());
  }

  @Test
  void aHealthyAnswerIsOkWithItsStatusAndTimes() {
    server.enqueue(new MockResponse.Builder().body("Add to cart").build());
    ProbeResult r = call(probe(url("/")));
    assertThat(r.outcome()).isEqualTo(Outcome.OK);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.reason()).isEqualTo("200 OK");
    assertThat(r.ended()).isGreaterThanOrEqualTo(r.started());
  }

  @Test
  void anUnexpectedStatusIsReportedWithItsStandardPhrase() {
    server.enqueue(new MockResponse.Builder().code(503).build());
    ProbeResult r = call(probe(url("/")));
    assertThat(r.outcome()).isEqualTo(Outcome.UNEXPECTED_STATUS);
    assertThat(r.status()).isEqualTo(503);
    assertThat(r.reason()).isEqualTo("503 Service Unavailable");
  }

  @Test
  void statusRangesAcceptEveryCodeInside() {
    server.enqueue(new MockResponse.Builder().code(404).build());
    ProbeResult r = call(probe(url("/")).expect(only(List.of(new StatusRange(400, 404)))));
    assertThat(r.outcome()).isEqualTo(Outcome.OK);
  }

  @Test
  void aSlowAnswerIsTooSlow() {
    server.enqueue(new MockResponse.Builder().headersDelay(300, TimeUnit.MILLISECONDS).build());
    ProbeResult r = call(probe(url("/")).expect(expect(List.of(),
        Optional.of(Duration.ofMillis(100)), Optional.empty(), Optional.empty(),
        Optional.empty(), List.of())));
    assertThat(r.outcome()).isEqualTo(Outcome.TOO_SLOW);
    assertThat(r.reason()).matches("took \\d+ ms, limit 100 ms");
  }

  @Test
  void aBodyWithoutTheTextIsAMismatch() {
    server.enqueue(new MockResponse.Builder().body("Sold out").build());
    ProbeResult r = call(probe(url("/")).expect(expect(List.of(), Optional.empty(),
        Optional.of("Add to cart"), Optional.empty(), Optional.empty(), List.of())));
    assertThat(r.outcome()).isEqualTo(Outcome.BODY_MISMATCH);
    assertThat(r.reason()).isEqualTo("body lacks \"Add to cart\"");
  }

  @Test
  void aBodyIsMatchedByRegularExpression() {
    server.enqueue(new MockResponse.Builder().body("version 1.2.3").build());
    server.enqueue(new MockResponse.Builder().body("version x").build());
    TestSpecs spec = probe(url("/")).expect(expect(List.of(), Optional.empty(), Optional.empty(),
        Optional.of("version \\d+\\.\\d+"), Optional.empty(), List.of()));
    assertThat(call(spec).outcome()).isEqualTo(Outcome.OK);
    ProbeResult second = call(spec);
    assertThat(second.outcome()).isEqualTo(Outcome.BODY_MISMATCH);
    assertThat(second.reason()).contains("does not match");
  }

  @Test
  void aJsonPointerMustEqualTheExpectedText() {
    TestSpecs spec = probe(url("/")).expect(expect(List.of(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.of(new JsonPointerEquals("/db/status", "up")), List.of()));
    server.enqueue(new MockResponse.Builder().body("{\"db\":{\"status\":\"up\"}}").build());
    server.enqueue(new MockResponse.Builder().body("{\"db\":{\"status\":\"down\"}}").build());
    server.enqueue(new MockResponse.Builder().body("<html>").build());
    server.enqueue(new MockResponse.Builder().body("{\"db\":{}}").build());
    assertThat(call(spec).outcome()).isEqualTo(Outcome.OK);
    assertThat(call(spec).reason()).isEqualTo("JSON /db/status is \"down\", expected \"up\"");
    assertThat(call(spec).reason()).isEqualTo("body is not JSON");
    assertThat(call(spec).reason()).isEqualTo("JSON /db/status missing");
  }

  @Test
  void aMissingHeaderIsReportedByName() {
    server.enqueue(new MockResponse.Builder().body("ok").build());
    ProbeResult r = call(probe(url("/")).expect(expect(List.of(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), List.of("X-Served-By"))));
    assertThat(r.outcome()).isEqualTo(Outcome.HEADER_MISSING);
    assertThat(r.reason()).isEqualTo("header X-Served-By missing");
  }

  @Test
  void theRequestCarriesMethodHeadersAndBody() throws InterruptedException {
    server.enqueue(new MockResponse.Builder().code(201).build());
    ProbeResult r = call(probe(url("/orders")).method("POST").header("Content-Type",
        "application/json").header("X-Probe", "gameday").body("{\"dry\":true}"));
    assertThat(r.outcome()).isEqualTo(Outcome.OK);
    RecordedRequest got = server.takeRequest(1, TimeUnit.SECONDS);
    assertThat(got.getMethod()).isEqualTo("POST");
    assertThat(got.getHeaders().get("X-Probe")).isEqualTo("gameday");
    assertThat(got.getBody().utf8()).isEqualTo("{\"dry\":true}");
  }

  @Test
  void aSecretHeaderIsSentButNeverPartOfAReason() throws InterruptedException {
    server.enqueue(new MockResponse.Builder().code(401).build());
    ProbeResult r = call(probe(url("/")).secretHeader("Authorization", "Bearer s3cr3t"));
    assertThat(server.takeRequest(1, TimeUnit.SECONDS).getHeaders().get("Authorization"))
        .isEqualTo("Bearer s3cr3t");
    assertThat(r.reason()).isEqualTo("401 Unauthorized").doesNotContain("s3cr3t");
  }

  @Test
  void anInvalidSecretHeaderValueIsNotEchoedInTheSetupError() {
    assertThatThrownBy(() -> call(probe(url("/")).secretHeader("Authorization", "s3cr3t\n")))
        .isInstanceOf(ProbeSetupException.class)
        .hasMessageNotContaining("s3cr3t");
  }

  @Test
  void aRefusedConnectionNamesTheAddress() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = s.getLocalPort();
    }
    ProbeResult r = call(probe("http://127.0.0.1:" + port + "/"));
    assertThat(r.outcome()).isEqualTo(Outcome.CONNECTION_REFUSED);
    assertThat(r.status()).isZero();
    assertThat(r.reason()).isEqualTo("connect refused 127.0.0.1:" + port);
  }

  @Test
  void anUnresolvableNameIsADnsFailureWithoutLeavingTheMachine() {
    OkHttpClient noDns = client.newBuilder().dns(host -> {
      throw new UnknownHostException(host);
    }).build();
    ProbeResult r = call(probe("http://shop.invalid/"), noDns);
    assertThat(r.outcome()).isEqualTo(Outcome.DNS);
    assertThat(r.reason()).isEqualTo("DNS: cannot resolve shop.invalid");
  }

  @Test
  void aBodyTricklingPastTheTimeoutIsATimeout() {
    server.enqueue(new MockResponse.Builder().body("x".repeat(100))
        .throttleBody(1, 50, TimeUnit.MILLISECONDS).build());
    long t0 = System.nanoTime();
    ProbeResult r = call(probe(url("/")).timeout(Duration.ofMillis(300)));
    long took = System.nanoTime() - t0;
    assertThat(r.outcome()).isEqualTo(Outcome.TIMEOUT);
    assertThat(r.reason()).isEqualTo("timeout after 300 ms");
    assertThat(Duration.ofNanos(took)).isLessThan(Duration.ofMillis(1500));
  }

  @Test
  void aTenMegabyteBodyIsReadOnlyUpToTheLimit() {
    Buffer big = new Buffer();
    big.write(new byte[10 * 1024 * 1024]);
    big.writeUtf8("Add to cart");
    server.enqueue(new MockResponse.Builder().body(big).build());
    ProbeResult r = call(probe(url("/")).maxBodyBytes(64 * 1024).expect(expect(List.of(),
        Optional.empty(), Optional.of("Add to cart"), Optional.empty(), Optional.empty(),
        List.of())));
    assertThat(r.outcome()).isEqualTo(Outcome.BODY_MISMATCH);
    assertThat(r.reason()).isEqualTo("body lacks \"Add to cart\" in the first 65536 bytes");
  }

  @Test
  void aRedirectLoopIsAFailedSampleWithAReason() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().code(302).setHeader("Location", "/loop").build();
      }
    });
    ProbeResult r = call(probe(url("/loop")));
    assertThat(r.outcome()).isEqualTo(Outcome.IO_ERROR);
    assertThat(r.reason()).startsWith("redirect loop");
  }

  @Test
  void withRedirectsOffTheRedirectItselfIsJudged() {
    server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", "/elsewhere")
        .build());
    ProbeResult r = call(probe(url("/")).noRedirects()
        .expect(only(List.of(new StatusRange(200, 200)))));
    assertThat(r.outcome()).isEqualTo(Outcome.UNEXPECTED_STATUS);
    assertThat(r.reason()).isEqualTo("302 Found");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void anEndpointThatAcceptsAndNeverAnswersCostsOnlyItsTimeout() throws IOException {
    try (ServerSocket blackHole = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      long t0 = System.nanoTime();
      ProbeResult r = call(probe("http://127.0.0.1:" + blackHole.getLocalPort() + "/")
          .timeout(Duration.ofMillis(400)));
      Duration took = Duration.ofNanos(System.nanoTime() - t0);
      assertThat(r.outcome()).isEqualTo(Outcome.TIMEOUT);
      assertThat(took).isBetween(Duration.ofMillis(390), Duration.ofMillis(900));
    }
  }

  @Test
  void anInvalidRegularExpressionFailsAtSetup() {
    assertThatThrownBy(() -> call(probe(url("/")).expect(expect(List.of(), Optional.empty(),
        Optional.empty(), Optional.of("(unclosed"), Optional.empty(), List.of()))))
        .isInstanceOf(ProbeSetupException.class)
        .hasMessageContaining("bodyMatches");
  }

  @Test
  void anUnknownStatusWithControlCharactersInItsPhraseCannotReachATerminal() {
    server.enqueue(new MockResponse.Builder()
        .status("HTTP/1.1 599 \u001b[2J\u001b[1;32m\u202eFAKE PASSED\u0007").build());
    ProbeResult r = call(probe(url("/")));
    assertThat(r.outcome()).isEqualTo(Outcome.UNEXPECTED_STATUS);
    assertThat(r.reason()).isEqualTo("599 ?[2J?[1;32m?FAKE PASSED?");
  }

  @Test
  void aJsonValueQuotedInAReasonIsOneLineWithoutControlCharacters() {
    server.enqueue(new MockResponse.Builder().body("{\"state\":\"bad\\u001b[2J\\nPASSED\"}").build());
    ProbeResult r = call(probe(url("/")).expect(expect(List.of(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.of(new JsonPointerEquals("/state", "up")), List.of())));
    assertThat(r.outcome()).isEqualTo(Outcome.BODY_MISMATCH);
    assertThat(r.reason()).isEqualTo("JSON /state is \"bad?[2J PASSED\", expected \"up\"");
  }
}
