package dev.gameday.probes;

import static dev.gameday.probes.TestSpecs.probe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.core.event.Phase;
import dev.gameday.core.event.TimelineEvent;
import dev.gameday.core.event.TimelineEvent.Outcome;
import dev.gameday.core.event.TimelineEvent.ProbeSample;
import dev.gameday.core.event.TimelineEvent.SteadyStateChanged;
import dev.gameday.core.event.TimelineEvent.WarmUpEnded;
import dev.gameday.core.model.ProbeSpec;
import dev.gameday.core.model.SteadyState;
import dev.gameday.core.port.RunClock;
import dev.gameday.core.testing.RecordingListener;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The probes' warm-up: the whole path runs, nothing is recorded, the baseline follows on. */
class WarmUpTest {
  private static final Duration EVERY = Duration.ofMillis(100);
  private final MockWebServer server = new MockWebServer();
  private final AtomicBoolean failing = new AtomicBoolean();
  private final Map<String, AtomicInteger> requestsByPath = new ConcurrentHashMap<>();
  /** When each path was first asked for (monotonic nanos, as the run clock reads it). */
  private final Map<String, Long> firstRequest = new ConcurrentHashMap<>();
  private final RecordingListener events = new RecordingListener();

  @BeforeEach
  void start() throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        firstRequest.putIfAbsent(path, RunClock.SYSTEM.nanoTime());
        requestsByPath.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        return new MockResponse.Builder().code(failing.get() ? 503 : 200).body("ok").build();
      }
    });
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private ProbeSpec at(String path, Duration every) {
    return probe(server.url(path).toString()).name(path.substring(1)).every(every).build();
  }

  private HttpProbeMonitor monitor(WarmUp warmUp, ProbeSpec... probes) {
    return new HttpProbeMonitor(new SteadyState(Duration.ZERO, List.of(probes)), Optional.empty(),
        HttpProbeMonitor.defaultClient(), RunClock.SYSTEM,
        dev.gameday.probes.schedule.TickTimer.Choice.DEFAULT, warmUp);
  }

  @Test
  void theWarmUpRecordsNothingCountsWhatItSentAndItsFailuresNeverReachSteadyState()
      throws InterruptedException {
    failing.set(true);
    try (HttpProbeMonitor m = monitor(new WarmUp(Duration.ofMillis(800), Duration.ZERO),
        at("/web", EVERY))) {
      m.phase(Phase.WARMUP);
      m.start(events);
      Thread.sleep(800);
      failing.set(false);
      Thread.sleep(150);
      assertThat(events.events()).as("nothing is emitted during the warm-up").isEmpty();
      assertThat(events.rehearsed()).as("every warm-up sample is rehearsed")
          .filteredOn(e -> e instanceof ProbeSample s && s.outcome() == Outcome.UNEXPECTED_STATUS)
          .hasSizeGreaterThanOrEqualTo(3);
      m.phase(Phase.BASELINE);
      events.await(ProbeSample.class, s -> true, Duration.ofSeconds(5));
      Thread.sleep(300);
      assertThat(m.steady()).isTrue();
    }
    WarmUpEnded ended = (WarmUpEnded) events.events().getFirst();
    assertThat(events.rehearsed()).as("no recorded sample is rehearsed, none rehearsed recorded")
        .doesNotContainAnyElementsOf(events.events());
    assertThat(ended.probes()).isEqualTo(1);
    assertThat(ended.requests()).isGreaterThanOrEqualTo(3)
        .isLessThanOrEqualTo(requestsByPath.get("/web").get());
    assertThat(ended.failed()).isGreaterThanOrEqualTo(3);
    assertThat(events.of(SteadyStateChanged.class)).as("warm-up failures breach nothing").isEmpty();
    List<ProbeSample> samples = events.of(ProbeSample.class);
    assertThat(samples).isNotEmpty().allSatisfy(s -> assertThat(s.outcome()).isEqualTo(Outcome.OK));
  }

  @Test
  void theBaselineContinuesTheWarmUpsScheduleAtTheProbesOwnRate() throws InterruptedException {
    try (HttpProbeMonitor m = monitor(new WarmUp(Duration.ofMillis(500), Duration.ZERO),
        at("/web", EVERY))) {
      m.phase(Phase.WARMUP);
      m.start(events);
      Thread.sleep(500);
      m.phase(Phase.BASELINE);
      Thread.sleep(600);
    }
    List<ProbeSample> samples = events.of(ProbeSample.class);
    assertThat(samples).hasSizeGreaterThanOrEqualTo(2);
    for (int i = 1; i < samples.size(); i++) {
      long gap = samples.get(i).scheduled() - samples.get(i - 1).scheduled();
      assertThat(gap % EVERY.toNanos()).as("on the same fixed-rate slots").isZero();
    }
    assertThat(events.events().getFirst()).isInstanceOf(WarmUpEnded.class);
  }

  @Test
  void aProbeWhoseFirstTickFallsAfterTheWarmUpStillOpensItsConnectionInIt()
      throws InterruptedException {
    try (HttpProbeMonitor m = monitor(new WarmUp(Duration.ofMillis(600), Duration.ofMillis(100)),
        at("/fast", EVERY), at("/slow", Duration.ofSeconds(30)))) {
      m.phase(Phase.WARMUP);
      m.start(events);
      Thread.sleep(600);
      m.phase(Phase.BASELINE);
      Thread.sleep(200);
    }
    assertThat(requestsByPath.get("/slow")).as("one request to open its connection").hasValue(1);
    assertThat(events.of(ProbeSample.class)).extracting(ProbeSample::probe)
        .doesNotContain("slow").contains("fast");
    assertThat(events.of(WarmUpEnded.class)).singleElement()
        .satisfies(w -> assertThat(w.probes()).isEqualTo(2));
  }

  @Test
  void overTheRampEachProbeStartsNoEarlierThanItsShare() throws InterruptedException {
    ProbeSpec[] probes = new ProbeSpec[4];
    for (int i = 0; i < probes.length; i++) {
      probes[i] = at("/p" + i, EVERY);
    }
    long started;
    try (HttpProbeMonitor m = monitor(new WarmUp(Duration.ofMillis(900), Duration.ofMillis(800)),
        probes)) {
      m.phase(Phase.WARMUP);
      started = RunClock.SYSTEM.nanoTime();
      m.start(events);
      Thread.sleep(900);
    }
    for (int i = 0; i < probes.length; i++) {
      long share = Duration.ofMillis(800).toNanos() * i / probes.length;
      assertThat(firstRequest.get("/p" + i) - started).as("probe %d", i).isGreaterThanOrEqualTo(share);
    }
    assertThat(events.of(TimelineEvent.class)).as("closed in the warm-up: nothing recorded").isEmpty();
  }

  @Test
  void thePlanGrowsWithTheProbesUpToItsLimit() {
    assertThat(WarmUp.plan(List.of())).isEqualTo(WarmUp.NONE);
    WarmUp one = WarmUp.plan(List.of(at("/a", EVERY)));
    assertThat(one.ramp()).isEqualTo(Duration.ofMillis(5));
    assertThat(one.duration()).isEqualTo(Duration.ofMillis(1007).plusNanos(500_000));
    WarmUp many = WarmUp.plan(java.util.Collections.nCopies(1000, at("/a", EVERY)));
    assertThat(many.ramp()).isEqualTo(Duration.ofSeconds(5));
    assertThat(many.duration()).isEqualTo(Duration.ofMillis(8500));
  }
}
