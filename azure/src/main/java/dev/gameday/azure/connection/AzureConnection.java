package dev.gameday.azure.connection;

import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.azure.core.http.policy.RequestIdPolicy;
import com.azure.core.http.policy.UserAgentPolicy;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.identity.DefaultAzureCredentialBuilder;
import dev.gameday.core.model.AzureSettings;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything needed to talk to one Azure cloud as one identity: the ARM endpoint, the
 * {@link AzureEnvironment}/{@link AzureProfile}, the credential and the azure-core
 * {@link HttpPipeline} (JDK HTTP client, bearer token, request logging, no retry policy: retries
 * are {@link dev.gameday.azure.arm.ArmClient}'s). Build it with {@link #fromSettings}.
 */
public final class AzureConnection {
  /** Environment variable holding the fixed token for a local (sandbox) endpoint. */
  public static final String SANDBOX_TOKEN_ENV = "GAMEDAY_SANDBOX_TOKEN";

  private final URI endpoint;
  private final AzureProfile profile;
  private final TokenCredential credential;
  private final String scope;
  private final HttpPipeline pipeline;
  private final HttpClient http;
  private final boolean local;

  private AzureConnection(URI endpoint, AzureProfile profile, TokenCredential credential,
      String scope, HttpClient http, boolean local) {
    this.endpoint = endpoint;
    this.profile = profile;
    this.credential = credential;
    this.scope = scope;
    this.local = local;
    this.http = http;
    this.pipeline = new HttpPipelineBuilder()
        .httpClient(http)
        .policies(new UserAgentPolicy("gameday"), new RequestIdPolicy(),
            new BearerTokenAuthenticationPolicy(credential, scope), new RequestLoggingPolicy())
        .build();
  }

  /**
   * The connection for the experiment's settings. Public, China and US Government clouds use
   * {@code DefaultAzureCredential} (Azure CLI, managed identity, workload identity, service
   * principal from the environment) against that cloud's authority. A custom endpoint on the
   * loopback interface (the sandbox) uses a fixed token from {@value #SANDBOX_TOKEN_ENV}
   * (default {@code sandbox}) and trusts the given CA file; a custom endpoint elsewhere uses
   * {@code DefaultAzureCredential} with the scope {@code <endpoint>/.default}.
   *
   * @param env the process environment ({@code System::getenv} in production)
   */
  public static AzureConnection fromSettings(AzureSettings settings, Duration httpTimeout,
      Function<String, String> env) {
    String tenant = settings.tenant().filter(t -> !t.isBlank())
        .orElse(env.apply("AZURE_TENANT_ID"));
    String subscription = settings.subscription().isBlank()
        ? env.apply("AZURE_SUBSCRIPTION_ID") : settings.subscription();
    if (subscription == null || subscription.isBlank()) {
      throw new IllegalArgumentException("no subscription: set azure.subscription in the"
          + " experiment or the AZURE_SUBSCRIPTION_ID environment variable");
    }
    return switch (settings.cloud()) {
      case AZURE_PUBLIC -> cloud(AzureEnvironment.AZURE, tenant, subscription, httpTimeout);
      case AZURE_CHINA -> cloud(AzureEnvironment.AZURE_CHINA, tenant, subscription, httpTimeout);
      case AZURE_US_GOVERNMENT ->
          cloud(AzureEnvironment.AZURE_US_GOVERNMENT, tenant, subscription, httpTimeout);
      case CUSTOM -> {
        URI ep = settings.endpoint().orElseThrow(() -> new IllegalArgumentException(
            "cloud Custom needs azure.endpoint (the ARM URL to call)"));
        TokenCredential cred = isLoopback(ep)
            ? new FixedTokenCredential(Optional.ofNullable(env.apply(SANDBOX_TOKEN_ENV))
                .filter(s -> !s.isBlank()).orElse("sandbox"))
            : new DefaultAzureCredentialBuilder().tenantId(tenant).build();
        yield custom(ep, settings.caFile(), tenant, subscription, cred, httpTimeout);
      }
    };
  }

  private static AzureConnection cloud(AzureEnvironment env, String tenant, String subscription,
      Duration timeout) {
    DefaultAzureCredentialBuilder b = new DefaultAzureCredentialBuilder()
        .authorityHost(env.getActiveDirectoryEndpoint());
    if (tenant != null && !tenant.isBlank()) {
      b.tenantId(tenant);
    }
    URI ep = URI.create(env.getResourceManagerEndpoint());
    return new AzureConnection(ep, new AzureProfile(tenant, subscription, env), b.build(),
        scopeOf(ep), new JdkHttpClientBuilder().connectionTimeout(Duration.ofSeconds(10))
            .responseTimeout(timeout).build(), false);
  }

  /**
   * A connection to a custom ARM endpoint (the sandbox) with the given credential, trusting
   * {@code caFile} when present (else the JDK's default trust store).
   */
  public static AzureConnection custom(URI endpoint, Optional<Path> caFile, String tenant,
      String subscription, TokenCredential credential, Duration httpTimeout) {
    Objects.requireNonNull(endpoint, "endpoint");
    String url = endpoint.toString().endsWith("/") ? endpoint.toString() : endpoint + "/";
    AzureEnvironment env = new AzureEnvironment(Map.of(
        "resourceManagerEndpointUrl", url,
        "managementEndpointUrl", url,
        "activeDirectoryEndpointUrl", url,
        "microsoftGraphResourceId", url));
    java.net.http.HttpClient.Builder jdk = java.net.http.HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(10));
    caFile.ifPresent(f -> jdk.sslContext(PemTrust.sslContext(f)));
    HttpClient http = new JdkHttpClientBuilder(jdk).responseTimeout(httpTimeout).build();
    String t = tenant == null || tenant.isBlank() ? "00000000-0000-0000-0000-000000000000" : tenant;
    return new AzureConnection(URI.create(url), new AzureProfile(t, subscription, env),
        credential, scopeOf(URI.create(url)), http, isLoopback(endpoint));
  }

  private static String scopeOf(URI endpoint) {
    String s = endpoint.toString();
    return (s.endsWith("/") ? s : s + "/") + ".default";
  }

  static boolean isLoopback(URI endpoint) {
    try {
      return endpoint.getHost() != null && InetAddress.getByName(endpoint.getHost())
          .isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** The ARM endpoint, with a trailing slash. */
  public URI endpoint() {
    return endpoint;
  }

  public String subscription() {
    return profile.getSubscriptionId();
  }

  /** The profile, for building SDK clients ({@code AzureResourceManager.authenticate(pipeline(), profile())}). */
  public AzureProfile profile() {
    return profile;
  }

  public HttpPipeline pipeline() {
    return pipeline;
  }

  /** The credential, for other Azure clients of the same identity (Key Vault). */
  public TokenCredential credential() {
    return credential;
  }

  /** The HTTP client (timeouts, and the trusted CA of a custom endpoint), for other Azure clients. */
  public HttpClient httpClient() {
    return http;
  }

  /** True for a fixed-token local endpoint (the sandbox). */
  public boolean local() {
    return local;
  }

  /** Who the credential is: claims of its token (upn/appid, oid, tid), never the token. */
  public Map<String, String> operator() {
    try {
      String token = credential.getTokenSync(new TokenRequestContext().addScopes(scope))
          .getToken();
      return OperatorIdentity.fromToken(token);
    } catch (RuntimeException e) {
      return Map.of("name", "unknown", "error", e.getClass().getSimpleName());
    }
  }
}
