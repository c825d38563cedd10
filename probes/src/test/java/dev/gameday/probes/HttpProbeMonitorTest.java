package dev.gameday.probes;

import static dev.gameday.probes.TestSpecs.probe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gameday.core.event.Phase;
import dev.gameday.core.event.TimelineEvent.Note;
import dev.gameday.core.event.TimelineEvent.Outcome;
import dev.gameday.core.event.TimelineEvent.ProbeSample;
import dev.gameday.core.event.TimelineEvent.SteadyStateChanged;
import dev.gameday.core.event.TimelineEvent.SteadyStatus;
import dev.gameday.core.event.TimelineEvent.StopConditionMet;
import dev.gameday.core.model.ProbeSpec;
import dev.gameday.core.model.SteadyState;
import dev.gameday.core.port.RunClock;
import dev.gameday.core.testing.RecordingListener;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpProbeMonitorTest {
  private static final Duration EVERY = Duration.ofMillis(100);
  private final MockWebServer server = new MockWebServer();
  private final AtomicBoolean failing = new AtomicBoolean();
  private final RecordingListener events = new RecordingListener();

  @BeforeEach
  void start() throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().code(failing.get() ? 503 : 200).body("ok").build();
      }
    });
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String url() {
    return server.url("/health").toString();
  }

  private HttpProbeMonitor monitor(Optional<Duration> abort, ProbeSpec... probes) {
    return new HttpProbeMonitor(new SteadyState(Duration.ZERO, List.of(probes)), abort,
        HttpProbeMonitor.defaultClient(), RunClock.SYSTEM);
  }

  @Test
  void samplesFollowTheFixedRateWithSmallLag() throws InterruptedException {
    try (HttpProbeMonitor m = monitor(Optional.empty(), probe(url()).name("web").build())) {
      m.start(events);
      Thread.sleep(1050);
      assertThat(m.steady()).isTrue();
      assertThat(m.statuses()).containsEntry("web", SteadyStatus.STEADY);
      assertThat(m.successRatios()).containsEntry("web", 1.0);
    }
    List<ProbeSample> samples = events.of(ProbeSample.class);
    assertThat(samples).hasSizeBetween(9, 12);
    assertThat(samples).allSatisfy(s -> assertThat(s.outcome()).isEqualTo(Outcome.OK));
    for (int i = 1; i < samples.size(); i++) {
      assertThat(samples.get(i).scheduled() - samples.get(i - 1).scheduled())
          .isEqualTo(EVERY.toNanos());
    }
    assertThat(samples).allSatisfy(s ->
        assertThat(s.started() - s.scheduled()).isLessThan(Duration.ofMillis(50).toNanos()));
  }

  @Test
  void breachAndRestoreAreReportedWithinOneIntervalOfTheTruth() throws InterruptedException {
    try (HttpProbeMonitor m = monitor(Optional.empty(), probe(url()).name("web").build())) {
      m.start(events);
      Thread.sleep(350);
      Instant down = Instant.now();
      failing.set(true);
      SteadyStateChanged breach = events.await(SteadyStateChanged.class,
          c -> c.status() == SteadyStatus.BREACHED, Duration.ofSeconds(3));
      assertThat(m.steady()).isFalse();
      Thread.sleep(300);
      Instant up = Instant.now();
      failing.set(false);
      SteadyStateChanged restore = events.await(SteadyStateChanged.class,
          c -> c.status() == SteadyStatus.STEADY, Duration.ofSeconds(3));
      assertThat(m.steady()).isTrue();
      assertWithinOneInterval(down, breach.firstCause());
      assertWithinOneInterval(up, restore.firstCause());
      assertThat(breach.reason()).contains("503 Service Unavailable");
    }
  }

  /**
   * The first sample after the change starts at most one interval (+10 ms) after it, plus that
   * sample's own scheduling lag (only large on an overloaded machine); a sample that started just
   * before the change may have reached the server after it, by at most its own latency.
   */
  private void assertWithinOneInterval(Instant truth, Instant firstCause) {
    ProbeSample cause = events.of(ProbeSample.class).stream()
        .filter(s -> s.at().utc().equals(firstCause)).findFirst().orElseThrow();
    Duration lag = Duration.ofNanos(cause.started() - cause.scheduled());
    Duration latency = Duration.ofNanos(cause.latencyNanos());
    assertThat(Duration.between(truth, firstCause))
        .isBetween(latency.plusMillis(2).negated(), EVERY.plusMillis(10).plus(lag));
  }

  @Test
  void aBlackHoledEndpointCostsItsTimeoutAndNeverDelaysAnotherProbe() throws Exception {
    try (ServerSocket blackHole = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        HttpProbeMonitor m = monitor(Optional.empty(),
            probe("http://127.0.0.1:" + blackHole.getLocalPort() + "/").name("hole")
                .timeout(Duration.ofMillis(250)).build(),
            probe(url()).name("web").build())) {
      m.start(events);
      Thread.sleep(1200);
    }
    List<ProbeSample> hole = events.of(ProbeSample.class).stream()
        .filter(s -> s.probe().equals("hole")).toList();
    List<ProbeSample> web = events.of(ProbeSample.class).stream()
        .filter(s -> s.probe().equals("web")).toList();
    assertThat(hole).filteredOn(s -> s.outcome() == Outcome.TIMEOUT).isNotEmpty()
        .allSatisfy(s -> assertThat(Duration.ofNanos(s.latencyNanos()))
            .isBetween(Duration.ofMillis(240), Duration.ofMillis(400)));
    assertThat(hole).filteredOn(s -> s.outcome() == Outcome.MISSED).isNotEmpty()
        .allSatisfy(s -> assertThat(s.reason()).isEqualTo("previous request still running"));
    assertThat(web).hasSizeGreaterThanOrEqualTo(10)
        .allSatisfy(s -> assertThat(s.outcome()).isEqualTo(Outcome.OK))
        .allSatisfy(s -> assertThat(s.started() - s.scheduled())
            .isLessThan(Duration.ofMillis(50).toNanos()));
  }

  @Test
  void aBreachLongerThanTheLimitStopsTheRunOnceWithinOneInterval() throws Exception {
    failing.set(true);
    Duration limit = Duration.ofMillis(300);
    try (HttpProbeMonitor m = monitor(Optional.of(limit), probe(url()).name("web").build())) {
      m.start(events);
      SteadyStateChanged breach = events.await(SteadyStateChanged.class,
          c -> c.status() == SteadyStatus.BREACHED, Duration.ofSeconds(3));
      StopConditionMet stop = events.await(StopConditionMet.class, s -> true,
          Duration.ofSeconds(3));
      Thread.sleep(500);
      Duration heard = Duration.ofNanos(stop.at().mono() - breach.at().mono());
      assertThat(heard).isBetween(limit, limit.plus(EVERY).plusMillis(20));
      assertThat(stop.breachedFor()).isGreaterThanOrEqualTo(limit);
    }
    assertThat(events.of(StopConditionMet.class)).hasSize(1);
  }

  @Test
  void probesRunOnlyInTheirModesPhases() throws InterruptedException {
    try (HttpProbeMonitor m = monitor(Optional.empty(),
        probe(url()).name("base").mode(ProbeSpec.Mode.BASELINE).build(),
        probe(url()).name("during").mode(ProbeSpec.Mode.DURING).build(),
        probe(url()).name("after").mode(ProbeSpec.Mode.AFTER).build())) {
      m.start(events);
      assertThat(m.activeProbes()).isEmpty();
      m.phase(Phase.BASELINE);
      Thread.sleep(300);
      m.phase(Phase.INJECT);
      m.phase(Phase.HOLD);
      assertThat(m.activeProbes()).containsExactly("during");
      Thread.sleep(300);
      m.phase(Phase.REVERT);
      assertThat(m.activeProbes()).containsExactly("after");
      Thread.sleep(300);
    }
    List<ProbeSample> samples = events.of(ProbeSample.class);
    long baseEnd = samples.stream().filter(s -> s.probe().equals("base"))
        .mapToLong(ProbeSample::scheduled).max().orElseThrow();
    long duringStart = samples.stream().filter(s -> s.probe().equals("during"))
        .mapToLong(ProbeSample::scheduled).min().orElseThrow();
    long duringEnd = samples.stream().filter(s -> s.probe().equals("during"))
        .mapToLong(ProbeSample::scheduled).max().orElseThrow();
    long afterStart = samples.stream().filter(s -> s.probe().equals("after"))
        .mapToLong(ProbeSample::scheduled).min().orElseThrow();
    assertThat(baseEnd).isLessThan(duringStart);
    assertThat(duringEnd).isLessThan(afterStart);
  }

  @Test
  void aThrowingListenerDoesNotStopTheProbes() throws InterruptedException {
    try (HttpProbeMonitor m = monitor(Optional.empty(), probe(url()).name("web").build())) {
      m.start(e -> {
        events.on(e);
        throw new IllegalStateException("listener bug");
      });
      Thread.sleep(550);
    }
    assertThat(events.of(ProbeSample.class)).hasSizeGreaterThanOrEqualTo(4);
  }

  @Test
  void anInsecureProbeIsAnnouncedAsAWarning() {
    try (HttpProbeMonitor m = monitor(Optional.empty(), probe("https://127.0.0.1:1/")
        .name("legacy").tls(Optional.empty(), Optional.empty(), Optional.empty(), true)
        .build())) {
      m.start(events);
    }
    assertThat(events.of(Note.class)).singleElement().satisfies(n -> {
      assertThat(n.level()).isEqualTo(dev.gameday.core.event.TimelineEvent.Level.WARN);
      assertThat(n.message()).contains("legacy").contains("insecure");
    });
  }

  @Test
  void twoProbesWithOneNameAreRejected() {
    assertThatThrownBy(() -> monitor(Optional.empty(), probe(url()).name("x").build(),
        probe(url()).name("x").build()))
        .isInstanceOf(ProbeSetupException.class).hasMessageContaining("x");
  }
}
