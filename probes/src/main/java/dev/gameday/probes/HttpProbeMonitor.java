package dev.gameday.probes;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gameday.core.event.EventListener;
import dev.gameday.core.event.Phase;
import dev.gameday.core.event.TimelineEvent.SteadyStatus;
import dev.gameday.core.event.TimelineEvent.WarmUpEnded;
import dev.gameday.core.model.ProbeSpec;
import dev.gameday.core.model.SteadyState;
import dev.gameday.core.port.ApplicationMonitor;
import dev.gameday.core.port.RunClock;
import dev.gameday.probes.http.HttpProbe;
import dev.gameday.probes.http.ProbeClients;
import dev.gameday.probes.schedule.TickTimer;
import dev.gameday.probes.steady.BreachWatch;
import dev.gameday.probes.steady.ModeGate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/**
 * The {@link ApplicationMonitor} of a run: the experiment's HTTP probes on a fixed-rate
 * monotonic scheduler (one platform timer thread, requests on virtual threads, one shared
 * OkHttp client), each with its own steady-state evaluation and, when the experiment sets
 * {@code abort.whenSteadyStateBreachedFor}, a breach watch that emits {@code StopConditionMet}.
 *
 * <p>Probes start in {@link #start}; {@link #phase} switches probes on and off by their mode.
 * The first tick of probe {@code i} of {@code n} is offset by {@code i/n} of its interval so
 * that many probes do not fire at the same instant.
 *
 * <p>When the phase is {@link Phase#WARMUP} as the probes start, they warm up ({@link WarmUp}):
 * they start one after the other over the ramp and record nothing until the next phase, which
 * begins with a {@link WarmUpEnded} event giving the warm-up's account.
 */
public final class HttpProbeMonitor implements ApplicationMonitor, ProbeViews {
  private static final Duration CLOSE_GRACE = Duration.ofSeconds(1);

  private final RunClock clock;
  private final TickTimer.Choice timerChoice;
  private final List<ProbeRunner> runners;
  private final Duration longestTimeout;
  private final WarmUp warmUp;
  private final Object stateLock = new Object();
  private Optional<Phase> phase = Optional.empty();
  private EventListener events;
  private TickTimer timer;
  private ExecutorService requests;
  private boolean closed;
  /** The probes warming up and when the warm-up started (monotonic); empty when none is. */
  private List<ProbeRunner> warming = List.of();
  private long warmUpStarted;

  /**
   * @param abortWhenBreachedFor the experiment's {@code abort.whenSteadyStateBreachedFor}
   * @param client the shared client, usually {@link #defaultClient()}
   * @throws ProbeSetupException when a probe cannot be set up (TLS files, regex, request)
   */
  public HttpProbeMonitor(SteadyState steadyState, Optional<Duration> abortWhenBreachedFor,
      OkHttpClient client, RunClock clock) {
    this(steadyState, abortWhenBreachedFor, client, clock, TickTimer.Choice.DEFAULT);
  }

  /** As above, with a chosen timer (the bench compares them). */
  public HttpProbeMonitor(SteadyState steadyState, Optional<Duration> abortWhenBreachedFor,
      OkHttpClient client, RunClock clock, TickTimer.Choice timerChoice) {
    this(steadyState, abortWhenBreachedFor, client, clock, timerChoice,
        WarmUp.forRun(steadyState.probes()));
  }

