package dev.gameday.probes.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gameday.core.event.Phase;
import dev.gameday.core.event.Stamp;
import dev.gameday.core.event.TimelineEvent.PhaseStarted;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PushgatewayPusherTest {
  private final MockWebServer gateway = new MockWebServer();
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  @BeforeEach
  void start() throws IOException {
    gateway.start(InetAddress.getByName("127.0.0.1"), 0);
    new MetricsListener(registry).on(new PhaseStarted(new Stamp(Instant.EPOCH, 0),
        Phase.VERIFY, Optional.empty()));
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  @Test
  void putsTheTextFormatUnderJobAndRunId() throws InterruptedException {
    gateway.enqueue(new MockResponse.Builder().code(200).build());
    String base = "http://127.0.0.1:" + gateway.getPort() + "/";
    new PushgatewayPusher(new OkHttpClient(), registry, base, "shop-web-vm-poweroff").push();
    RecordedRequest put = gateway.takeRequest(1, TimeUnit.SECONDS);
    assertThat(put.getMethod()).isEqualTo("PUT");
    assertThat(put.getTarget()).isEqualTo("/metrics/job/gameday/experiment/shop-web-vm-poweroff");
    assertThat(put.getHeaders().get("Content-Type")).startsWith("text/plain; version=0.0.4");
    assertThat(put.getBody().utf8()).contains("gameday_run_phase{phase=\"verify\"} 1.0");
  }

  @Test
  void aRejectedPushIsATypedFailureWithTheStatus() {
    gateway.enqueue(new MockResponse.Builder().code(400).build());
    String base = "http://127.0.0.1:" + gateway.getPort();
    assertThatThrownBy(() -> new PushgatewayPusher(new OkHttpClient(), registry, base, "r1")
        .push())
        .isInstanceOfSatisfying(PushFailedException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.url()).endsWith("/metrics/job/gameday/experiment/r1");
        });
  }
}
