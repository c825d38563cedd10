package dev.gameday.probes;

import dev.gameday.core.event.EventListener;
import dev.gameday.core.event.MissedTick;
import dev.gameday.core.event.TimelineEvent.SteadyStatus;
import dev.gameday.core.model.ProbeSpec;
import dev.gameday.core.port.RunClock;
import dev.gameday.probes.http.HttpProbe;
import dev.gameday.probes.schedule.FixedRate;
import dev.gameday.probes.schedule.TickTimer;
import dev.gameday.probes.steady.BreachWatch;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs one probe while it is active: ticks on the shared timer at a fixed rate, one request at a
 * time on a virtual thread, every sample judged by the probe's steady-state evaluator and its
 * breach watch. A tick that finds the previous request still running, or whose slot passed more
 * than an interval ago, becomes a MISSED sample.
 *
 * <p>While it warms up ({@link #warmUp}) it runs exactly the same way but records nothing: its
 * answers are judged and turned into samples as usual, then counted and only rehearsed by the
 * listeners ({@link EventListener#rehearse}: the journal serializes and hashes them, metrics
 * records them in a registry of their own, nothing is kept), and its steady state and breach
 * watch never see them. {@link ProbeSamples#endWarmUp} switches recording on without touching the
 * schedule, so the baseline's first tick follows the warm-up's last one at the probe's rate.
 * What becomes of each tick and answer is {@link ProbeSamples}', shared with the event loop's
 * runner.
 */
final class ProbeRunner {
  private final ProbeSpec spec;
  private final HttpProbe probe;
  private final RunClock clock;
  private final long offsetNanos;
  private final ProbeSamples samples;
  private final ReentrantLock lock = new ReentrantLock();
  private final AtomicBoolean inFlight = new AtomicBoolean();
  private volatile long generation;
  private volatile boolean active;

  ProbeRunner(ProbeSpec spec, HttpProbe probe, RunClock clock, long offsetNanos,
      Optional<BreachWatch> breachWatch) {
    this.spec = spec;
    this.probe = probe;
    this.clock = clock;
    this.offsetNanos = offsetNanos;
    this.samples = new ProbeSamples(spec, clock, breachWatch);
  }

  String name() {
    return spec.name();
  }

  ProbeSpec spec() {
    return spec;
  }

  boolean active() {
    return active;
  }

  /** Starts ticking: the first tick is due {@code offset} from now, then every interval. */
  void activate(EventListener events, TickTimer timer, ExecutorService requests) {
    start(events, timer, requests, 0, 0, false);
  }

  /**
   * Starts ticking without recording: on the probe's own slots (its offset within the interval
   * kept), from the first one at least {@code startDelay} from now. A probe whose first slot
   * would come after {@code endsIn} sends one request at {@code startDelay} instead, so that its
   * connection is open before the baseline too.
   */
  void warmUp(EventListener events, TickTimer timer, ExecutorService requests, long startDelay,
      long endsIn) {
    start(events, timer, requests, startDelay, endsIn, true);
  }

  private void start(EventListener events, TickTimer timer, ExecutorService requests,
      long startDelay, long endsIn, boolean warming) {
    lock.lock();
    try {
      if (active) {
        return;
      }
      samples.to(events);
      active = true;
      if (warming) {
        samples.warmUp();
      }
      long gen = ++generation;
      long now = clock.nanoTime();
      FixedRate rate = FixedRate.from(now, offsetNanos, startDelay, spec.every().toNanos());
      timer.at(rate.slot(0), () -> tick(gen, rate, 0, timer, requests));
      if (warming && rate.slot(0) - now >= endsIn) {
        long contact = now + startDelay;
        timer.at(contact, () -> contact(gen, contact, requests));
      }
    } finally {
      lock.unlock();
    }
  }


  /** Stops ticking; a request in flight still reports its sample. */
  void deactivate() {
    lock.lock();
    try {
      active = false;
      generation++;
    } finally {
      lock.unlock();
    }
  }

  SteadyStatus status() {
    return samples.status();
  }

  ProbeSamples samples() {
    return samples;
  }

  private void tick(long gen, FixedRate rate, long k, TickTimer timer, ExecutorService requests) {
    if (gen != generation) {
      return;
    }
    boolean record = samples.recording();
    long now = clock.nanoTime();
    FixedRate.Decision decision = rate.decide(k, now);
    if (decision.missedCount() > 0) {
      samples.skipped(rate, decision, now, record);
    }
    long scheduled = rate.slot(decision.run());
    if (inFlight.compareAndSet(false, true)) {
      try {
        requests.execute(() -> request(scheduled, record));
      } catch (RejectedExecutionException e) {
        inFlight.set(false);
        return;
      }
    } else {
      samples.missed(scheduled, now, MissedTick.stillRunning(), record);
    }
    if (record) {
      samples.checkBreach();
    }
    long next = decision.run() + 1;
    timer.at(rate.slot(next), () -> tick(gen, rate, next, timer, requests));
  }

  /** The warm-up's extra request of a probe whose own slots all fall after the warm-up. */
  private void contact(long gen, long scheduled, ExecutorService requests) {
    if (gen != generation || samples.recording() || !inFlight.compareAndSet(false, true)) {
      return;
    }
    try {
      requests.execute(() -> request(scheduled, false));
    } catch (RejectedExecutionException e) {
      inFlight.set(false);
    }
  }

  private void request(long scheduled, boolean record) {
    try {
      samples.answered(scheduled, probe.call(), record);
    } finally {
      inFlight.set(false);
    }
  }
}