  /** As above, with a chosen warm-up instead of the planned one (the bench compares them). */
  public HttpProbeMonitor(SteadyState steadyState, Optional<Duration> abortWhenBreachedFor,
      OkHttpClient client, RunClock clock, TickTimer.Choice timerChoice, WarmUp warmUp) {
    this.clock = clock;
    this.warmUp = warmUp;
    this.timerChoice = timerChoice;
    ObjectMapper json = new ObjectMapper();
    List<ProbeSpec> specs = steadyState.probes();
    ProbeSpecs.check(specs);
    List<ProbeRunner> built = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      ProbeSpec spec = specs.get(i);
      OkHttpClient probeClient = ProbeClients.forProbe(client, spec.name(), spec.http());
      HttpProbe probe = new HttpProbe(spec.name(), spec.http(), spec.expect(), probeClient,
          clock, json);
      long offset = spec.every().toNanos() * i / specs.size();
      Optional<BreachWatch> watch =
          abortWhenBreachedFor.map(limit -> new BreachWatch(spec.name(), limit));
      built.add(new ProbeRunner(spec, probe, clock, offset, watch));
    }
    this.runners = List.copyOf(built);
    this.longestTimeout = ProbeSpecs.longestTimeout(specs);
  }

  /** The planned warm-up's length ({@link WarmUp#plan}); zero when no probe runs in it. */
  @Override
  public Duration warmUp() {
    return warmUp.duration();
  }

  /** The shared, tuned client (large keep-alive pool, raised dispatcher limits). */
  public static OkHttpClient defaultClient() {
    return ProbeClients.defaultClient();
  }

  @Override
  public void start(EventListener listener) {
    synchronized (stateLock) {
      if (events != null || closed) {
        throw new IllegalStateException("monitor already started or closed");
      }
      events = new SafeListener(listener);
      timer = timerChoice.create("gameday-probe-timer", clock::nanoTime);
      requests = Executors.newThreadPerTaskExecutor(
          Thread.ofVirtual().name("gameday-probe-", 0).factory());
      ProbeSpecs.noteInsecure(runners.stream().map(ProbeRunner::spec).toList(), events, clock);
      applyPhase();
    }
  }

  @Override
  public void phase(Phase next) {
    Optional<WarmUpEnded> ended = Optional.empty();
    EventListener to;
    synchronized (stateLock) {
      phase = Optional.of(next);
      to = events;
      if (events != null && !closed) {
        if (next != Phase.WARMUP) {
          ended = ProbeSamples.endWarmUp(
              warming.stream().map(ProbeRunner::samples).toList(), warmUpStarted, clock);
          warming = List.of();
        }
        applyPhase();
      }
    }
    // Told after the lock, like every event of the monitor.
    ended.ifPresent(e -> to.on(e));
  }

  private void applyPhase() {
    boolean warm = phase.equals(Optional.of(Phase.WARMUP)) && warming.isEmpty()
        && warmUp.duration().isPositive();
    List<ProbeRunner> started = new ArrayList<>();
    long endsIn = warmUp.duration().toNanos();
    for (ProbeRunner r : runners) {
      if (!ModeGate.active(r.spec().mode(), phase)) {
        r.deactivate();
      } else if (warm) {
        started.add(r);
      } else {
        r.activate(events, timer, requests);
      }
    }
    if (warm) {
      warmUpStarted = clock.nanoTime();
      for (int i = 0; i < started.size(); i++) {
        started.get(i).warmUp(events, timer, requests, warmUp.startOf(i, started.size()), endsIn);
      }
      warming = List.copyOf(started);
    }
  }

  @Override
  public boolean steady() {
    return runners.stream().filter(ProbeRunner::active)
        .allMatch(r -> r.status() == SteadyStatus.STEADY);
  }

  @Override
  public Map<String, SteadyStatus> statuses() {
    return ProbeSamples.statuses(runners.stream().map(ProbeRunner::samples).toList());
  }

  @Override
  public Map<String, Double> successRatios() {
    return ProbeSamples.successRatios(runners.stream().map(ProbeRunner::samples).toList());
  }

  /** The names of the probes running in the current phase. */
  @Override
  public List<String> activeProbes() {
    return runners.stream().filter(ProbeRunner::active).map(ProbeRunner::name).toList();
  }

  @Override
  public void close() {
    synchronized (stateLock) {
      if (closed) {
        return;
      }
      closed = true;
      runners.forEach(ProbeRunner::deactivate);
      if (timer == null) {
        return;
      }
      timer.close();
      requests.shutdown();
      try {
        long wait = longestTimeout.plus(CLOSE_GRACE).toMillis();
        if (!requests.awaitTermination(wait, TimeUnit.MILLISECONDS)) {
          requests.shutdownNow();
        }
      } catch (InterruptedException e) {
        requests.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
  }
}
