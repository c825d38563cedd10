package dev.gameday.probes.loop;

import static dev.gameday.probes.TestSpecs.probe;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gameday.core.event.TimelineEvent.Outcome;
import dev.gameday.core.event.TimelineEvent.ProbeSample;
import dev.gameday.core.model.Expectation;
import dev.gameday.core.model.Expectation.StatusRange;
import dev.gameday.core.port.RunClock;
import dev.gameday.probes.TestSpecs;
import dev.gameday.probes.http.HttpProbe;
import dev.gameday.probes.http.ProbeClients;
import dev.gameday.probes.http.ProbeResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The loop client reads what OkHttp reads. A raw server writes each answer byte for byte (odd
 * but real answers: a reason phrase with control characters or UTF-8, no phrase, control
 * characters in a header, a 20 KB cookie, a body ended by the close, early hints, a short body,
 * garbage) and each answer is probed by both clients: the expected outcome, status and reason are
 * stated for each, and both clients must give them.
 */
class LoopParityTest {
  private static RawServer server;
  private static final OkHttpClient okhttp = ProbeClients.defaultClient();
  private static final LoopClient loop = LoopClient.create(Duration.ofMillis(1));

  @BeforeAll
  static void start() throws IOException {
    server = new RawServer();
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
    loop.close();
  }

  private static final String ESC = "\u001b";
  private static final String BEL = "\u0007";

  /** Each answer twice: written at once, and its head in pieces of 7 bytes 1 ms apart. */
  static Stream<Arguments> answers() {
    return whole().flatMap(a -> Stream.of(false, true).map(split -> {
      Object[] w = a.get();
      Object[] args = Arrays.copyOf(w, w.length + 1);
      args[0] = w[0] + (split ? ", in pieces" : "");
      args[w.length] = split;
      return Arguments.of(args);
    }));
  }

