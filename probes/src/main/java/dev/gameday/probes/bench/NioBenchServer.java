package dev.gameday.probes.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/**
 * The cheapest HTTP/1.1 server the bench can have: one selector thread on 127.0.0.1, keep-alive,
 * a canned {@code 200 ok} for every request without a body (the probes' GETs). It spends far
 * less CPU per request than the JDK server, so on a small machine more of it is left for the
 * prober under test. Run as a main it prints {@code PORT <n>} and serves until stdin closes.
 */
public final class NioBenchServer {
  private static final byte[] RESPONSE = ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
      + "Content-Length: 3\r\n\r\nok\n").getBytes(StandardCharsets.US_ASCII);

  private NioBenchServer() {}

  /** A bench server in a JVM of its own: stopped by closing it (its stdin). */
  public record Child(Process process, int port) implements AutoCloseable {
    /** The CPU the server's process has used so far. */
    public long cpuNanos() {
      return process.toHandle().info().totalCpuDuration().map(java.time.Duration::toNanos)
          .orElse(0L);
    }

    @Override
    public void close() throws IOException, InterruptedException {
      process.getOutputStream().close();
      if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroy();
      }
    }
  }

  /**
   * Starts {@code main} (this server or {@link BenchServer}) in a JVM of its own from this JVM's
   * class path, and waits for the port it prints.
   */
  public static Child spawn(Class<?> main) throws IOException {
    // The JDK server keeps only 200 idle keep-alive connections by default; a thousand
    // targets need one each, or the server churns connections.
    Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
        "-Dsun.net.httpserver.maxIdleConnections=8192", "-cp",
        System.getProperty("java.class.path"), main.getName())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(
        child.getInputStream(), StandardCharsets.US_ASCII));
    String line = in.readLine();
    if (line == null || !line.startsWith("PORT ")) {
      child.destroyForcibly();
      throw new IOException("bench server did not start: " + line);
    }
    return new Child(child, Integer.parseInt(line.substring(5).trim()));
  }

  public static void main(String[] args) throws IOException {
    Selector selector = Selector.open();
    ServerSocketChannel server = ServerSocketChannel.open();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
    server.configureBlocking(false);
    server.register(selector, SelectionKey.OP_ACCEPT);
    Thread loop = Thread.ofPlatform().daemon().name("nio-bench-server").start(() -> serve(selector, server));
    System.out.println("PORT " + ((InetSocketAddress) server.getLocalAddress()).getPort());
    System.out.flush();
    while (System.in.read() != -1) {
      // serve until the parent closes our stdin
    }
    loop.interrupt();
    selector.close();
  }

  private static void serve(Selector selector, ServerSocketChannel server) {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        selector.select();
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
          SelectionKey key = keys.next();
          keys.remove();
          if (key.isAcceptable()) {
            SocketChannel c = server.accept();
            if (c != null) {
              c.configureBlocking(false);
              c.register(selector, SelectionKey.OP_READ, ByteBuffer.allocate(8192));
            }
          } else if (key.isReadable()) {
            read(key);
          }
        }
      }
    } catch (IOException | java.nio.channels.ClosedSelectorException e) {
      // the bench is over
    }
  }

  private static void read(SelectionKey key) {
    SocketChannel c = (SocketChannel) key.channel();
    ByteBuffer in = (ByteBuffer) key.attachment();
    try {
      if (c.read(in) < 0) {
        key.cancel();
        c.close();
        return;
      }
      in.flip();
      int requests = 0;
      int consumed = 0;
      for (int i = 3; i < in.limit(); i++) {
        if (in.get(i) == '\n' && in.get(i - 1) == '\r' && in.get(i - 2) == '\n' && in.get(i - 3) == '\r') {
          requests++;
          consumed = i + 1;
        }
      }
      in.position(consumed);
      in.compact();
      for (int r = 0; r < requests; r++) {
        ByteBuffer out = ByteBuffer.wrap(RESPONSE);
        while (out.hasRemaining()) {
          c.write(out);
        }
      }
    } catch (IOException e) {
      key.cancel();
      try {
        c.close();
      } catch (IOException ignored) {
        // already gone
      }
    }
  }
}
