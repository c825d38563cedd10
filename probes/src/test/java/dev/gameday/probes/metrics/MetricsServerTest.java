package dev.gameday.probes.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.core.event.Stamp;
import dev.gameday.core.event.TimelineEvent.Outcome;
import dev.gameday.core.event.TimelineEvent.ProbeSample;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Instant;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class MetricsServerTest {
  @Test
  void servesTheScrapeFormatOnLoopback() throws IOException {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new MetricsListener(registry).on(new ProbeSample(new Stamp(Instant.EPOCH, 0), "web", 0, 0,
        1_000_000, 200, Outcome.OK, "200 OK"));
    try (MetricsServer server = MetricsServer.start(registry, 0)) {
      Request request = new Request.Builder()
          .url("http://127.0.0.1:" + server.port() + "/metrics").build();
      try (Response response = new OkHttpClient().newCall(request).execute()) {
        assertThat(response.code()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/plain; version=0.0.4");
        assertThat(response.body().string())
            .contains("gameday_probe_samples_total{outcome=\"ok\",probe=\"web\"} 1.0");
      }
    }
  }
}
