package dev.gameday.sandbox.internal.arm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.gameday.sandbox.SandboxFault;
import dev.gameday.sandbox.internal.Simulation;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ARM emulator's HTTPS listener on 127.0.0.1. Order of checks per call: admin knobs and
 * token endpoints (no token needed), bearer token (401), injected faults, route (404), api-version
 * (400), then the operation under the world's lock.
 */
public final class ArmServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ArmServer.class);

  private final HttpsServer server;
  private final ObjectMapper mapper;
  private final Supplier<Simulation> simulation;
  private final Faults faults;
  private final AdminApi admin;
  private final List<Route> routes = new ArrayList<>();
  private final CountDownLatch closing = new CountDownLatch(1);
  private final String baseUrl;

  private final Entra entra;

  private ArmServer(HttpsServer server, ObjectMapper mapper, Supplier<Simulation> simulation, Faults faults,
      Entra entra, Runnable reset) {
    this.server = server;
    this.mapper = mapper;
    this.simulation = simulation;
    this.entra = entra;
    this.faults = faults;
    this.admin = new AdminApi(faults, simulation, reset);
    this.baseUrl = "https://127.0.0.1:" + server.getAddress().getPort();
    routes.addAll(SubscriptionsApi.routes());
    routes.addAll(VirtualMachinesApi.routes());
    routes.addAll(ResourceHealthApi.routes());
    routes.addAll(AuthorizationApi.routes());
    routes.addAll(NetworkApi.routes());
    routes.addAll(SiteRecoveryApi.routes());
    routes.addAll(ResourceGraphApi.routes());
    routes.addAll(LongRunningOperations.routes());
  }

  /** Binds 127.0.0.1:{@code port} (0 = free port) and starts serving. */
  public static ArmServer start(int port, SSLContext tls, ExecutorService executor, ObjectMapper mapper,
      Supplier<Simulation> simulation, Faults faults, Entra entra, Runnable reset) throws IOException {
    HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
    https.setHttpsConfigurator(new HttpsConfigurator(tls));
    https.setExecutor(executor);
    ArmServer arm = new ArmServer(https, mapper, simulation, faults, entra, reset);
    https.createContext("/", arm::exchange);
    https.start();
    return arm;
  }

  public URI endpoint() {
    return URI.create(baseUrl + "/");
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void exchange(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    URI uri = exchange.getRequestURI();
    ArmRequest request = ArmRequest.of(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(),
        exchange.getRequestHeaders().getFirst("Authorization"), body, baseUrl, mapper,
        exchange.getRequestHeaders().getFirst("If-Match"));
    ArmResponse response;
    try {
      if (request.path().startsWith(AdminApi.PREFIX)) {
        response = admin.handle(request);
      } else if (TokenApi.handles(request.method(), request.path())) {
        response = TokenApi.handle(request, entra);
      } else if (hasBearerToken(request.authorization())
          && entra.expired(request.authorization().substring(7).strip())) {
        response = ArmResponse.error(401, "ExpiredAuthenticationToken", "The access token expiry"
                + " UTC time is earlier than current UTC time.")
            .header("WWW-Authenticate", "Bearer authorization_uri=\"" + baseUrl + "/"
                + simulation.get().world().tenantId() + "\", error=\"invalid_token\","
                + " error_description=\"The access token has expired.\"");
      } else if (!hasBearerToken(request.authorization())) {
        response = ArmResponse.error(401, "AuthenticationFailed", "Authentication failed. The 'Authorization' header "
                + "is missing or is not a bearer token.")
            .header("WWW-Authenticate", "Bearer authorization_uri=\"" + baseUrl + "/" + simulation.get().world()
                .tenantId() + "\", error=\"invalid_token\", error_description=\"The authentication failed because of "
                + "missing 'Authorization' header.\"");
      } else {
        Optional<SandboxFault> fault = faults.take(request.method(), request.path());
        if (fault.isPresent() && applyFault(exchange, fault.get())) {
          return;
        }
        response = fault.isPresent() ? faultResponse(fault.get()) : route(request);
      }
    } catch (ArmException e) {
      response = ArmResponse.error(e.status(), e.code(), e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("sandbox ARM failed on {} {}", request.method(), request.path(), e);
      response = ArmResponse.error(500, "InternalServerError", "The sandbox failed: " + e);
    }
    write(exchange, request, response);
  }

  private static boolean hasBearerToken(String authorization) {
    return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
        && !authorization.substring(7).isBlank();
  }

  /** Hang and reset end the exchange without an answer; returns true when it did. */
  private boolean applyFault(HttpExchange exchange, SandboxFault fault) {
    switch (fault.mode()) {
      case HANG -> {
        try {
          closing.await(fault.hangSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        exchange.close();
        return true;
      }
      case RESET -> {
        exchange.close();
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  private static ArmResponse faultResponse(SandboxFault fault) {
    if (fault.mode() == SandboxFault.Mode.THROTTLE) {
      return ArmResponse.error(429, "TooManyRequests", "The request is being throttled as the limit has been reached "
              + "for operation type - Read_ObservationWindow_00:05:00. (injected by the sandbox)")
          .header("Retry-After", Integer.toString(fault.retryAfterSeconds()));
    }
    return ArmResponse.error(500, "InternalServerError", "Encountered internal server error. (injected by the sandbox)");
  }

  private ArmResponse route(ArmRequest request) {
    boolean pathKnown = false;
    for (Route route : routes) {
      Matcher m = route.pattern().matcher(request.path());
      if (!m.matches()) {
        continue;
      }
      pathKnown = true;
      if (!route.method().equals(request.method())) {
        continue;
      }
      route.versions().check(request.apiVersion(), null);
      Simulation sim = simulation.get();
      synchronized (sim.world()) {
        return route.handler().handle(new ArmCall(request, m, sim));
      }
    }
    if (pathKnown) {
      return ArmResponse.error(405, "MethodNotAllowed", "The requested method " + request.method()
          + " is not allowed on " + request.path() + ".");
    }
    LOG.warn("sandbox ARM has no route for {} {}", request.method(), request.path());
    return ArmResponse.error(404, "InvalidResourceType", "The resource type or operation could not be found: "
        + request.method() + " " + request.path() + " (not emulated by the Gameday sandbox).");
  }

  private void write(HttpExchange exchange, ArmRequest request, ArmResponse response) throws IOException {
    try (exchange) {
      byte[] bytes = response.body() == null ? new byte[0] : mapper.writeValueAsBytes(response.body());
      var headers = exchange.getResponseHeaders();
      String requestId = UUID.randomUUID().toString();
      headers.set("x-ms-request-id", requestId);
      String correlation = exchange.getRequestHeaders().getFirst("x-ms-correlation-request-id");
      headers.set("x-ms-correlation-request-id", correlation != null ? correlation : requestId);
      headers.set("Cache-Control", "no-cache");
      if (request.method().equals("GET")) {
        headers.set("x-ms-ratelimit-remaining-subscription-reads", "249");
      } else {
        headers.set("x-ms-ratelimit-remaining-subscription-writes", "199");
      }
      if (bytes.length > 0) {
        headers.set("Content-Type", "application/json; charset=utf-8");
      }
      response.headers().forEach(headers::set);
      boolean noBody = bytes.length == 0 || request.method().equals("HEAD");
      exchange.sendResponseHeaders(response.status(), noBody ? -1 : bytes.length);
      if (!noBody) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }

  /** Stops listening, releases hung calls and closes every connection. */
  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
  }
}
