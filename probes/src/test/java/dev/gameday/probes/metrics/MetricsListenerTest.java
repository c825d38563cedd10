package dev.gameday.probes.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.gameday.core.event.Phase;
import dev.gameday.core.event.Stamp;
import dev.gameday.core.event.TimelineEvent.Outcome;
import dev.gameday.core.event.TimelineEvent.PhaseStarted;
import dev.gameday.core.event.TimelineEvent.ProbeSample;
import dev.gameday.core.event.TimelineEvent.SteadyStateChanged;
import dev.gameday.core.event.TimelineEvent.SteadyStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetricsListenerTest {
  private static final Stamp AT = new Stamp(Instant.parse("2026-05-05T02:00:00Z"), 0);
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final MetricsListener metrics = new MetricsListener(registry);

  private static ProbeSample sample(String probe, Outcome outcome, long latencyMs) {
    return new ProbeSample(AT, probe, 0, 0, latencyMs * 1_000_000, outcome == Outcome.OK ? 200
        : 503, outcome, "r");
  }

  @Test
  void samplesBecomeLatencyHistogramAndOutcomeCounterInTheScrape() {
    metrics.on(sample("storefront", Outcome.OK, 120));
    metrics.on(sample("storefront", Outcome.OK, 80));
    metrics.on(sample("storefront", Outcome.UNEXPECTED_STATUS, 5));
    String scrape = registry.scrape();
    assertThat(scrape)
        .contains("gameday_probe_samples_total{outcome=\"ok\",probe=\"storefront\"} 2.0")
        .contains("gameday_probe_samples_total{outcome=\"unexpected_status\",probe=\"storefront\"}"
            + " 1.0")
        .contains("gameday_probe_latency_seconds_count{outcome=\"ok\",probe=\"storefront\"} 2")
        .contains("gameday_probe_latency_seconds_bucket{outcome=\"ok\",probe=\"storefront\","
            + "le=\"0.1\"} 1")
        .contains("gameday_probe_latency_seconds_bucket{outcome=\"ok\",probe=\"storefront\","
            + "le=\"0.25\"} 2")
        .contains("# TYPE gameday_probe_latency_seconds histogram");
  }

  /**
   * After a run the metrics server lingers with the run's last figures (--metrics-linger), when
   * nothing holds the listener any more: its gauges must still read their values, not NaN.
   */
  @Test
  void theGaugesOutliveTheListener() throws InterruptedException {
    PrometheusMeterRegistry lingering = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    MetricsListener gone = new MetricsListener(lingering);
    gone.on(new PhaseStarted(AT, Phase.VERIFY, Optional.empty()));
    gone.on(new SteadyStateChanged(AT, "storefront", SteadyStatus.BREACHED, AT.utc(), AT.utc(),
        "down"));
    java.lang.ref.WeakReference<MetricsListener> ref = new java.lang.ref.WeakReference<>(gone);
    gone = null;
    for (int i = 0; i < 50 && ref.get() != null; i++) {
      System.gc();
      Thread.sleep(10);
    }
    assertThat(ref.get()).as("the listener was collected").isNull();
    assertThat(lingering.scrape())
        .contains("gameday_run_phase{phase=\"verify\"} 1.0")
        .contains("gameday_steady_state{probe=\"storefront\"} 0.0");
  }

  @Test
  void missedTicksAreCountedButHaveNoLatency() {
    metrics.on(sample("storefront", Outcome.MISSED, 0));
    String scrape = registry.scrape();
    assertThat(scrape).contains("gameday_probe_samples_total{outcome=\"missed\","
        + "probe=\"storefront\"} 1.0");
    assertThat(scrape).doesNotContain("gameday_probe_latency_seconds_count{outcome=\"missed\"");
  }

  @Test
  void theSteadyGaugeFollowsSteadyStateChanges() {
    metrics.on(sample("storefront", Outcome.OK, 10));
    assertThat(registry.scrape()).contains("gameday_steady_state{probe=\"storefront\"} 1.0");
    metrics.on(new SteadyStateChanged(AT, "storefront", SteadyStatus.BREACHED, AT.utc(),
        AT.utc(), "3 consecutive failures"));
    assertThat(registry.scrape()).contains("gameday_steady_state{probe=\"storefront\"} 0.0");
  }

  @Test
  void thePhaseGaugeMarksOnlyTheCurrentPhase() {
    metrics.on(new PhaseStarted(AT, Phase.BASELINE, Optional.empty()));
    metrics.on(new PhaseStarted(AT, Phase.HOLD, Optional.of("web-power-off")));
    String scrape = registry.scrape();
    assertThat(scrape).contains("gameday_run_phase{phase=\"hold\"} 1.0")
        .contains("gameday_run_phase{phase=\"baseline\"} 0.0");
  }

  @Test
  void aFailingRegistryNeverThrowsIntoTheRun() {
    MeterRegistry closed = new SimpleMeterRegistry();
    MetricsListener listener = new MetricsListener(closed);
    closed.close();
    assertThatCode(() -> listener.on(sample("x", Outcome.OK, 1))).doesNotThrowAnyException();
    assertThatCode(() -> listener.on(null)).doesNotThrowAnyException();
  }

  @Test
  void aRehearsedSampleMovesNothingInTheRunsRegistry() {
    metrics.on(new PhaseStarted(AT, Phase.WARMUP, Optional.empty()));
    String before = registry.scrape();

    metrics.rehearse(sample("storefront", Outcome.OK, 120));
    metrics.rehearse(sample("storefront", Outcome.MISSED, 0));

    assertThat(registry.scrape()).isEqualTo(before).doesNotContain("storefront");
    metrics.on(new PhaseStarted(AT, Phase.BASELINE, Optional.empty()));
    metrics.rehearse(sample("answeredAfterTheWarmUp", Outcome.OK, 1));
    metrics.on(sample("storefront", Outcome.OK, 80));
    assertThat(registry.scrape())
        .contains("gameday_probe_samples_total{outcome=\"ok\",probe=\"storefront\"} 1.0")
        .doesNotContain("answeredAfterTheWarmUp");
  }
}
