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
  private final CiCredential.Choice choice;
  private final String scope;
  private final HttpPipeline pipeline;
  private final HttpClient http;
  private final boolean local;

  private AzureConnection(URI endpoint, AzureProfile profile, CiCredential.Choice choice,
      String scope, HttpClient http, boolean local) {
    this.endpoint = endpoint;
    this.profile = profile;
    this.credential = choice.credential();
    this.choice = choice;
    this.scope = scope;
    this.local = local;
    this.http = http;
    this.pipeline = new HttpPipelineBuilder()
        .httpClient(http)
        .policies(new UserAgentPolicy("gameday"), new RequestIdPolicy(),
            new BearerTokenAuthenticationPolicy(choice.credential(), scope),
            new RequestLoggingPolicy())
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
      case AZURE_PUBLIC -> cloud(AzureEnvironment.AZURE, tenant, subscription, httpTimeout, env);
      case AZURE_CHINA -> cloud(AzureEnvironment.AZURE_CHINA, tenant, subscription, httpTimeout, env);
      case AZURE_US_GOVERNMENT ->
          cloud(AzureEnvironment.AZURE_US_GOVERNMENT, tenant, subscription, httpTimeout, env);
      case CUSTOM -> {
        URI ep = settings.endpoint().orElseThrow(() -> new IllegalArgumentException(
            "cloud Custom needs azure.endpoint (the ARM URL to call)"));
        HttpClient http = customHttp(settings.caFile(), httpTimeout);
        // The sandbox is also Entra ID's stand-in: a CI credential's environment makes it the
        // authority, so the refreshing credentials can be exercised against it.
        Optional<CiCredential.Choice> ci = CiCredential.fromEnvironment(env, tenant,
            ep.toString(), http, false);
        CiCredential.Choice cred = ci.orElseGet(() -> isLoopback(ep)
            ? new CiCredential.Choice(new FixedTokenCredential(Optional.ofNullable(
                env.apply(SANDBOX_TOKEN_ENV)).filter(s -> !s.isBlank()).orElse("sandbox")),
                "fixed sandbox token", false)
            : defaultCredential(tenant, null, env));
        yield custom(ep, tenant, subscription, cred, http);
      }
    };
  }

  /**
   * {@code DefaultAzureCredential}. It renews itself with a secret, a certificate, a managed
   * identity or AKS's rotated token file, and the az CLI renews a user's login; but in a CI job
   * (GitHub Actions, Azure Pipelines) without the OIDC environment it is the az CLI after a
   * federated login, whose token is not renewed once the federated token expired.
   */
  static CiCredential.Choice defaultCredential(String tenant, String authorityHost,
      Function<String, String> env) {
    boolean renewable = java.util.stream.Stream.of("AZURE_CLIENT_SECRET",
            "AZURE_CLIENT_CERTIFICATE_PATH", "AZURE_FEDERATED_TOKEN_FILE", "IDENTITY_ENDPOINT",
            "MSI_ENDPOINT").anyMatch(v -> env.apply(v) != null && !env.apply(v).isBlank());
    boolean ci = "true".equalsIgnoreCase(env.apply("GITHUB_ACTIONS")) || env.apply("TF_BUILD") != null;
    DefaultAzureCredentialBuilder b = new DefaultAzureCredentialBuilder();
    if (authorityHost != null) {
      b.authorityHost(authorityHost);
    }
    if (tenant != null && !tenant.isBlank()) {
      b.tenantId(tenant);
    }
    return renewable || !ci
        ? new CiCredential.Choice(b.build(), "DefaultAzureCredential", true)
        : new CiCredential.Choice(b.build(), "DefaultAzureCredential in CI without an OIDC"
            + " environment: the az CLI after a federated login", false);
  }

  private static AzureConnection cloud(AzureEnvironment env, String tenant, String subscription,
      Duration timeout, Function<String, String> vars) {
    URI ep = URI.create(env.getResourceManagerEndpoint());
    HttpClient http = new JdkHttpClientBuilder().connectionTimeout(Duration.ofSeconds(10))
        .responseTimeout(timeout).build();
    CiCredential.Choice cred = CiCredential.fromEnvironment(vars, tenant,
        env.getActiveDirectoryEndpoint(), http, true)
        .orElseGet(() -> defaultCredential(tenant, env.getActiveDirectoryEndpoint(), vars));
    return new AzureConnection(ep, new AzureProfile(tenant, subscription, env), cred, scopeOf(ep),
        http, false);
  }

  /**
   * A connection to a custom ARM endpoint (the sandbox) with the given credential, trusting
   * {@code caFile} when present (else the JDK's default trust store).
   */
  public static AzureConnection custom(URI endpoint, Optional<Path> caFile, String tenant,
      String subscription, TokenCredential credential, Duration httpTimeout) {
    return custom(endpoint, tenant, subscription, new CiCredential.Choice(credential,
        credential.getClass().getSimpleName(), false), customHttp(caFile, httpTimeout));
  }

  private static HttpClient customHttp(Optional<Path> caFile, Duration httpTimeout) {
    java.net.http.HttpClient.Builder jdk = java.net.http.HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(10));
    caFile.ifPresent(f -> jdk.sslContext(PemTrust.sslContext(f)));
    return new JdkHttpClientBuilder(jdk).responseTimeout(httpTimeout).build();
  }

  private static AzureConnection custom(URI endpoint, String tenant, String subscription,
      CiCredential.Choice credential, HttpClient http) {
    Objects.requireNonNull(endpoint, "endpoint");
    String url = endpoint.toString().endsWith("/") ? endpoint.toString() : endpoint + "/";
    AzureEnvironment env = new AzureEnvironment(Map.of(
        "resourceManagerEndpointUrl", url,
        "managementEndpointUrl", url,
        "activeDirectoryEndpointUrl", url,
        "microsoftGraphResourceId", url));
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

  /**
   * How long the credential lasts: its kind, whether it renews itself, and when the token it
   * gives now expires (asked of the credential, so this contacts Entra ID).
   */
  public CredentialLifetime lifetime() {
    var token = credential.getTokenSync(new TokenRequestContext().addScopes(scope));
    return new CredentialLifetime(choice.kind(), choice.refreshes(),
        token.getExpiresAt().toInstant());
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
