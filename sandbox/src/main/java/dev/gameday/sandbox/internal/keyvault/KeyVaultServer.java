package dev.gameday.sandbox.internal.keyvault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * A local Azure Key Vault that holds EC P-256 keys and answers the keys data-plane operations
 * Gameday's evidence signer uses, shaped as Azure's REST spec
 * (specification/keyvault/data-plane/Microsoft.KeyVault/stable/7.5/keys.json):
 * <ul>
 *   <li>{@code GET /keys/{name}[/{version}]} — examples/GetKey-example.json (a JSON Web Key
 *       under {@code key}, with {@code attributes});
 *   <li>{@code POST /keys/{name}/{version}/sign} with {@code {"alg","value":<digest, base64url>}}
 *       → {@code {"kid","value":<signature, base64url>}} — examples/sign-example.json;
 *   <li>{@code POST /keys/{name}/{version}/verify} with {@code {"alg","digest","value"}} →
 *       {@code {"value":true|false}} — examples/verify-example.json.
 * </ul>
 * Like Key Vault, a request without a bearer token gets 401 with a challenge naming the
 * authority and {@code resource="https://vault.azure.net"}; any bearer token is then accepted.
 * Errors use Key Vault's {@code {"error":{"code","message"}}} shape.
 */
public final class KeyVaultServer implements AutoCloseable {
  private static final Set<String> API_VERSIONS = Set.of("7.5", "7.6");
  private static final Pattern KEY = Pattern.compile(
      "/keys/(?<name>[A-Za-z0-9-]{1,127})(/(?<version>[0-9a-f]{32}))?(/(?<op>sign|verify))?/?");

  private final HttpsServer server;
  private final ObjectMapper mapper;
  private final String baseUrl;
  private final String tenantId;
  private final VaultKeys keys;

  private KeyVaultServer(HttpsServer server, ObjectMapper mapper, String tenantId,
      VaultKeys keys) {
    this.server = server;
    this.mapper = mapper;
    this.tenantId = tenantId;
    this.keys = keys;
    this.baseUrl = "https://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Binds 127.0.0.1 on a free port and serves {@code keys}. */
  public static KeyVaultServer start(SSLContext tls, ExecutorService executor, ObjectMapper mapper,
      String tenantId, VaultKeys keys) throws IOException {
    HttpsServer https = HttpsServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    https.setHttpsConfigurator(new HttpsConfigurator(tls));
    https.setExecutor(executor);
    KeyVaultServer vault = new KeyVaultServer(https, mapper, tenantId, keys);
    https.createContext("/", vault::exchange);
    https.start();
    return vault;
  }

  /** The vault URL, with a trailing slash (what {@code vaultUrl} is in Azure's SDKs). */
  public URI vaultUrl() {
    return URI.create(baseUrl + "/");
  }

  private void exchange(HttpExchange exchange) throws IOException {
    try (exchange; InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readAllBytes();
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer authorization=\"" + baseUrl
            + "/" + tenantId + "\", resource=\"https://vault.azure.net\"");
        send(exchange, 401, error("Unauthorized", "AKV10000: Request is missing a Bearer or PoP"
            + " token."));
        return;
      }
      Answer answer = answer(exchange.getRequestMethod(), exchange.getRequestURI(), body);
      send(exchange, answer.status(), answer.body());
    }
  }

  private record Answer(int status, JsonNode body) {}

  private Answer answer(String method, URI uri, byte[] body) {
    String version = query(uri.getRawQuery(), "api-version");
    if (version == null || !API_VERSIONS.contains(version)) {
      return new Answer(400, error("BadParameter", "The specified version (" + version
          + ") is not recognized. Consider using one of " + API_VERSIONS + "."));
    }
    Matcher m = KEY.matcher(uri.getRawPath());
    if (!m.matches()) {
      return new Answer(404, error("NotFound", "No such operation: " + method + " "
          + uri.getRawPath() + " (not emulated by the Gameday sandbox)."));
    }
    VaultKeys.Key key = keys.find(m.group("name"), m.group("version"));
    if (key == null) {
      return new Answer(404, error("KeyNotFound", "A key with (name/id) " + m.group("name")
          + " was not found in this key vault."));
    }
    String op = m.group("op");
    try {
      if (op == null && method.equals("GET")) {
        return new Answer(200, key.bundle(mapper, baseUrl));
      }
      if (op != null && method.equals("POST") && m.group("version") != null) {
        JsonNode request = mapper.readTree(body);
        ObjectNode out = mapper.createObjectNode();
        if (op.equals("sign")) {
          out.put("kid", key.kid(baseUrl));
          out.put("value", key.sign(request.path("alg").asText(), request.path("value").asText()));
        } else {
          out.put("value", key.verify(request.path("alg").asText(),
              request.path("digest").asText(), request.path("value").asText()));
        }
        return new Answer(200, out);
      }
    } catch (IOException | IllegalArgumentException e) {
      return new Answer(400, error("BadParameter", e.getMessage()));
    }
    return new Answer(405, error("MethodNotAllowed", method + " is not allowed on "
        + uri.getRawPath()));
  }

  private ObjectNode error(String code, String message) {
    ObjectNode root = mapper.createObjectNode();
    root.putObject("error").put("code", code).put("message", message);
    return root;
  }

  private static String query(String raw, String name) {
    if (raw == null) {
      return null;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return pair.substring(eq + 1);
      }
    }
    return null;
  }

  private void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = mapper.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.getResponseHeaders().set("x-ms-keyvault-service-version", "1.9.0.0");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
