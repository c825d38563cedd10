package dev.gameday.probes.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * A minimal fast HTTP server for the bench: JDK {@link HttpServer} on 127.0.0.1 with a
 * virtual-thread executor, keep-alive on, answering every path with {@code 200 ok} (or
 * {@code 503} while {@code failing} says so). Run as a main it prints {@code PORT <n>} and serves
 * until stdin closes, so the bench can keep it in a separate JVM.
 */
public final class BenchServer implements AutoCloseable {
  private static final byte[] OK = "ok\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] DOWN = "down\n".getBytes(StandardCharsets.US_ASCII);

  private final HttpServer server;
  private final ExecutorService executor;
  private final BooleanSupplier failing;

  private BenchServer(HttpServer server, ExecutorService executor, BooleanSupplier failing) {
    this.server = server;
    this.executor = executor;
    this.failing = failing;
  }

  /** Starts on a free loopback port. */
  public static BenchServer start(BooleanSupplier failing) throws IOException {
    HttpServer server = HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
    ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    BenchServer bench = new BenchServer(server, executor, failing);
    server.createContext("/", bench::handle);
    server.setExecutor(executor);
    server.start();
    return bench;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      boolean down = failing.getAsBoolean();
      byte[] body = down ? DOWN : OK;
      exchange.getResponseHeaders().set("Content-Type", "text/plain");
      exchange.sendResponseHeaders(down ? 503 : 200, body.length);
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

  /** Serves until stdin reaches end of file (the parent bench process closes it or dies). */
  public static void main(String[] args) throws IOException {
    try (BenchServer server = start(() -> false)) {
      System.out.println("PORT " + server.port());
      System.out.flush();
      while (System.in.read() != -1) {
        // wait for the parent to close our stdin
      }
    }
  }
}
