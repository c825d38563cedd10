package dev.gameday.probes.loop;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gameday.core.event.EventListener;
import dev.gameday.core.event.Phase;
import dev.gameday.core.event.TimelineEvent.SteadyStatus;
import dev.gameday.core.event.TimelineEvent.WarmUpEnded;
import dev.gameday.core.model.ProbeSpec;
import dev.gameday.core.model.SteadyState;
import dev.gameday.core.port.ApplicationMonitor;
import dev.gameday.core.port.RunClock;
import dev.gameday.probes.ProbeSamples;
import dev.gameday.probes.ProbeSpecs;
import dev.gameday.probes.ProbeViews;
import dev.gameday.probes.SafeListener;
import dev.gameday.probes.WarmUp;
import dev.gameday.probes.http.AnswerJudge;
import dev.gameday.probes.http.TlsSetup;
import dev.gameday.probes.steady.BreachWatch;
import dev.gameday.probes.steady.ModeGate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * An {@link ApplicationMonitor} on a {@link LoopClient}: every probe's ticks, request and answer
 * on the client's one loop thread (issue 18). HTTP and HTTPS (the probe's CA, client certificate
 * or {@code insecure}), any method, headers and body, judged and redirected as {@code HttpProbe}
 * does. A run's default ({@link #forRun}); {@code HttpProbeMonitor} is the OkHttp one.
 */
public final class LoopProbeMonitor implements ApplicationMonitor, ProbeViews {
  private final LoopClient client;
  private final RunClock clock;
  private final Duration resolution;
  private final WarmUp warmUp;
  private static final Duration CLOSE_GRACE = Duration.ofSeconds(1);
  private final List<LoopProbeRunner> runners;
  private final Duration longestTimeout;
  // Confined to the loop.
  private LoopTimer timer;
  private EventListener events;
  private Optional<Phase> phase = Optional.empty();
  private List<LoopProbeRunner> warming = List.of();
  private long warmUpStarted;
  private boolean closed;
  /** Whether {@link #close} also closes the client (a run's monitor made by {@link #forRun}). */
  private boolean ownsClient;

