package dev.gameday.probes.http;

import dev.gameday.core.model.HttpRequestSpec;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * The HTTP clients probes use: one shared, tuned client for the whole run, and per-probe
 * derivatives (sharing its connection pool) only where TLS settings differ.
 * Timeouts are set per call, so they never need a client of their own.
 */
public final class ProbeClients {
  /** Idle keep-alive connections kept: enough for a thousand targets with some concurrency. */
  public static final int MAX_IDLE_CONNECTIONS = 4096;

  private ProbeClients() {}

  /**
   * A client tuned for many probes: a large keep-alive pool, raised dispatcher limits, no
   * client-level timeouts (each call carries the probe's timeout as its call timeout).
   */
  public static OkHttpClient defaultClient() {
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(16_384);
    dispatcher.setMaxRequestsPerHost(16_384);
    return new OkHttpClient.Builder()
        .connectionPool(new ConnectionPool(MAX_IDLE_CONNECTIONS, 5, TimeUnit.MINUTES))
        .dispatcher(dispatcher)
        .connectTimeout(Duration.ZERO)
        .readTimeout(Duration.ZERO)
        .writeTimeout(Duration.ZERO)
        .callTimeout(HttpRequestSpec.DEFAULT_TIMEOUT)
        // Each probe follows its redirects itself, by its own policy (RedirectPolicy).
        .followRedirects(false)
        .followSslRedirects(false)
        .build();
  }

  /**
   * The client for one probe: {@code shared} itself when the probe uses default TLS, otherwise a
   * derivative that shares its pool and dispatcher. Redirects are followed by the probe
   * ({@link RedirectPolicy}), never by the client.
   *
   * @throws dev.gameday.probes.ProbeSetupException when the TLS files cannot be used
   */
  public static OkHttpClient forProbe(OkHttpClient shared, String probe, HttpRequestSpec http) {
    if (TlsSetup.isDefault(http.tls())) {
      return shared;
    }
    OkHttpClient.Builder builder = shared.newBuilder();
    TlsSetup.apply(probe, http.tls(), builder);
    return builder.build();
  }
}
