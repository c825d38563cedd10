package dev.gameday.azure.connection;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.identity.AzurePipelinesCredentialBuilder;
import com.azure.identity.ClientAssertionCredentialBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * The credentials of CI systems whose federated tokens are short-lived, chosen before
 * {@code DefaultAzureCredential} when their environment is present, so a run can outlive one
 * token:
 * <ul>
 *   <li><b>GitHub Actions</b> ({@code ACTIONS_ID_TOKEN_REQUEST_URL} and {@code _TOKEN}, i.e. a job
 *       with {@code permissions: id-token: write}, plus {@code AZURE_CLIENT_ID} and
 *       {@code AZURE_TENANT_ID}): azure-identity's {@code ClientAssertionCredential}, whose
 *       assertion is a fresh GitHub OIDC token (audience {@code api://AzureADTokenExchange})
 *       fetched each time Entra ID needs one.
 *   <li><b>Azure Pipelines</b> ({@code SYSTEM_OIDCREQUESTURI}, {@code SYSTEM_ACCESSTOKEN} and
 *       the {@code AZURESUBSCRIPTION_*} variables of a workload-identity service connection):
 *       azure-identity's {@code AzurePipelinesCredential}, which asks the pipeline for a fresh
 *       OIDC token the same way.
 * </ul>
 * Note that {@code azure/login} does not give Gameday a token: it logs in the az CLI, whose token
 * is not renewed once GitHub's OIDC token has expired.
 */
public final class CiCredential {
  /** The audience Entra ID expects on a federated token. */
  public static final String AUDIENCE = "api://AzureADTokenExchange";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A chosen credential: what it is, and whether it renews itself (it then never expires). */
  public record Choice(TokenCredential credential, String kind, boolean refreshes) {}

  private CiCredential() {}

  /**
   * The CI credential the environment names, if any.
   *
   * @param authorityHost Entra ID's host for the cloud (or a stand-in's)
   * @param http the client for Entra ID (its trust settings)
   * @param knownCloud false for a custom authority (the sandbox): MSAL then skips instance
   *     discovery, which would otherwise ask login.microsoftonline.com about that host
   */
  public static Optional<Choice> fromEnvironment(Function<String, String> env, String tenant,
      String authorityHost, HttpClient http, boolean knownCloud) {
    String requestUrl = env.apply("ACTIONS_ID_TOKEN_REQUEST_URL");
    String requestToken = env.apply("ACTIONS_ID_TOKEN_REQUEST_TOKEN");
    String clientId = env.apply("AZURE_CLIENT_ID");
    if (present(requestUrl) && present(requestToken) && present(clientId) && present(tenant)) {
      GitHubOidc oidc = new GitHubOidc(URI.create(requestUrl), requestToken);
      var b = new ClientAssertionCredentialBuilder()
          .clientId(clientId).tenantId(tenant).authorityHost(authorityHost).httpClient(http)
          .clientAssertion(oidc::token);
      if (!knownCloud) {
        b.disableInstanceDiscovery();
      }
      return Optional.of(new Choice(b.build(), "GitHub Actions OIDC (renewed per token)", true));
    }
    String pipelinesUri = env.apply("SYSTEM_OIDCREQUESTURI");
    String accessToken = env.apply("SYSTEM_ACCESSTOKEN");
    String connection = env.apply("AZURESUBSCRIPTION_SERVICE_CONNECTION_ID");
    String pipelineClient = env.apply("AZURESUBSCRIPTION_CLIENT_ID");
    String pipelineTenant = Optional.ofNullable(env.apply("AZURESUBSCRIPTION_TENANT_ID"))
        .orElse(tenant);
    if (present(pipelinesUri) && present(accessToken) && present(connection)
        && present(pipelineClient) && present(pipelineTenant)) {
      var b = new AzurePipelinesCredentialBuilder()
          .clientId(pipelineClient).tenantId(pipelineTenant).serviceConnectionId(connection)
          .systemAccessToken(accessToken).authorityHost(authorityHost).httpClient(http);
      if (!knownCloud) {
        b.disableInstanceDiscovery();
      }
      return Optional.of(new Choice(b.build(),
          "Azure Pipelines workload identity (renewed per token)", true));
    }
    return Optional.empty();
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }

  /**
   * GitHub's OIDC token endpoint: {@code GET $ACTIONS_ID_TOKEN_REQUEST_URL&audience=...} with
   * {@code Authorization: bearer $ACTIONS_ID_TOKEN_REQUEST_TOKEN} answers {@code {"value": JWT}}.
   * Each call fetches a new token (they live minutes).
   */
  static final class GitHubOidc {
    private final URI url;
    private final String bearer;
    private final java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(10)).build();

    GitHubOidc(URI requestUrl, String bearer) {
      String u = requestUrl.toString();
      this.url = URI.create(u + (u.contains("?") ? "&" : "?") + "audience="
          + URLEncoder.encode(AUDIENCE, StandardCharsets.UTF_8));
      this.bearer = bearer;
    }

    String token() {
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(url)
            .header("Authorization", "bearer " + bearer).header("Accept", "application/json")
            .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
          throw new IllegalStateException("GitHub's OIDC token endpoint answered HTTP "
              + r.statusCode() + " (does the job have permissions: id-token: write?)");
        }
        JsonNode value = JSON.readTree(r.body()).path("value");
        if (!value.isTextual() || value.asText().isBlank()) {
          throw new IllegalStateException("GitHub's OIDC token endpoint answered without a token");
        }
        return value.asText();
      } catch (IOException e) {
        throw new IllegalStateException("GitHub's OIDC token endpoint could not be reached: " + e, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while fetching a GitHub OIDC token", e);
      }
    }
  }
}
