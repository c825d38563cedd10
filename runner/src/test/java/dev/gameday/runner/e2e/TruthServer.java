package dev.gameday.runner.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The ground truth of an application: an HTTP endpoint on 127.0.0.1 that fails and heals when
 * told, and records the instant of every change (wall clock, microseconds). A request is answered
 * as the mode was when its request line arrived, on a connection of its own ({@code Connection:
 * close}), so each probe sample meets exactly one mode.
 */
final class TruthServer implements AutoCloseable {
  /** How the endpoint answers. */
  enum Mode {
    /** 200 at once. */
    OK,
    /** 503 at once. */
    STATUS_503,
    /** 200 after the slow delay: slow but successful. */
    SLOW_200,
    /** Reads the request and never answers (until the client gives up). */
    HANG,
    /** Resets the connection (TCP RST) instead of answering. */
    RESET
  }

  /** A change of mode, at the instant the server made it. */
  record Change(Instant at, Mode mode) {}

  private static final Duration HANG_BOUND = Duration.ofSeconds(30);

  private final ServerSocket server;
  private final Duration slow;
  private final List<Change> changes = new CopyOnWriteArrayList<>();
  private volatile Mode mode = Mode.OK;
  private volatile boolean closed;

  TruthServer(Duration slow) throws IOException {
    this.slow = slow;
    this.server = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
    Thread.ofPlatform().daemon().name("truth-server").start(this::accept);
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/");
  }

  /** Switches to {@code next} and returns the instant of the switch, as recorded. */
  synchronized Instant switchTo(Mode next) {
    Instant at = Instant.now();
    mode = next;
    changes.add(new Change(at, next));
    return at;
  }

  List<Change> changes() {
    return List.copyOf(changes);
  }

  private void accept() {
    while (!closed) {
      try {
        Socket s = server.accept();
        Thread.ofVirtual().start(() -> serve(s));
      } catch (IOException e) {
        if (!closed) {
          throw new IllegalStateException("truth server stopped accepting", e);
        }
      }
    }
  }

  private void serve(Socket s) {
    try (s) {
      s.setSoTimeout((int) HANG_BOUND.toMillis());
      InputStream in = s.getInputStream();
      if (!readRequestHead(in)) {
        return;
      }
      Mode m = mode;
      switch (m) {
        case OK -> answer(s.getOutputStream(), 200, "OK");
        case STATUS_503 -> answer(s.getOutputStream(), 503, "Service Unavailable");
        case SLOW_200 -> {
          Thread.sleep(slow);
          answer(s.getOutputStream(), 200, "OK");
        }
        case HANG -> {
          while (!closed && in.read() >= 0) {
            // the client hangs up when its timeout passes
          }
        }
        case RESET -> s.setSoLinger(true, 0);
      }
    } catch (IOException | InterruptedException e) {
      // the client went away: nothing to answer
    }
  }

  /** Reads up to the blank line that ends the request head; false if the client hung up. */
  private static boolean readRequestHead(InputStream in) throws IOException {
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    int b;
    while ((b = in.read()) >= 0) {
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
      if (matched == end.length) {
        return true;
      }
    }
    return false;
  }

  private static void answer(OutputStream out, int status, String phrase) throws IOException {
    out.write(("HTTP/1.1 " + status + " " + phrase + "\r\nContent-Type: text/plain\r\n"
        + "Content-Length: 2\r\nConnection: close\r\n\r\nok").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    closed = true;
    server.close();
  }
}
