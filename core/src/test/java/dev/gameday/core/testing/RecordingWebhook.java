package dev.gameday.core.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * A webhook receiver for tests, on 127.0.0.1 with an ephemeral port: records every request
 * (headers, body, when it arrived) and answers with the status the test chooses, or hangs
 * until released (a dead receiver). Shared by the notify adapters' tests and the runner's
 * end-to-end runs.
 */
public final class RecordingWebhook implements AutoCloseable {

  /** One request as received. Header names are lower case. */
  public record Received(Instant at, String path, Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
  }

  private final HttpServer server;
  private final List<Received> received = new ArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private volatile IntSupplier status = () -> 200;
  private volatile boolean hang;
  private volatile String retryAfter;

  public RecordingWebhook() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "recording-webhook");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/", this::handle);
    server.start();
  }

  /** The receiver's URL with this path. */
  public URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  /** Answers every later request with these statuses in turn (the last one repeats). */
  public RecordingWebhook answering(int... statuses) {
    int[] copy = statuses.clone();
    int[] next = {0};
    status = () -> {
      synchronized (next) {
        return copy[Math.min(next[0]++, copy.length - 1)];
      }
    };
    return this;
  }

  /** Sends {@code Retry-After: seconds} with every answer that is not 2xx. */
  public RecordingWebhook retryAfter(int seconds) {
    retryAfter = Integer.toString(seconds);
    return this;
  }

  /** Holds every request without answering until {@link #close} (a hanging receiver). */
  public RecordingWebhook hanging() {
    hang = true;
    return this;
  }

  public List<Received> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  /** Waits (bounded) until {@code count} requests arrived; returns them. */
  public List<Received> await(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (received) {
      while (received.size() < count) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("expected " + count + " requests within " + timeout
              + ", got " + received.size() + ": " + received);
        }
        TimeUnit.NANOSECONDS.timedWait(received, left);
      }
      return List.copyOf(received);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, String> headers = new java.util.TreeMap<>();
    exchange.getRequestHeaders().forEach((k, v) ->
        headers.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
    synchronized (received) {
      received.add(new Received(Instant.now(), exchange.getRequestURI().getPath(),
          Map.copyOf(headers), body));
      received.notifyAll();
    }
    if (hang) {
      try {
        release.await(2, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    int code = status.getAsInt();
    if (code / 100 != 2 && retryAfter != null) {
      exchange.getResponseHeaders().add("Retry-After", retryAfter);
    }
    exchange.sendResponseHeaders(code, -1);
    try (OutputStream out = exchange.getResponseBody()) {
      out.flush();
    }
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
  }
}
