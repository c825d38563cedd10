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
import dev.gameday.probes.ProbeSetupException;
import dev.gameday.probes.WarmUp;
import dev.gameday.probes.http.AnswerJudge;
import dev.gameday.probes.http.TlsSetup;
import dev.gameday.probes.steady.BreachWatch;
import dev.gameday.probes.steady.ModeGate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link ApplicationMonitor} on a {@link LoopClient}: every probe's ticks, request and answer
 * on the client's one loop thread (issue 18). HTTP and HTTPS (the probe's CA, client certificate
 * or {@code insecure}), any method, headers and body, judged and redirected as {@code HttpProbe}
 * does. The bench compares it with {@code HttpProbeMonitor}; runs do not use it yet.
 */
public final class LoopProbeMonitor implements ApplicationMonitor {
  private static final Logger LOG = LoggerFactory.getLogger(LoopProbeMonitor.class);
  private final LoopClient client;
  private final RunClock clock;
  private final Duration resolution;
  private final WarmUp warmUp;
  private final List<LoopProbeRunner> runners;
  // Confined to the loop.
  private LoopTimer timer;
  private EventListener events;
  private Optional<Phase> phase = Optional.empty();
  private List<LoopProbeRunner> warming = List.of();
  private long warmUpStarted;
  private boolean closed;

  /**
   * @param resolution how late the loop may run a tick to wake up less often (1 ms as the
   *     parking timer's)
   */
  public LoopProbeMonitor(SteadyState steadyState, Optional<Duration> abortWhenBreachedFor,
      LoopClient client, RunClock clock, Duration resolution, WarmUp warmUp) {
    this.client = client;
    this.clock = clock;
    this.resolution = resolution;
    this.warmUp = warmUp;
    List<ProbeSpec> specs = steadyState.probes();
    ObjectMapper json = new ObjectMapper();
    List<LoopProbeRunner> built = new ArrayList<>();
    var names = new HashSet<String>();
    for (int i = 0; i < specs.size(); i++) {
      ProbeSpec spec = specs.get(i);
      if (!names.add(spec.name())) {
        throw new ProbeSetupException(spec.name(), "two probes have this name");
      }
      LoopRequest request = new LoopRequest(spec.name(), spec.http());
      AnswerJudge judge = new AnswerJudge(spec.name(), spec.http(), spec.expect(), json);
      Optional<LoopConnection.Tls> tls = request.https()
          ? Optional.of(new LoopConnection.Tls(TlsSetup.sslContext(spec.name(), spec.http().tls()),
              request.host(), request.port(), !spec.http().tls().insecure()))
          : Optional.empty();
      if (spec.http().tls().insecure()) {
        LOG.warn("PROBE {} HAS TLS VERIFICATION DISABLED (insecure: true): any certificate is "
            + "accepted, so its samples prove nothing about who answered", spec.name());
      }
      LoopConnection connection = client.connection(request.address(), clock::nanoTime, tls);
      long offset = spec.every().toNanos() * i / specs.size();
      Optional<BreachWatch> watch =
          abortWhenBreachedFor.map(limit -> new BreachWatch(spec.name(), limit));
      built.add(new LoopProbeRunner(spec, client, connection, request, judge, clock, offset,
          watch));
    }
    this.runners = List.copyOf(built);
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
      events = listener;
      timer = new LoopTimer(client.loop(), client.wakePlan(), clock::nanoTime, resolution);
      applyPhase();
      return null;
    });
  }

  @Override
  public void phase(Phase next) {
    Optional<WarmUpEnded> ended = onLoop(() -> {
      phase = Optional.of(next);
      if (events == null || closed) {
        return Optional.<WarmUpEnded>empty();
      }
      Optional<WarmUpEnded> e = next != Phase.WARMUP ? endWarmUp() : Optional.empty();
      applyPhase();
      return e;
    });
    ended.ifPresent(e -> events.on(e));
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
        r.start(events, timer, 0, false);
      }
    }
    if (warm) {
      warmUpStarted = clock.nanoTime();
      long ramp = warmUp.ramp().toNanos();
      for (int i = 0; i < started.size(); i++) {
        started.get(i).start(events, timer, ramp * i / started.size(), true);
      }
      warming = List.copyOf(started);
    }
  }

  private Optional<WarmUpEnded> endWarmUp() {
    if (warming.isEmpty()) {
      return Optional.empty();
    }
    long requests = 0;
    long failed = 0;
    long missed = 0;
    for (LoopProbeRunner r : warming) {
      long[] c = r.endWarmUp();
      requests += c[0];
      failed += c[1];
      missed += c[2];
    }
    int probes = warming.size();
    warming = List.of();
    return Optional.of(new WarmUpEnded(clock.stamp(),
        Duration.ofNanos(clock.nanoTime() - warmUpStarted), probes, requests, failed, missed));
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

  /** Stops every probe and closes its connection (requests in flight fail; none is recorded). */
  @Override
  public void close() {
    if (client.loop().isShuttingDown()) {
      return;
    }
    onLoop(() -> {
      if (!closed) {
        closed = true;
        runners.forEach(LoopProbeRunner::stop);
        if (timer != null) {
          timer.close();
        }
        events = null;
        runners.forEach(LoopProbeRunner::closeConnection);
      }
      return null;
    });
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
