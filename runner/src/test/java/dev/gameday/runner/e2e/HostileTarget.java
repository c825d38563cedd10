package dev.gameday.runner.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A probe target that attacks the operator: {@code /echo} answers status 599 whose reason phrase
 * repeats every request header and then clears and colours the terminal ({@code ESC[2J} ...
 * {@code FAKE PASSED}), with a JSON body that echoes the credentials; {@code /away} redirects to
 * another origin (a second port), which records the headers it receives. Raw sockets, because an
 * HTTP server library would refuse to send such a status line.
 */
final class HostileTarget implements AutoCloseable {
  static final String ATTACK = "\u001b[2J\u001b[1;32mFAKE PASSED\u0007";

  private final ServerSocket main;
  private final ServerSocket other;
  private final List<Map<String, String>> receivedByOther = new CopyOnWriteArrayList<>();

  HostileTarget() throws IOException {
    main = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    other = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().start(() -> serve(main, false));
    Thread.ofVirtual().start(() -> serve(other, true));
  }

  String url(String path) {
    return "http://127.0.0.1:" + main.getLocalPort() + path;
  }

  /** The headers of every request that reached the other origin. */
  List<Map<String, String>> receivedByOtherOrigin() {
    return List.copyOf(receivedByOther);
  }

  private void serve(ServerSocket socket, boolean isOther) {
    while (!socket.isClosed()) {
      try {
        Socket s = socket.accept();
        Thread.ofVirtual().start(() -> answer(s, isOther));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void answer(Socket s, boolean isOther) {
    try (s) {
      s.setSoTimeout(5000);
      BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
          StandardCharsets.ISO_8859_1));
      String requestLine = in.readLine();
      Map<String, String> headers = new LinkedHashMap<>();
      for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
        int colon = line.indexOf(':');
        headers.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
      }
      if (isOther) {
        receivedByOther.add(headers);
      }
      String path = requestLine == null ? "" : requestLine.split(" ")[1];
      String response;
      if (!isOther && path.startsWith("/away")) {
        response = "HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:" + other.getLocalPort()
            + "/collect\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
      } else {
        List<String> values = new ArrayList<>(headers.values());
        values.add(requestLine);
        String body = "{\"auth\":\"" + json(headers.getOrDefault("Authorization", ""))
            + "\",\"key\":\"" + json(headers.getOrDefault("X-Api-Key", "")) + "\",\"line\":\""
            + json(requestLine) + "\"}";
        response = "HTTP/1.1 599 " + String.join(" ", values) + " " + ATTACK + "\r\n"
            + "Content-Type: application/json\r\nContent-Length: "
            + body.getBytes(StandardCharsets.ISO_8859_1).length + "\r\nConnection: close\r\n\r\n"
            + body;
      }
      OutputStream out = s.getOutputStream();
      out.write(response.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
    } catch (IOException | RuntimeException e) {
      // a probe that gave up: nothing to answer
    }
  }

  private static String json(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  @Override
  public void close() throws IOException {
    main.close();
    other.close();
  }
}
