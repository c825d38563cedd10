package dev.gameday.probes.loop;

import static dev.gameday.probes.TestSpecs.probe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gameday.core.event.Phase;
import dev.gameday.core.event.TimelineEvent.Level;
import dev.gameday.core.event.TimelineEvent.Note;
import dev.gameday.core.event.TimelineEvent.SteadyStatus;
import dev.gameday.core.event.TimelineEvent.Outcome;
import dev.gameday.core.event.TimelineEvent.ProbeSample;
import dev.gameday.core.event.TimelineEvent.WarmUpEnded;
import dev.gameday.core.model.Expectation;
import dev.gameday.core.model.ProbeSpec;
import dev.gameday.core.model.SteadyState;
import dev.gameday.core.port.RunClock;
import dev.gameday.core.testing.RecordingListener;
import dev.gameday.probes.ProbeSetupException;
import dev.gameday.probes.TestSpecs;
import dev.gameday.probes.WarmUp;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoopProbeMonitorTest {
  private static final Duration EVERY = Duration.ofMillis(100);
  private final MockWebServer server = new MockWebServer();
  private final AtomicInteger status = new AtomicInteger(200);
  private volatile String body = "ok";
  private final RecordingListener events = new RecordingListener();
  private final LoopClient client = LoopClient.create(Duration.ofMillis(1));

  @BeforeEach
  void start() throws IOException, InterruptedException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().code(status.get()).body(body).build();
      }
    });
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    warmUp();
  }

  /**
   * One exchange before the test, its request taken off the server's queue: the first one of a
   * cold JVM loads Netty and can take longer than a test's interval.
   */
  private void warmUp() throws InterruptedException {
    RecordingListener warm = new RecordingListener();
    try (LoopProbeMonitor m = monitor(WarmUp.NONE,
        probe(url()).name("warm").every(Duration.ofSeconds(10)).build())) {
      m.start(warm);
      long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (warm.of(ProbeSample.class).isEmpty() && System.nanoTime() < end) {
        Thread.sleep(10);
      }
    }
    assertThat(server.takeRequest(1, TimeUnit.SECONDS)).isNotNull();
  }

  @AfterEach
  void stop() {
    server.close();
    client.close();
  }

  private String url() {
    return server.url("/health").toString();
  }

  private LoopProbeMonitor monitor(WarmUp warmUp, ProbeSpec... probes) {
    return new LoopProbeMonitor(new SteadyState(Duration.ZERO, List.of(probes)), Optional.empty(),
        client, RunClock.SYSTEM, Duration.ofMillis(1), warmUp);
  }

  /** Waits (at most 5 s: the first connection of a cold JVM is slow) for {@code n} samples. */
  private void awaitSamples(String probe, int n) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (samples(probe).size() < n && System.nanoTime() < end) {
      Thread.sleep(10);
    }
  }

  private List<ProbeSample> samples(String probe) {
    return events.of(ProbeSample.class).stream().filter(s -> s.probe().equals(probe)).toList();
  }

  @Test
  void aRunsMonitorWarmsUpRecordsAndClosesItsOwnClientAfterWhichAPhaseChangesNothing()
      throws Exception {
    ProbeSpec web = probe(url()).name("web").build();
    LoopProbeMonitor m = LoopProbeMonitor.forRun(new SteadyState(Duration.ZERO, List.of(web)),
        Optional.empty(), RunClock.SYSTEM);
    assertThat(m.warmUp()).isEqualTo(WarmUp.forRun(List.of(web)).duration());
    m.phase(Phase.WARMUP);
    m.start(events);
    Thread.sleep(m.warmUp().toMillis());
    m.phase(Phase.BASELINE);
    awaitSamples("web", 2);
    m.close();

    assertThat(events.of(WarmUpEnded.class)).singleElement()
        .satisfies(w -> assertThat(w.requests()).isPositive());
    assertThat(events.rehearsed()).as("the warm-up's samples rehearsed, not recorded")
        .isNotEmpty().doesNotContainAnyElementsOf(events.events());
    assertThat(samples("web")).hasSizeGreaterThanOrEqualTo(2)
        .allSatisfy(s -> assertThat(s.outcome()).isEqualTo(Outcome.OK));
    int told = events.events().size();
    m.phase(Phase.VERIFY); // the engine announces phases after it closed the monitor
    m.close();
    assertThat(events.events()).hasSize(told);
  }

  @Test
  void samplesFollowTheFixedRateOnOneKeptAliveConnection() throws Exception {
    try (LoopProbeMonitor m = monitor(WarmUp.NONE, probe(url()).name("web").build())) {
      m.start(events);
      Thread.sleep(1050);
      assertThat(m.steady()).isTrue();
      assertThat(m.statuses()).containsEntry("web", SteadyStatus.STEADY);
      assertThat(m.successRatios()).containsEntry("web", 1.0);
    }
    List<ProbeSample> samples = samples("web");
    assertThat(samples).hasSizeBetween(9, 12).allSatisfy(s -> {
      assertThat(s.outcome()).isEqualTo(Outcome.OK);
      assertThat(s.status()).isEqualTo(200);
      assertThat(s.reason()).isEqualTo("200 OK");
      assertThat(s.started() - s.scheduled()).isLessThan(Duration.ofMillis(50).toNanos());
    });
    for (int i = 1; i < samples.size(); i++) {
      assertThat(samples.get(i).scheduled() - samples.get(i - 1).scheduled())
          .isEqualTo(EVERY.toNanos());
    }
    Set<Integer> connections = new HashSet<>();
    for (int i = 0; i < samples.size(); i++) {
      RecordedRequest r = server.takeRequest(1, TimeUnit.SECONDS);
      assertThat(r.getTarget()).isEqualTo("/health");
      connections.add(r.getConnectionIndex());
    }
    assertThat(connections).hasSize(1);
  }

  @Test
  void aProbeWhoseFirstTickFallsAfterTheWarmUpStillOpensItsConnectionInIt() throws Exception {
    try (LoopProbeMonitor m = monitor(new WarmUp(Duration.ofMillis(600), Duration.ofMillis(100)),
        probe(url()).name("fast").build(),
        probe(server.url("/slow").toString()).name("slow").every(Duration.ofSeconds(30))
            .build())) {
      m.phase(Phase.WARMUP);
      m.start(events);
      Thread.sleep(600);
      m.phase(Phase.BASELINE);
      Thread.sleep(200);
    }
    int slow = 0;
    RecordedRequest r;
    while ((r = server.takeRequest(100, TimeUnit.MILLISECONDS)) != null) {
      if (r.getTarget().equals("/slow")) {
        slow++;
      }
    }
    assertThat(slow).as("one request to open its connection").isEqualTo(1);
    assertThat(events.of(ProbeSample.class)).extracting(ProbeSample::probe)
        .doesNotContain("slow").contains("fast");
    assertThat(events.of(WarmUpEnded.class)).singleElement()
        .satisfies(w -> assertThat(w.probes()).isEqualTo(2));
  }

  @Test
  void anUnexpectedStatusIsASampleNotAnError() throws InterruptedException {
    status.set(503);
    try (LoopProbeMonitor m = monitor(WarmUp.NONE, probe(url()).name("web").build())) {
      m.start(events);
      Thread.sleep(450);
    }
    assertThat(samples("web")).isNotEmpty().allSatisfy(s -> {
      assertThat(s.outcome()).isEqualTo(Outcome.UNEXPECTED_STATUS);
      assertThat(s.status()).isEqualTo(503);
    });
  }

  @Test
  void aBodyPastItsBoundIsCutAndItsConnectionDropped() throws Exception {
    body = "x".repeat(10_000);
    try (LoopProbeMonitor m = monitor(WarmUp.NONE,
        probe(url()).name("big").maxBodyBytes(100).build())) {
      m.start(events);
      Thread.sleep(450);
    }
    List<ProbeSample> samples = samples("big");
    assertThat(samples).hasSizeGreaterThanOrEqualTo(3)
        .allSatisfy(s -> assertThat(s.outcome()).isEqualTo(Outcome.OK));
    Set<Integer> connections = new HashSet<>();
    for (int i = 0; i < samples.size(); i++) {
      connections.add(server.takeRequest(1, TimeUnit.SECONDS).getConnectionIndex());
    }
    assertThat(connections).hasSize(samples.size());
  }

  @Test
  void aBlackHoledEndpointCostsItsTimeoutAndNeverDelaysAnotherProbe() throws Exception {
    try (ServerSocket blackHole = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        LoopProbeMonitor m = monitor(WarmUp.NONE,
            probe("http://127.0.0.1:" + blackHole.getLocalPort() + "/").name("hole")
                .timeout(Duration.ofMillis(250)).build(),
            probe(url()).name("web").build())) {
      m.start(events);
      Thread.sleep(1200);
    }
    assertThat(samples("hole")).filteredOn(s -> s.outcome() == Outcome.TIMEOUT).isNotEmpty()
        .allSatisfy(s -> {
          assertThat(Duration.ofNanos(s.latencyNanos()))
              .isBetween(Duration.ofMillis(240), Duration.ofMillis(400));
          assertThat(s.reason()).isEqualTo("timeout after 250 ms");
        });
    assertThat(samples("hole")).filteredOn(s -> s.outcome() == Outcome.MISSED).isNotEmpty()
        .allSatisfy(s -> assertThat(s.reason()).isEqualTo("previous request still running"));
    assertThat(samples("web")).hasSizeGreaterThanOrEqualTo(10)
        .allSatisfy(s -> assertThat(s.outcome()).isEqualTo(Outcome.OK))
        .allSatisfy(s -> assertThat(s.started() - s.scheduled())
            .isLessThan(Duration.ofMillis(50).toNanos()));
  }

  @Test
  void aClosedPortIsARefusedConnection() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = s.getLocalPort();
    }
    try (LoopProbeMonitor m = monitor(WarmUp.NONE,
        probe("http://127.0.0.1:" + port + "/").name("down").build())) {
      m.start(events);
      Thread.sleep(350);
    }
    assertThat(samples("down")).isNotEmpty().allSatisfy(s -> {
      assertThat(s.outcome()).isEqualTo(Outcome.CONNECTION_REFUSED);
      assertThat(s.reason()).isEqualTo("connect refused 127.0.0.1:" + port);
    });
  }

  @Test
  void theWarmUpRecordsNothingAndGivesItsAccountAtTheBaseline() throws InterruptedException {
    WarmUp warmUp = new WarmUp(Duration.ofMillis(500), Duration.ofMillis(100));
    try (LoopProbeMonitor m = monitor(warmUp, probe(url()).name("a").build(),
        probe(url()).name("b").build())) {
      m.phase(Phase.WARMUP);
      m.start(events);
      Thread.sleep(500);
      assertThat(events.of(ProbeSample.class)).isEmpty();
      m.phase(Phase.BASELINE);
      Thread.sleep(350);
    }
    assertThat(events.of(WarmUpEnded.class)).singleElement().satisfies(w -> {
      assertThat(w.probes()).isEqualTo(2);
      assertThat(w.requests()).isBetween(6L, 12L);
      assertThat(w.failed()).isZero();
    });
    assertThat(samples("a")).hasSizeGreaterThanOrEqualTo(2)
        .allSatisfy(s -> assertThat(s.outcome()).isEqualTo(Outcome.OK));
  }

  @Test
  void theRequestCarriesMethodHeadersAndBody() throws Exception {
    try (LoopProbeMonitor m = monitor(WarmUp.NONE, probe(url()).name("post").method("POST")
        .header("Content-Type", "application/json").header("X-Probe", "gameday")
        .body("{\"ping\":\"é\"}").build())) {
      m.start(events);
      awaitSamples("post", 1);
    }
    RecordedRequest r = server.takeRequest(1, TimeUnit.SECONDS);
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getHeaders().get("X-Probe")).isEqualTo("gameday");
    assertThat(r.getHeaders().get("Content-Type")).isEqualTo("application/json");
    assertThat(r.getBody().utf8()).isEqualTo("{\"ping\":\"é\"}");
    assertThat(samples("post")).isNotEmpty()
        .allSatisfy(s -> assertThat(s.outcome()).isEqualTo(Outcome.OK));
  }

  @Test
  void answersAreJudgedAsHttpProbeJudgesThem() throws InterruptedException {
    body = "{\"status\":\"degraded\"}";
    Expectation wantsUp = TestSpecs.expect(List.of(new Expectation.StatusRange(200, 299)),
        Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.of(new Expectation.JsonPointerEquals("/status", "up")), List.of());
    try (LoopProbeMonitor m = monitor(WarmUp.NONE,
        probe(url()).name("json").expect(wantsUp).build())) {
      m.start(events);
      awaitSamples("json", 2);
    }
    assertThat(samples("json")).isNotEmpty().allSatisfy(s -> {
      assertThat(s.outcome()).isEqualTo(Outcome.BODY_MISMATCH);
      assertThat(s.reason()).isEqualTo("JSON /status is \"degraded\", expected \"up\"");
    });
  }

  @Test
  void aRequestInFlightAtCloseStillReportsItsSample() throws Exception {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().headersDelay(300, TimeUnit.MILLISECONDS).body("ok")
            .build();
      }
    });
    try (LoopProbeMonitor m = monitor(WarmUp.NONE,
        probe(url()).name("slow").every(Duration.ofSeconds(10)).build())) {
      m.start(events);
      Thread.sleep(100);
    }
    assertThat(samples("slow")).singleElement().satisfies(s -> {
      assertThat(s.outcome()).isEqualTo(Outcome.OK);
      assertThat(Duration.ofNanos(s.latencyNanos())).isGreaterThanOrEqualTo(
          Duration.ofMillis(290));
    });
  }

  @Test
  void anInsecureProbeIsAnnouncedAsAWarning() {
    try (LoopProbeMonitor m = monitor(WarmUp.NONE, probe("https://127.0.0.1:1/").name("lax")
        .tls(Optional.empty(), Optional.empty(), Optional.empty(), true)
        .every(Duration.ofSeconds(10)).build())) {
      m.start(events);
    }
    assertThat(events.of(Note.class)).singleElement().satisfies(n -> {
      assertThat(n.level()).isEqualTo(Level.WARN);
      assertThat(n.message()).isEqualTo("probe lax: TLS verification disabled (insecure: true)");
    });
  }

  @Test
  void anUnresolvableNameIsADnsFailureWithoutLeavingTheMachine() throws Exception {
    Resolver none = host -> {
      throw new java.net.UnknownHostException(host);
    };
    try (LoopProbeMonitor m = new LoopProbeMonitor(new SteadyState(Duration.ZERO,
        List.of(probe("http://shop.invalid/").name("shop").build())), Optional.empty(), client,
        none, RunClock.SYSTEM, Duration.ofMillis(1), WarmUp.NONE)) {
      m.start(events);
      awaitSamples("shop", 2);
    }
    assertThat(samples("shop")).hasSizeGreaterThanOrEqualTo(2).allSatisfy(s -> {
      assertThat(s.outcome()).isEqualTo(Outcome.DNS);
      assertThat(s.reason()).isEqualTo("DNS: cannot resolve shop.invalid");
    });
  }

  /** Probes http://shop.test:PORT/ (the server) with names looked up by {@code resolver}. */
  private void probeShopThrough(Resolver resolver, int samples) throws Exception {
    String shop = "http://shop.test:" + server.getPort() + "/";
    try (LoopProbeMonitor m = new LoopProbeMonitor(new SteadyState(Duration.ZERO,
        List.of(probe(shop).name("shop").build())), Optional.empty(), client, resolver,
        RunClock.SYSTEM, Duration.ofMillis(1), WarmUp.NONE)) {
      m.start(events);
      awaitSamples("shop", samples);
    }
  }

  @Test
  void anAddressThatRefusesIsPassedForTheHostsNextAsWithOkHttp() throws Exception {
    // The IPv6 loopback first, where nothing listens on the server's port (refused, or no IPv6
    // at all): either way the connection goes on to 127.0.0.1.
    Resolver twoAddresses = host -> List.of(InetAddress.getByName("::1"),
        InetAddress.getByName("127.0.0.1"));
    probeShopThrough(twoAddresses, 1);
    assertThat(samples("shop").get(0).outcome()).as(samples("shop").get(0).reason())
        .isEqualTo(Outcome.OK);
  }

  @Test
  void eachNewConnectionLooksItsHostUpAgain() throws Exception {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().setHeader("Connection", "close").body("ok").build();
      }
    });
    AtomicInteger lookups = new AtomicInteger();
    Resolver counting = host -> {
      lookups.incrementAndGet();
      return List.of(InetAddress.getByName("127.0.0.1"));
    };
    probeShopThrough(counting, 3);
    assertThat(samples("shop")).hasSizeGreaterThanOrEqualTo(3)
        .allSatisfy(s -> assertThat(s.outcome()).isEqualTo(Outcome.OK));
    assertThat(lookups.get()).isGreaterThanOrEqualTo(3);
    RecordedRequest r = server.takeRequest(1, TimeUnit.SECONDS);
    assertThat(r.getHeaders().get("Host")).isEqualTo("shop.test:" + server.getPort());
  }

  @Test
  void aGzipAnswerIsDecodedBeforeItIsJudgedAsWithOkHttp() throws Exception {
    java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(zipped)) {
      gz.write("all systems healthy".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().setHeader("Content-Encoding", "gzip")
            .body(new okio.Buffer().write(zipped.toByteArray())).build();
      }
    });
    Expectation healthy = TestSpecs.expect(List.of(), Optional.empty(), Optional.of("healthy"),
        Optional.empty(), Optional.empty(), List.of());
    try (LoopProbeMonitor m = monitor(WarmUp.NONE,
        probe(url()).name("gz").expect(healthy).build())) {
      m.start(events);
      awaitSamples("gz", 2);
    }
    assertThat(samples("gz")).hasSizeGreaterThanOrEqualTo(2)
        .allSatisfy(s -> assertThat(s.outcome()).isEqualTo(Outcome.OK));
    assertThat(server.takeRequest(1, TimeUnit.SECONDS).getHeaders().get("Accept-Encoding"))
        .isEqualTo("gzip");
  }

  @Test
  void whatCannotBeSentIsRejectedAtSetup() {
    assertThatThrownBy(() -> monitor(WarmUp.NONE, probe("ftp://127.0.0.1:1/").build()))
        .isInstanceOf(ProbeSetupException.class)
        .hasMessageContaining("url must be http or https");
    assertThatThrownBy(() -> monitor(WarmUp.NONE,
        probe(url()).method("GET").body("{}").build()))
        .isInstanceOf(ProbeSetupException.class)
        .hasMessageContaining("GET cannot carry a request body");
  }
}
