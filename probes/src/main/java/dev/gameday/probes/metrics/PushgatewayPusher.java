package dev.gameday.probes.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Pushes the registry in the Prometheus text format to a Pushgateway, for CI runs that no
 * Prometheus scrapes: {@code PUT <url>/metrics/job/gameday/experiment/<experiment>}. The grouping
 * key is the experiment, never the run id: the Pushgateway keeps a group until it is deleted, so
 * a key per run would pile up one group per run forever. PUT replaces the group, so each run of
 * an experiment replaces the previous one's series (the run id is a label of
 * {@code gameday_run_info}).
 */
public final class PushgatewayPusher {
  private static final MediaType TEXT = MediaType.get(MetricsServer.CONTENT_TYPE);

  private final OkHttpClient client;
  private final PrometheusMeterRegistry registry;
  private final HttpUrl target;

  /**
   * @param gateway the Pushgateway base URL, e.g. {@code http://pushgateway:9091}
   * @throws IllegalArgumentException when {@code gateway} is not an http(s) URL
   */
  public PushgatewayPusher(OkHttpClient client, PrometheusMeterRegistry registry, String gateway,
      String experiment) {
    this.client = client;
    this.registry = registry;
    HttpUrl base = HttpUrl.parse(gateway);
    if (base == null) {
      throw new IllegalArgumentException("Pushgateway URL must be http or https: " + gateway);
    }
    this.target = base.newBuilder()
        .addPathSegments("metrics/job/gameday/experiment")
        .addPathSegment(experiment)
        .build();
  }

  /** The URL pushes go to. */
  public String target() {
    return target.toString();
  }

  /**
   * Pushes once.
   *
   * @throws PushFailedException on a connection failure or a non-2xx answer
   */
  public void push() {
    Request request = new Request.Builder().url(target)
        .put(RequestBody.create(registry.scrape(), TEXT)).build();
    try (Response response = client.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw new PushFailedException(target.toString(), response.code(),
            "HTTP " + response.code(), null);
      }
    } catch (IOException e) {
      throw new PushFailedException(target.toString(), 0, e.toString(), e);
    }
  }
}
