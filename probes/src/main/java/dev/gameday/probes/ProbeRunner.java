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
 *
 * <p>While it warms up ({@link #warmUp}) it runs exactly the same way but records nothing: its
 * answers are judged and turned into samples as usual, then counted and only rehearsed by the
 * listeners ({@link EventListener#rehearse}: the journal serializes and hashes them, metrics
 * records them in a registry of their own, nothing is kept), and its steady state and breach
 * watch never see them. {@link #endWarmUp} switches recording on without touching the
 * schedule, so the baseline's first tick follows the warm-up's last one at the probe's rate.
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
  /** False while warming up: ticks taken then are counted in {@link #warmUp}, never emitted. */
  private volatile boolean recording = true;
  /** The warm-up's own judge: it runs the evaluator's code on answers nobody will see. */
  private SteadyStateEvaluator scratch;
  private final WarmUpTally tally = new WarmUpTally();

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
      this.events = events;
      active = true;
      if (warming) {
        recording = false;
        scratch = new SteadyStateEvaluator(spec.name(), spec.tolerance());
      }
      long gen = ++generation;
      long now = clock.nanoTime();
      long every = spec.every().toNanos();
      long first = offsetNanos < startDelay
          ? offsetNanos + Math.ceilDiv(startDelay - offsetNanos, every) * every : offsetNanos;
      FixedRate rate = new FixedRate(now + first, every);
      timer.at(rate.slot(0), () -> tick(gen, rate, 0, timer, requests));
      if (warming && first >= endsIn) {
        long contact = now + startDelay;
        timer.at(contact, () -> contact(gen, contact, requests));
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Ends the warm-up: from the next tick on, samples are recorded. Returns what the warm-up saw
   * (a request in flight now is not in it, nor recorded).
   */
  WarmUpTally.Counts endWarmUp() {
    lock.lock();
    try {
      recording = true;
      scratch = null;
    } finally {
      lock.unlock();
    }
    return tally.counts();
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
    boolean record = recording;
    long now = clock.nanoTime();
    FixedRate.Decision decision = rate.decide(k, now);
    if (decision.missedCount() > 0) {
      recordSkipped(rate, decision, now, record);
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
      missed(scheduled, now, MissedTick.stillRunning(), record);
    }
    if (record) {
      checkBreach();
    }
    long next = decision.run() + 1;
    timer.at(rate.slot(next), () -> tick(gen, rate, next, timer, requests));
  }

  /** The warm-up's extra request of a probe whose own slots all fall after the warm-up. */
  private void contact(long gen, long scheduled, ExecutorService requests) {
    if (gen != generation || recording || !inFlight.compareAndSet(false, true)) {
      return;
    }
    try {
      requests.execute(() -> request(scheduled, false));
    } catch (RejectedExecutionException e) {
      inFlight.set(false);
    }
  }

  private void recordSkipped(FixedRate rate, FixedRate.Decision decision, long now,
      boolean record) {
    long count = decision.missedCount();
    long shown = Math.min(count, MAX_MISSED_PER_WAKEUP);
    for (long i = 0; i < shown; i++) {
      long tick = decision.firstMissed() + i;
      long late = (now - rate.slot(tick)) / 1_000_000;
      long more = (i == shown - 1 && count > shown) ? count - shown : 0;
      missed(rate.slot(tick), now, MissedTick.timerLate(late, more), record);
    }
  }

  private void missed(long scheduled, long now, MissedTick why, boolean record) {
    Stamp at = clock.stamp();
    ProbeSample sample = new ProbeSample(at, spec.name(), scheduled, now, now, 0, Outcome.MISSED,
        why.reason());
    if (record) {
      events.on(sample);
    } else {
      tally.add(sample);
      events.rehearse(sample);
    }
  }

  private void request(long scheduled, boolean record) {
    try {
      ProbeResult r = probe.call();
      // Evaluate under the lock, tell the listeners after it: a listener may call back into the
      // monitor (the live view reads the success ratios) and must never find the lock held.
      List<TimelineEvent> out = new ArrayList<>(3);
      ProbeSample sample = new ProbeSample(new Stamp(r.startedUtc(), r.started()), spec.name(),
          scheduled, r.started(), r.ended(), r.status(), r.outcome(), r.reason());
      Observation o = new Observation(r.started(), r.startedUtc(), r.outcome() == Outcome.OK,
          r.latencyNanos(), r.reason());
      lock.lock();
      try {
        if (record) {
          out.add(sample);
          evaluator.observe(o, clock.stamp()).ifPresent(out::add);
          breachEvent().ifPresent(out::add);
        } else if (scratch != null) {
          out.add(sample);
          scratch.observe(o, clock.stamp()).ifPresent(out::add);
        }
      } finally {
        lock.unlock();
      }
      if (record) {
        out.forEach(events::on);
      } else {
        tally.add(sample);
        out.forEach(events::rehearse);
      }
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