  static Stream<Arguments> whole() {
    return Stream.of(
        Arguments.of("control characters end the reason phrase",
            latin1("HTTP/1.1 599 Nope " + ESC + "[2J" + ESC + "[1;32mFAKE PASSED" + BEL
                + "\r\nContent-Length: 0\r\n\r\n"),
            status200(), Outcome.UNEXPECTED_STATUS, 599, "599 Nope ?[2J?[1;32mFAKE PASSED?"),
        Arguments.of("a reason phrase in UTF-8",
            utf8("HTTP/1.1 599 Café\r\nContent-Length: 0\r\n\r\n"),
            status200(), Outcome.UNEXPECTED_STATUS, 599, null),
        Arguments.of("no reason phrase",
            latin1("HTTP/1.1 200\r\nContent-Length: 2\r\n\r\nok"),
            status200(), Outcome.OK, 200, "200 OK"),
        Arguments.of("a control character in a header's value",
            latin1("HTTP/1.1 200 OK\r\nX-Odd: a" + BEL + "b\r\nContent-Length: 2\r\n\r\nok"),
            new Expectation(List.of(new StatusRange(200, 200)), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of("X-Odd"),
                Optional.empty()),
            Outcome.OK, 200, "200 OK"),
        Arguments.of("a 20 KB cookie",
            latin1("HTTP/1.1 200 OK\r\nSet-Cookie: s=" + "x".repeat(20_000)
                + "\r\nContent-Length: 2\r\n\r\nok"),
            status200(), Outcome.OK, 200, "200 OK"),
        Arguments.of("HTTP/1.0, the body ended by the close",
            latin1("HTTP/1.0 200 OK\r\n\r\nall the way to the tail"),
            contains("tail"), Outcome.OK, 200, "200 OK"),
        Arguments.of("a chunked body",
            latin1("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\n6\r\n tail!\r\n0\r\n\r\n"),
            contains("hello tail"), Outcome.OK, 200, "200 OK"),
        Arguments.of("a chunked body with a Content-Length too (the chunks count)",
            latin1("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\n0\r\n\r\n"),
            contains("hello"), Outcome.OK, 200, "200 OK"),
        Arguments.of("the same Content-Length twice",
            latin1("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\nok"),
            contains("ok"), Outcome.OK, 200, "200 OK"),
        Arguments.of("early hints, then the answer",
            latin1("HTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"),
            status200(), Outcome.OK, 200, "200 OK"),
        Arguments.of("early hints, then control characters in the answer's reason phrase",
            latin1("HTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\n"
                + "HTTP/1.1 599 Nope" + BEL + "\r\nContent-Length: 0\r\n\r\n"),
            status200(), Outcome.UNEXPECTED_STATUS, 599, "599 Nope?"),
        Arguments.of("101 Switching Protocols, which ends the exchange",
            latin1("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\n\r\n"),
            status200(), Outcome.UNEXPECTED_STATUS, 101, "101 Switching Protocols"),
        Arguments.of("a body shorter than its Content-Length",
            latin1("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly this"),
            contains("only"), Outcome.IO_ERROR, 0, null),
        Arguments.of("not HTTP at all",
            latin1("SSH-2.0-OpenSSH_9.6\r\n\r\n"),
            status200(), Outcome.IO_ERROR, 0, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("answers")
  void bothClientsReadTheAnswerAlike(String name, byte[] answer, Expectation expect,
      Outcome outcome, int status, String reason, boolean split) throws Exception {
    String url = server.answering(answer, split);
    TestSpecs spec = probe(url).expect(expect).timeout(Duration.ofSeconds(3));

    ProbeResult ok = okhttp(spec);
    ProbeSample lp = loop(spec);

    assertThat(ok.outcome()).as("OkHttp: %s", ok.reason()).isEqualTo(outcome);
    assertThat(lp.outcome()).as("loop: %s", lp.reason()).isEqualTo(outcome);
    assertThat(ok.status()).as("OkHttp's status").isEqualTo(status);
    assertThat(lp.status()).as("loop's status").isEqualTo(status);
    if (outcome != Outcome.IO_ERROR) {
      assertThat(lp.reason()).as("the loop's reason reads as OkHttp's").isEqualTo(ok.reason());
    }
    if (reason != null) {
      assertThat(ok.reason()).isEqualTo(reason);
    }
  }

  /**
   * A server closes a kept-alive connection just as the next request arrives (an idle timeout
   * meeting the next tick): OkHttp sends that request again on a new connection, and so must the
   * loop client, or a healthy server reads as failing.
   */
  @Test
  void aKeptConnectionClosedAsTheNextRequestArrivesIsNotAFailure() throws Exception {
    String url = server.answeringOnceAConnection(
        latin1("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));
    TestSpecs spec = probe(url).expect(status200()).timeout(Duration.ofSeconds(3));

    assertThat(okhttp(spec).outcome()).isEqualTo(Outcome.OK);
    assertThat(okhttp(spec).outcome()).as("OkHttp on the kept connection").isEqualTo(Outcome.OK);
    List<ProbeSample> samples = LoopSamples.answered(loop, spec.every(Duration.ofMillis(200)), 3);
    assertThat(samples).allSatisfy(s ->
        assertThat(s.outcome()).as(s.reason()).isEqualTo(Outcome.OK));
    assertThat(server.connections()).as("each request after the first met a closing connection")
        .isGreaterThanOrEqualTo(2 + 3);
  }

  private static ProbeResult okhttp(TestSpecs spec) {
    var http = spec.http();
    var built = spec.build();
    return new HttpProbe(built.name(), http, built.expect(),
        ProbeClients.forProbe(okhttp, built.name(), http), RunClock.SYSTEM,
        new ObjectMapper()).call();
  }

  private static ProbeSample loop(TestSpecs spec) throws InterruptedException {
    return LoopSamples.first(loop, spec);
  }

  private static Expectation status200() {
    return new Expectation(List.of(new StatusRange(200, 200)), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), List.of(), Optional.empty());
  }

  private static Expectation contains(String text) {
    return new Expectation(List.of(new StatusRange(200, 200)), Optional.empty(),
        Optional.of(text), Optional.empty(), Optional.empty(), List.of(), Optional.empty());
  }

  private static byte[] latin1(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A loopback server that reads each request's head and writes the current answer's bytes as
   * they are, then closes the connection.
   */
  private static final class RawServer implements AutoCloseable {
    private final ServerSocket socket =
        new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    private volatile byte[] answer = new byte[0];
    private volatile boolean split;
    /** Answer a connection's first request and keep it; close it when the next one comes. */
    private volatile boolean onceAConnection;
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor = Thread.ofPlatform().daemon().name("raw-server")
        .start(this::serve);

    RawServer() throws IOException {}

    String answeringOnceAConnection(byte[] bytes) {
      String url = answering(bytes, false);
      onceAConnection = true;
      connections.set(0);
      return url;
    }

    int connections() {
      return connections.get();
    }

    String answering(byte[] bytes, boolean inPieces) {
      onceAConnection = false;
      answer = bytes;
      split = inPieces;
      return "http://127.0.0.1:" + socket.getLocalPort() + "/";
    }

    private void serve() {
      while (!socket.isClosed()) {
        try {
          Socket s = socket.accept();
          connections.incrementAndGet();
          byte[] bytes = answer;
          boolean pieces = split;
          if (onceAConnection) {
            Thread.ofVirtual().start(() -> answerOnce(s, bytes));
          } else {
            Thread.ofVirtual().start(() -> answer(s, bytes, pieces));
          }
        } catch (IOException e) {
          // The server socket closed: the end.
        }
      }
    }

    private static void answer(Socket s, byte[] bytes, boolean inPieces) {
      try (s) {
        s.setSoTimeout(5_000);
        s.setTcpNoDelay(true);
        readHead(s.getInputStream());
        OutputStream out = s.getOutputStream();
        // In pieces: the head's first 256 bytes 7 at a time, then the rest.
        for (int i = 0; i < bytes.length; ) {
          int piece = inPieces && i < 256 ? 7 : bytes.length - i;
          out.write(bytes, i, Math.min(piece, bytes.length - i));
          i += piece;
          out.flush();
          if (inPieces) {
            Thread.sleep(1);
          }
        }
        s.shutdownOutput();
        // Let the client read to the end (and close) before the socket goes.
        s.getInputStream().read(new byte[1]);
      } catch (IOException | InterruptedException e) {
        // A failed exchange is the client's to report.
      }
    }

    /** Answers the first request and closes the connection when the next one has come. */
    private static void answerOnce(Socket s, byte[] bytes) {
      try (s) {
        s.setSoTimeout(5_000);
        readHead(s.getInputStream());
        s.getOutputStream().write(bytes);
        s.getOutputStream().flush();
        readHead(s.getInputStream());
      } catch (IOException e) {
        // The client went first: nothing to close.
      }
    }

    private static void readHead(InputStream in) throws IOException {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      int b;
      while ((b = in.read()) != -1) {
        head.write(b);
        byte[] h = head.toByteArray();
        int n = h.length;
        if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r'
            && h[n - 1] == '\n') {
          return;
        }
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
      acceptor.interrupt();
    }
  }
}
