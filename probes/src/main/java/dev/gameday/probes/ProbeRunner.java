package dev.gameday.probes;

import dev.gameday.core.event.EventListener;
import dev.gameday.core.event.MissedTick;
import dev.gameday.core.event.Stamp;
import dev.gameday.core.event.TimelineEvent;
import dev.gameday.core.event.TimelineEvent.Outcome;
import dev.gameday.core.event.TimelineEvent.ProbeSample;
import dev.gameday.core.event.TimelineEvent.SteadyStatus;
import dev.gameday.core.model.ProbeSpec;
import dev.gameday.core.port.RunClock;
import dev.gameday.probes.http.HttpProbe;
import dev.gameday.probes.http.ProbeResult;
import dev.gameday.probes.schedule.FixedRate;
import dev.gameday.probes.schedule.TickTimer;
import dev.gameday.probes.steady.BreachWatch;
import dev.gameday.probes.steady.Observation;
import dev.gameday.probes.steady.SteadyStateEvaluator;
import java.util.ArrayList;
import java.util.List;
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
 */
final class ProbeRunner {
  /** Individually recorded missed ticks per timer wake-up; the rest are summed in the last. */
  static final int MAX_MISSED_PER_WAKEUP = 100;

  private final ProbeSpec spec;
  private final HttpProbe probe;
  private final RunClock clock;
  private final long offsetNanos;
  private final SteadyStateEvaluator evaluator;
  private final Optional<BreachWatch> breachWatch;
  private final ReentrantLock lock = new ReentrantLock();
  private final AtomicBoolean inFlight = new AtomicBoolean();
  private volatile long generation;
  private volatile boolean active;
  private volatile EventListener events = EventListener.NONE;

  ProbeRunner(ProbeSpec spec, HttpProbe probe, RunClock clock, long offsetNanos,
      Optional<BreachWatch> breachWatch) {
    this.spec = spec;
    this.probe = probe;
    this.clock = clock;
    this.offsetNanos = offsetNanos;
    this.evaluator = new SteadyStateEvaluator(spec.name(), spec.tolerance());
    this.breachWatch = breachWatch;
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
    lock.lock();
    try {
      if (active) {
        return;
      }
      this.events = events;
      active = true;
      long gen = ++generation;
      FixedRate rate = new FixedRate(clock.nanoTime() + offsetNanos, spec.every().toNanos());
      timer.at(rate.slot(0), () -> tick(gen, rate, 0, timer, requests));
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
    lock.lock();
    try {
      return evaluator.status();
    } finally {
      lock.unlock();
    }
  }

  double successRatio() {
    lock.lock();
    try {
      return evaluator.successRatio();
    } finally {
      lock.unlock();
    }
  }

  private void tick(long gen, FixedRate rate, long k, TickTimer timer, ExecutorService requests) {
    if (gen != generation) {
      return;
    }
    long now = clock.nanoTime();
    FixedRate.Decision decision = rate.decide(k, now);
    if (decision.missedCount() > 0) {
      recordSkipped(rate, decision, now);
    }
    long scheduled = rate.slot(decision.run());
    if (inFlight.compareAndSet(false, true)) {
      try {
        requests.execute(() -> request(scheduled));
      } catch (RejectedExecutionException e) {
        inFlight.set(false);
        return;
      }
    } else {
      missed(scheduled, now, MissedTick.stillRunning());
    }
    checkBreach();
    long next = decision.run() + 1;
    timer.at(rate.slot(next), () -> tick(gen, rate, next, timer, requests));
  }

  private void recordSkipped(FixedRate rate, FixedRate.Decision decision, long now) {
    long count = decision.missedCount();
    long shown = Math.min(count, MAX_MISSED_PER_WAKEUP);
    for (long i = 0; i < shown; i++) {
      long tick = decision.firstMissed() + i;
      long late = (now - rate.slot(tick)) / 1_000_000;
      long more = (i == shown - 1 && count > shown) ? count - shown : 0;
      missed(rate.slot(tick), now, MissedTick.timerLate(late, more));
    }
  }

  private void missed(long scheduled, long now, MissedTick why) {
    Stamp at = clock.stamp();
    events.on(new ProbeSample(at, spec.name(), scheduled, now, now, 0, Outcome.MISSED,
        why.reason()));
  }

  private void request(long scheduled) {
    try {
      ProbeResult r = probe.call();
      // Evaluate under the lock, tell the listeners after it: a listener may call back into the
      // monitor (the live view reads the success ratios) and must never find the lock held.
      List<TimelineEvent> out = new ArrayList<>(3);
      lock.lock();
      try {
        out.add(new ProbeSample(new Stamp(r.startedUtc(), r.started()), spec.name(), scheduled,
            r.started(), r.ended(), r.status(), r.outcome(), r.reason()));
        Observation o = new Observation(r.started(), r.startedUtc(), r.outcome() == Outcome.OK,
            r.latencyNanos(), r.reason());
        evaluator.observe(o, clock.stamp()).ifPresent(out::add);
        breachEvent().ifPresent(out::add);
      } finally {
        lock.unlock();
      }
      out.forEach(events::on);
    } finally {
      inFlight.set(false);
    }
  }

  private void checkBreach() {
    // Never block the timer thread: a request thread holding the lock checks on its own.
    if (breachWatch.isEmpty() || !lock.tryLock()) {
      return;
    }
    Optional<? extends TimelineEvent> event;
    try {
      event = breachEvent();
    } finally {
      lock.unlock();
    }
    event.ifPresent(events::on);
  }

  private Optional<? extends TimelineEvent> breachEvent() {
    return breachWatch.flatMap(w -> w.check(evaluator.breachedSince(), clock.stamp()));
  }
}