  /**
   * The monitor of a run ({@code gameday run --probe-client loop}): a client of its own, closed
   * with the monitor, ticks coalesced to 1 ms and answers read in 1 ms batches (an answer's
   * latency may read up to 1 ms long: the price of the batch, see docs/probes.md), and the run's
   * warm-up ({@link WarmUp#forRun}).
   *
   * @throws dev.gameday.probes.ProbeSetupException when a probe cannot be set up
   */
  public static LoopProbeMonitor forRun(SteadyState steadyState,
      Optional<Duration> abortWhenBreachedFor, RunClock clock) {
    LoopClient client = LoopClient.create(Duration.ofMillis(1));
    try {
      LoopProbeMonitor monitor = new LoopProbeMonitor(steadyState, abortWhenBreachedFor, client,
          clock, Duration.ofMillis(1), WarmUp.forRun(steadyState.probes()));
      monitor.ownsClient = true;
      return monitor;
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  /**
   * @param resolution how late the loop may run a tick to wake up less often (1 ms as the
   *     parking timer's)
   */
  public LoopProbeMonitor(SteadyState steadyState, Optional<Duration> abortWhenBreachedFor,
      LoopClient client, RunClock clock, Duration resolution, WarmUp warmUp) {
    this(steadyState, abortWhenBreachedFor, client, Resolver.SYSTEM, clock, resolution, warmUp);
  }

  /** As above, with the host lookups of {@code resolver} (tests: no DNS traffic). */
  public LoopProbeMonitor(SteadyState steadyState, Optional<Duration> abortWhenBreachedFor,
      LoopClient client, Resolver resolver, RunClock clock, Duration resolution, WarmUp warmUp) {
    this.client = client;
    this.clock = clock;
    this.resolution = resolution;
    this.warmUp = warmUp;
    List<ProbeSpec> specs = steadyState.probes();
    ObjectMapper json = new ObjectMapper();
    ProbeSpecs.check(specs);
    List<LoopProbeRunner> built = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      ProbeSpec spec = specs.get(i);
      LoopRequest request = LoopRequest.of(spec.name(), spec.http());
      AnswerJudge judge = new AnswerJudge(spec.name(), spec.http(), spec.expect(), json);
      Optional<LoopConnection.Tls> tls = request.https()
          ? Optional.of(new LoopConnection.Tls(TlsSetup.sslContext(spec.name(), spec.http().tls()),
              request.host(), request.port(), !spec.http().tls().insecure()))
          : Optional.empty();
      LoopConnection connection = client.connection(request.host(), request.port(), resolver,
          clock::nanoTime, tls, request.gzip());
      long offset = spec.every().toNanos() * i / specs.size();
      Optional<BreachWatch> watch =
          abortWhenBreachedFor.map(limit -> new BreachWatch(spec.name(), limit));
      built.add(new LoopProbeRunner(spec, client, resolver, connection, request, judge, clock,
          offset, watch));
    }
    this.runners = List.copyOf(built);
    this.longestTimeout = ProbeSpecs.longestTimeout(specs);
  }

  @Override
  public Duration warmUp() {
    return warmUp.duration();
  }

  @Override
  public void start(EventListener listener) {
    onLoop(() -> {
      if (events != null || closed) {
        throw new IllegalStateException("monitor already started or closed");
      }
      // A failing listener never stops the loop.
      events = new SafeListener(listener);
      timer = new LoopTimer(client.loop(), client.wakePlan(), clock::nanoTime, resolution);
      ProbeSpecs.noteInsecure(runners.stream().map(LoopProbeRunner::spec).toList(), events, clock);
      applyPhase();
      return null;
    });
  }

  @Override
  public void phase(Phase next) {
    if (client.loop().isShuttingDown()) {
      return; // closed with its client: as HttpProbeMonitor, a phase after close changes nothing
    }
    Optional<WarmUpEnded> ended = onLoop(() -> {
      phase = Optional.of(next);
      if (events == null || closed) {
        return Optional.<WarmUpEnded>empty();
      }
      Optional<WarmUpEnded> e = Optional.empty();
      if (next != Phase.WARMUP) {
        e = ProbeSamples.endWarmUp(warming.stream().map(LoopProbeRunner::samples).toList(),
            warmUpStarted, clock);
        warming = List.of();
      }
      applyPhase();
      return e;
    });
    EventListener to = events;
    if (to != null) {
      ended.ifPresent(to::on);
    }
  }

  private void applyPhase() {
    boolean warm = phase.equals(Optional.of(Phase.WARMUP)) && warming.isEmpty()
        && warmUp.duration().isPositive();
    List<LoopProbeRunner> started = new ArrayList<>();
    for (LoopProbeRunner r : runners) {
      if (!ModeGate.active(r.spec().mode(), phase)) {
        r.stop();
      } else if (warm) {
        started.add(r);
      } else {
        r.start(events, timer, 0, 0, false);
      }
    }
    if (warm) {
      warmUpStarted = clock.nanoTime();
      for (int i = 0; i < started.size(); i++) {
        started.get(i).start(events, timer, warmUp.startOf(i, started.size()),
            warmUp.duration().toNanos(), true);
      }
      warming = List.copyOf(started);
    }
  }

  @Override
  public boolean steady() {
    return runners.stream().filter(LoopProbeRunner::active)
        .allMatch(r -> r.status() == SteadyStatus.STEADY);
  }

  @Override
  public List<String> activeProbes() {
    return runners.stream().filter(LoopProbeRunner::active).map(LoopProbeRunner::name).toList();
  }

  @Override
  public Map<String, SteadyStatus> statuses() {
    return ProbeSamples.statuses(runners.stream().map(LoopProbeRunner::samples).toList());
  }

  @Override
  public Map<String, Double> successRatios() {
    return ProbeSamples.successRatios(runners.stream().map(LoopProbeRunner::samples).toList());
  }

  /**
   * Stops every probe, waits for the requests in flight to end and report their samples (at most
   * the longest timeout plus {@link #CLOSE_GRACE}, as {@code HttpProbeMonitor}), then closes the
   * connections.
   */
  @Override
  public void close() {
    if (client.loop().isShuttingDown()) {
      return;
    }
    boolean first = onLoop(() -> {
      if (closed) {
        return false;
      }
      closed = true;
      runners.forEach(LoopProbeRunner::stop);
      if (timer != null) {
        timer.close();
      }
      return true;
    });
    if (!first) {
      return;
    }
    if (!client.loop().inEventLoop()) {
      long end = System.nanoTime() + longestTimeout.plus(CLOSE_GRACE).toNanos();
      while (System.nanoTime() - end < 0
          && onLoop(() -> runners.stream().anyMatch(LoopProbeRunner::inFlight))) {
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    onLoop(() -> {
      events = null;
      runners.forEach(LoopProbeRunner::closeConnection);
      return null;
    });
    if (ownsClient) {
      client.close();
    }
  }

  private <T> T onLoop(Callable<T> work) {
    try {
      if (client.loop().inEventLoop()) {
        return work.call();
      }
      return client.loop().submit(work).syncUninterruptibly().getNow();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
