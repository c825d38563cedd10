package dev.gameday.probes;

import dev.gameday.core.event.EventListener;
import dev.gameday.core.event.MissedTick;
import dev.gameday.core.event.Stamp;
import dev.gameday.core.event.TimelineEvent;
import dev.gameday.core.event.TimelineEvent.Outcome;
import dev.gameday.core.event.TimelineEvent.ProbeSample;
import dev.gameday.core.event.TimelineEvent.SteadyStatus;
import dev.gameday.core.event.TimelineEvent.WarmUpEnded;
import dev.gameday.core.model.ProbeSpec;
import dev.gameday.core.port.RunClock;
import dev.gameday.probes.http.ProbeResult;
import dev.gameday.probes.schedule.FixedRate;
import dev.gameday.probes.steady.BreachWatch;
import dev.gameday.probes.steady.Observation;
import dev.gameday.probes.steady.SteadyStateEvaluator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What becomes of one probe's ticks and answers, whichever client sent the requests (the
 * virtual-thread runner over OkHttp, {@code ProbeRunner}, or the event loop's,
 * {@code loop.LoopProbeRunner}): each becomes a {@link ProbeSample}, judged by the probe's
 * steady-state evaluator and breach watch and told to the run's listeners.
 *
 * <p>While the probe warms up ({@link #warmUp}) nothing is recorded: a sample is counted
 * ({@link WarmUpTally}), judged by a throwaway evaluator and only rehearsed by the listeners
 * ({@link EventListener#rehearse}), and the real evaluator and breach watch never see it. Each
 * call says whether its sample is recorded ({@code record}), as the runner decided when the tick
 * was taken: a request sent in the warm-up stays unrecorded when it answers after it.
 *
 * <p>Thread-safe. Listeners are told after the lock is released: a listener may call back into
 * the monitor (the live view reads the success ratios) and must never find the lock held.
 */
public final class ProbeSamples {
  /** Individually recorded missed ticks per timer wake-up; the rest are summed in the last. */
  public static final int MAX_MISSED_PER_WAKEUP = 100;

  private final ProbeSpec spec;
  private final RunClock clock;
  private final SteadyStateEvaluator evaluator;
  private final Optional<BreachWatch> breachWatch;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile EventListener events = EventListener.NONE;
  /** False while warming up: samples taken then are counted and rehearsed, never emitted. */
  private volatile boolean recording = true;
  /** The warm-up's own judge: it runs the evaluator's code on answers nobody will see. */
  private SteadyStateEvaluator scratch;
  private final WarmUpTally tally = new WarmUpTally();

  public ProbeSamples(ProbeSpec spec, RunClock clock, Optional<BreachWatch> breachWatch) {
    this.spec = spec;
    this.clock = clock;
    this.evaluator = new SteadyStateEvaluator(spec.name(), spec.tolerance());
    this.breachWatch = breachWatch;
  }

  /** Where samples go from now on (the monitor's listener, shielded from its failures). */
  public void to(EventListener listener) {
    this.events = listener;
  }

  /** Records nothing from now on, until {@link #endWarmUp}. */
  public void warmUp() {
    lock.lock();
    try {
      recording = false;
      scratch = new SteadyStateEvaluator(spec.name(), spec.tolerance());
    } finally {
      lock.unlock();
    }
  }

  /**
   * Ends the warm-up of {@code warming}, begun at {@code startedNanos} (the monotonic clock's):
   * they record from now on. The warm-up's account; empty when no probe was warming up.
   */
  public static Optional<WarmUpEnded> endWarmUp(List<ProbeSamples> warming, long startedNanos,
      RunClock clock) {
    if (warming.isEmpty()) {
      return Optional.empty();
    }
    WarmUpTally.Counts sum = WarmUpTally.Counts.ZERO;
    for (ProbeSamples p : warming) {
      sum = sum.plus(p.endWarmUp());
    }
    return Optional.of(new WarmUpEnded(clock.stamp(),
        Duration.ofNanos(clock.nanoTime() - startedNanos), warming.size(), sum.requests(),
        sum.failed(), sum.missed()));
  }

  /** Records from now on; returns what the warm-up saw. */
  private WarmUpTally.Counts endWarmUp() {
    lock.lock();
    try {
      recording = true;
      scratch = null;
    } finally {
      lock.unlock();
    }
    return tally.counts();
  }

  /** Whether a tick taken now is recorded. */
  public boolean recording() {
    return recording;
  }

  /** The ticks a late wake-up skipped ({@code decision}'s missed ones), as MISSED samples. */
  public void skipped(FixedRate rate, FixedRate.Decision decision, long now, boolean record) {
    long count = decision.missedCount();
    long shown = Math.min(count, MAX_MISSED_PER_WAKEUP);
    for (long i = 0; i < shown; i++) {
      long tick = decision.firstMissed() + i;
      long late = (now - rate.slot(tick)) / 1_000_000;
      long more = (i == shown - 1 && count > shown) ? count - shown : 0;
      missed(rate.slot(tick), now, MissedTick.timerLate(late, more), record);
    }
  }

  /** A tick that sent nothing, for {@code why}. */
  public void missed(long scheduled, long now, MissedTick why, boolean record) {
    ProbeSample sample = new ProbeSample(clock.stamp(), spec.name(), scheduled, now, now, 0,
        Outcome.MISSED, why.reason());
    if (record) {
      events.on(sample);
    } else {
      tally.add(sample);
      events.rehearse(sample);
    }
  }

  /** The answer (or failure) of the request of the tick due at {@code scheduled}. */
  public void answered(long scheduled, ProbeResult r, boolean record) {
    List<TimelineEvent> out = new ArrayList<>(3);
    ProbeSample sample = new ProbeSample(new Stamp(r.startedUtc(), r.started()), spec.name(),
        scheduled, r.started(), r.ended(), r.status(), r.outcome(), r.reason());
    Observation o = new Observation(r.started(), r.startedUtc(), r.outcome() == Outcome.OK,
        r.latencyNanos(), r.reason());
    out.add(sample);
    lock.lock();
    try {
      if (record) {
        evaluator.observe(o, clock.stamp()).ifPresent(out::add);
        breachEvent().ifPresent(out::add);
      } else if (scratch != null) {
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
  }

  /**
   * Tells a breach that has lasted its limit, if any. Never blocks: when a thread judging an
   * answer holds the lock, that thread checks on its own.
   */
  public void checkBreach() {
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

  /** Each probe's steady status, in the given order (a probe not running keeps its last). */
  public static Map<String, SteadyStatus> statuses(List<ProbeSamples> probes) {
    Map<String, SteadyStatus> out = new LinkedHashMap<>();
    probes.forEach(p -> out.put(p.spec.name(), p.status()));
    return out;
  }

  /** Each probe's success ratio over its sliding window (1.0 before its first sample). */
  public static Map<String, Double> successRatios(List<ProbeSamples> probes) {
    Map<String, Double> out = new LinkedHashMap<>();
    probes.forEach(p -> out.put(p.spec.name(), p.successRatio()));
    return out;
  }

  public SteadyStatus status() {
    lock.lock();
    try {
      return evaluator.status();
    } finally {
      lock.unlock();
    }
  }

  public double successRatio() {
    lock.lock();
    try {
      return evaluator.successRatio();
    } finally {
      lock.unlock();
    }
  }
}
