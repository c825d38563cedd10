package dev.gameday.sandbox;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.resourcemanager.AzureResourceManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.function.BooleanSupplier;
import reactor.core.publisher.Mono;

/** Clients pointed at a sandbox the way Gameday points them at Azure: TLS trusting only the sandbox CA. */
final class SandboxClients {

  static final ObjectMapper JSON = new ObjectMapper();

  final Sandbox sandbox;
  final String sub;
  final java.net.http.HttpClient raw;
  final java.net.http.HttpClient shop;

  SandboxClients(Sandbox sandbox) {
    this.sandbox = sandbox;
    this.sub = sandbox.subscriptionId();
    // The connect time-out covers the TLS handshake, which took more than 2 s with five builds
    // on two cores (ArmContractTest, HTTP connect timed out); no test measures it.
    this.raw = java.net.http.HttpClient.newBuilder().sslContext(sandbox.sslContext())
        .connectTimeout(Duration.ofSeconds(10)).build();
    this.shop = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  }

  static Sandbox start(double speed) throws IOException {
    return Sandbox.start(SandboxConfig.defaults().withSpeed(speed));
  }

  static TokenCredential credential() {
    return request -> Mono.just(new AccessToken("sandbox-test-token", OffsetDateTime.now().plusHours(1)));
  }

  HttpClient azureHttpClient() {
    return new JdkHttpClientBuilder(java.net.http.HttpClient.newBuilder().sslContext(sandbox.sslContext())).build();
  }

  AzureResourceManager azure() {
    String arm = sandbox.armEndpoint().toString();
    AzureEnvironment env = new AzureEnvironment(Map.of("resourceManagerEndpointUrl", arm,
        "managementEndpointUrl", arm, "activeDirectoryEndpointUrl", arm, "microsoftGraphResourceId", arm));
    AzureProfile profile = new AzureProfile(sandbox.tenantId(), sub, env);
    return AzureResourceManager.configure().withHttpClient(azureHttpClient())
        .authenticate(credential(), profile).withDefaultSubscription();
  }

  HttpPipeline pipeline() {
    return new HttpPipelineBuilder().httpClient(azureHttpClient())
        .policies(new BearerTokenAuthenticationPolicy(credential(), sandbox.armEndpoint() + ".default")).build();
  }

  String url(String pathAndQuery) {
    return sandbox.armEndpoint().toString().replaceAll("/$", "") + pathAndQuery;
  }

  String rg(String rg) {
    return "/subscriptions/" + sub + "/resourceGroups/" + rg;
  }

  /** A raw ARM call with a bearer token (null body = no body). */
  HttpResponse<String> arm(String method, String pathAndQuery, String body) {
    return armWith(method, pathAndQuery, body, "Bearer test");
  }

  HttpResponse<String> armWith(String method, String pathAndQuery, String body, String authorization) {
    return send(method, pathAndQuery, body, authorization, null, null);
  }

  /** A raw ARM call with a bearer token and one more header (e.g. If-Match). */
  HttpResponse<String> armWithHeader(String method, String pathAndQuery, String body, String header, String value) {
    return send(method, pathAndQuery, body, "Bearer test", header, value);
  }

  private HttpResponse<String> send(String method, String pathAndQuery, String body, String authorization,
      String header, String value) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(pathAndQuery))).timeout(Duration.ofSeconds(5))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    if (header != null) {
      b.header(header, value);
    }
    try {
      return raw.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  JsonNode armJson(String method, String pathAndQuery, String body) {
    try {
      return JSON.readTree(arm(method, pathAndQuery, body).body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A GET on a shop URL; status -1 when the connection failed. */
  ShopResponse shopGet(String key, String path) {
    URI uri = sandbox.shopUrls().get(key).resolve(path);
    try {
      HttpResponse<String> r = shop.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
          HttpResponse.BodyHandlers.ofString());
      return new ShopResponse(r.statusCode(), r.headers().firstValue("X-Served-By").orElse(null), r.body());
    } catch (IOException e) {
      return new ShopResponse(-1, null, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  record ShopResponse(int status, String servedBy, String body) {
  }

  /** Polls until {@code condition} holds; fails after {@code timeout}. */
  static void await(Duration timeout, String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      sleep(10);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
