package dev.gameday.probes.metrics;

import dev.gameday.core.event.EventListener;
import dev.gameday.core.event.Phase;
import dev.gameday.core.event.TimelineEvent;
import dev.gameday.core.event.TimelineEvent.Outcome;
import dev.gameday.core.event.TimelineEvent.PhaseStarted;
import dev.gameday.core.event.TimelineEvent.ProbeSample;
import dev.gameday.core.event.TimelineEvent.SteadyStateChanged;
import dev.gameday.core.event.TimelineEvent.SteadyStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.DoubleStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns run events into Micrometer metrics. In the Prometheus format they read:
 * {@code gameday_probe_latency_seconds{probe,outcome}} (a histogram with fixed buckets from
 * 1 ms to 10 s; percentiles come from {@code histogram_quantile} in PromQL, so they aggregate
 * across probes and runs),
 * {@code gameday_probe_samples_total{probe,outcome}}, {@code gameday_steady_state{probe}} (1
 * steady, 0 breached) and {@code gameday_run_phase{phase}} (1 for the current phase). Missed
 * ticks are counted but have no latency. Never throws into the run.
 */
public final class MetricsListener implements EventListener {
  private static final Logger LOG = LoggerFactory.getLogger(MetricsListener.class);

  /** Histogram bucket bounds: fixed and few, so a thousand probes stay a modest scrape. */
  static final Duration[] LATENCY_BUCKETS = DoubleStream.of(1, 2.5, 5, 10, 25, 50, 100, 250, 500,
      1000, 2500, 5000, 10000).mapToObj(ms -> Duration.ofNanos(Math.round(ms * 1e6)))
      .toArray(Duration[]::new);

  private final MeterRegistry registry;
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> steady = new ConcurrentHashMap<>();
  private final Map<Phase, AtomicInteger> phases = new EnumMap<>(Phase.class);
  /**
   * Where the warm-up's samples are rehearsed: a registry of the kind a run exports, its own and
   * never scraped, so that recording into the run's is compiled before the baseline. Dropped
   * when the warm-up ends; a late rehearsal (a warm-up request that answered after it) is ignored.
   */
  private volatile MetricsListener rehearsal;
  private volatile boolean warmUpOver;

  public MetricsListener(MeterRegistry registry) {
    this.registry = registry;
    for (Phase p : Phase.values()) {
      AtomicInteger value = new AtomicInteger();
      phases.put(p, value);
      // Held strongly by the registry: the metrics server outlives the listener (--metrics-linger),
      // and a weakly held value reads NaN once collected.
      Gauge.builder("gameday.run.phase", value, AtomicInteger::get)
          .strongReference(true)
          .description("1 for the phase the run is in, 0 for the others")
          .tag("phase", p.name().toLowerCase(Locale.ROOT))
          .register(registry);
    }
  }

  @Override
  public void on(TimelineEvent event) {
    try {
      switch (event) {
        case ProbeSample s -> sample(s);
        case SteadyStateChanged c -> steadyGauge(c.probe())
            .set(c.status() == SteadyStatus.STEADY ? 1 : 0);
        case PhaseStarted p -> {
          phases.forEach((phase, v) -> v.set(phase == p.phase() ? 1 : 0));
          if (p.phase() != Phase.WARMUP) {
            warmUpOver = true;
            rehearsal = null;
          }
        }
        default -> { }
      }
    } catch (RuntimeException e) {
      LOG.warn("metrics could not record {}",
          event == null ? "null" : event.getClass().getSimpleName(), e);
    }
  }

  /** Records a warm-up's sample into a registry of its own ({@link #rehearsal}). */
  @Override
  public void rehearse(TimelineEvent event) {
    if (!(event instanceof ProbeSample) || warmUpOver) {
      return;
    }
    MetricsListener into = rehearsal;
    if (into == null) {
      into = new MetricsListener(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
      rehearsal = into;
    }
    into.on(event);
  }

  private void sample(ProbeSample s) {
    steadyGauge(s.probe());
    String outcome = s.outcome().name().toLowerCase(Locale.ROOT);
    String key = s.probe() + '\u0000' + outcome;
    counters.computeIfAbsent(key, k -> Counter.builder("gameday.probe.samples")
        .description("Probe samples by outcome")
        .tag("probe", s.probe()).tag("outcome", outcome)
        .register(registry)).increment();
    if (s.outcome() != Outcome.MISSED) {
      timers.computeIfAbsent(key, k -> Timer.builder("gameday.probe.latency")
          .description("Probe request latency, start of request to end of body read")
          .tag("probe", s.probe()).tag("outcome", outcome)
          .serviceLevelObjectives(LATENCY_BUCKETS)
          .register(registry)).record(Math.max(0, s.latencyNanos()), TimeUnit.NANOSECONDS);
    }
  }

  private AtomicInteger steadyGauge(String probe) {
    return steady.computeIfAbsent(probe, p -> {
      AtomicInteger value = new AtomicInteger(1);
      Gauge.builder("gameday.steady.state", value, AtomicInteger::get)
          .strongReference(true)
          .description("1 while the probe is within its tolerance, 0 while breached")
          .tag("probe", p)
          .register(registry);
      return value;
    });
  }
}
