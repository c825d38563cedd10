package dev.gameday.probes.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves the Prometheus scrape format on {@code http://127.0.0.1:<port>/metrics} (the CLI's
 * {@code --metrics-port}: loopback, for a Prometheus or a curl on the same host) or on the
 * address {@code --metrics-bind} names (in-cluster scraping).
 */
public final class MetricsServer implements AutoCloseable {
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry;
  private final HttpServer server;
  private final ExecutorService executor;

  private MetricsServer(PrometheusMeterRegistry registry, HttpServer server,
      ExecutorService executor) {
    this.registry = registry;
    this.server = server;
    this.executor = executor;
  }

  /**
   * Binds and starts serving; {@code port} 0 picks a free port (see {@link #port()}).
   *
   * @throws IOException when the port cannot be bound (e.g. already in use)
   */
  public static MetricsServer start(PrometheusMeterRegistry registry, int port)
      throws IOException {
    return start(registry, new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
  }

  /**
   * Binds to {@code address} (the CLI's {@code --metrics-bind}, e.g. {@code 0.0.0.0:9464} in a
   * pod that Prometheus scrapes) and starts serving.
   *
   * @throws IOException when the address cannot be bound
   */
  public static MetricsServer start(PrometheusMeterRegistry registry, InetSocketAddress address)
      throws IOException {
    HttpServer server = HttpServer.create(address, 16);
    ExecutorService executor = Executors.newThreadPerTaskExecutor(
        Thread.ofVirtual().name("gameday-metrics-", 0).factory());
    MetricsServer metrics = new MetricsServer(registry, server, executor);
    server.createContext("/metrics", metrics::handle);
    server.setExecutor(executor);
    server.start();
    return metrics;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())
          && !"HEAD".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
      if ("HEAD".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(200, -1);
        return;
      }
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.close();
  }
}
