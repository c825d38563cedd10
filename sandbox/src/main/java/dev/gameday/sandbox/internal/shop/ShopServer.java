package dev.gameday.sandbox.internal.shop;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;

/** Plain-HTTP listener on 127.0.0.1 for one shop endpoint. */
public final class ShopServer implements AutoCloseable {

  /** Answers a request: method and path to a reply (the caller takes the world's lock). */
  @FunctionalInterface
  public interface Handler {
    Reply handle(String method, String path);
  }

  private final HttpServer server;

  private ShopServer(HttpServer server) {
    this.server = server;
  }

  public static ShopServer start(int port, ExecutorService executor, Handler handler) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    server.setExecutor(executor);
    server.createContext("/", exchange -> handle(exchange, handler));
    server.start();
    return new ShopServer(server);
  }

  private static void handle(HttpExchange exchange, Handler handler) throws IOException {
    try (exchange; InputStream in = exchange.getRequestBody()) {
      in.readAllBytes();
      Reply reply = handler.handle(exchange.getRequestMethod(), exchange.getRequestURI().getPath());
      byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", reply.contentType());
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
      boolean head = exchange.getRequestMethod().equalsIgnoreCase("HEAD");
      exchange.sendResponseHeaders(reply.status(), head ? -1 : body.length == 0 ? -1 : body.length);
      if (!head && body.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
