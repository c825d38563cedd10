package dev.gameday.probes.http;

import dev.gameday.core.model.HttpRequestSpec;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * The HTTP clients probes use: one shared, tuned client for the whole run, and per-probe
 * derivatives (sharing its connection pool) only where TLS or redirect settings differ.
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
        .followRedirects(true)
        .followSslRedirects(true)
        .build();
  }

  /**
   * The client for one probe: {@code shared} itself when the probe uses default TLS and follows
   * redirects, otherwise a derivative that shares its pool and dispatcher.
   *
   * @throws dev.gameday.probes.ProbeSetupException when the TLS files cannot be used
   */
  public static OkHttpClient forProbe(OkHttpClient shared, String probe, HttpRequestSpec http) {
    if (TlsSetup.isDefault(http.tls()) && http.followRedirects()) {
      return shared;
    }
    OkHttpClient.Builder builder = shared.newBuilder();
    if (!http.followRedirects()) {
      builder.followRedirects(false).followSslRedirects(false);
    }
    if (!TlsSetup.isDefault(http.tls())) {
      TlsSetup.apply(probe, http.tls(), builder);
    }
    return builder.build();
  }
}
