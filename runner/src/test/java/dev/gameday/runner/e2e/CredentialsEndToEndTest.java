package dev.gameday.runner.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.gameday.core.event.TimelineEvent;
import dev.gameday.core.journal.JournalEntry;
import dev.gameday.core.journal.JournalReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Credentials that outlive the run. The sandbox acts as Entra ID (its token endpoint issues
 * access tokens that live {@link #ACCESS_LIFE} and ARM refuses them afterwards; it refuses an
 * expired federated assertion as Entra does), and a stand-in for GitHub's OIDC endpoint serves
 * federated tokens that live {@link #OIDC_LIFE}. A run several times longer than either still
 * reverts, because the GitHub Actions credential fetches a fresh OIDC token whenever Entra ID
 * needs an assertion. And a credential that does not renew itself is refused before anything
 * happens when its token would expire before the run's reverts are done.
 */
class CredentialsEndToEndTest extends WithSandbox {
  static final Duration ACCESS_LIFE = Duration.ofSeconds(3);
  static final Duration OIDC_LIFE = Duration.ofSeconds(3);
  static final String REQUEST_TOKEN = "gh-request-token-5150";

  @Test
  void aRunLongerThanOneTokensLifeStillRevertsWithGitHubOidc() throws Exception {
    Set<String> served = ConcurrentHashMap.newKeySet();
    HttpServer oidc = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    oidc.createContext("/idtoken", exchange -> {
      String query = URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
      boolean ok = ("bearer " + REQUEST_TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))
          && query.contains("audience=api://AzureADTokenExchange") && query.contains("api-version=2.0");
      byte[] body = ok ? ("{\"count\":1,\"value\":\"" + jwt(served) + "\"}").getBytes(StandardCharsets.UTF_8)
          : new byte[0];
      exchange.sendResponseHeaders(ok ? 200 : 403, ok ? body.length : -1);
      try (var out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    oidc.start();
    var entra = sandbox.knobs().entra();
    int assertionsBefore = entra.assertionsAccepted();
    entra.tokenLifetime(ACCESS_LIFE);
    try {
      Path runs = tmp.resolve("oidc-runs");
      Path log = tmp.resolve("oidc.log");
      Map<String, String> env = new HashMap<>(GamedayProcess.env(sandbox, runs));
      env.put("ACTIONS_ID_TOKEN_REQUEST_URL", "http://127.0.0.1:" + oidc.getAddress().getPort()
          + "/idtoken?api-version=2.0");
      env.put("ACTIONS_ID_TOKEN_REQUEST_TOKEN", REQUEST_TOKEN);
      env.put("AZURE_CLIENT_ID", "11111111-2222-3333-4444-555555555555");
      env.put("AZURE_TENANT_ID", sandbox.tenantId());
      int exit = GamedayProcess.run(env, log, Duration.ofMinutes(3), "run",
          "experiments/sandbox/vm-poweroff.yaml", "--runs-dir", runs.toString());

      assertThat(exit).as(Files.readString(log)).isIn(0, 1);
      assertSandboxAsItWas();
      Path dir;
      try (Stream<Path> dirs = Files.list(runs)) {
        dir = dirs.filter(Files::isDirectory).findFirst().orElseThrow();
      }
      List<TimelineEvent> events = new JournalReader().readAll(dir.resolve("journal.jsonl"))
          .stream().map(JournalEntry::event).toList();
      Instant first = events.getFirst().at().utc();
      Instant last = events.getLast().at().utc();
      assertThat(Duration.between(first, last)).as("the run outlived several tokens")
          .isGreaterThan(OIDC_LIFE.plus(ACCESS_LIFE).plus(sandboxSkew()).multipliedBy(2));
      assertThat(events).filteredOn(TimelineEvent.ChangeRestored.class::isInstance).isNotEmpty();
      assertThat(events).filteredOn(TimelineEvent.RevertFailed.class::isInstance).isEmpty();
      assertThat(entra.assertionsAccepted() - assertionsBefore)
          .as("fresh federated tokens were exchanged during the run").isGreaterThanOrEqualTo(3);
      assertThat(served).hasSizeGreaterThanOrEqualTo(3);
    } finally {
      entra.tokenLifetime(Duration.ofSeconds(3599));
      oidc.stop(0);
    }
  }

  @Test
  void aCredentialThatDoesNotRenewIsRefusedWhenItWouldExpireBeforeTheReverts() throws Exception {
    Path runs = tmp.resolve("short-runs");
    Path log = tmp.resolve("short.log");
    // The sandbox's fixed token lasts an hour and is never renewed; two hours of revert
    // deadline do not fit.
    int exit = GamedayProcess.run(GamedayProcess.env(sandbox, runs), log, Duration.ofMinutes(1),
        "run", "experiments/sandbox/vm-poweroff.yaml", "--runs-dir", runs.toString(),
        "--revert-timeout", "PT2H");
    String output = Files.readString(log);
    assertThat(exit).as(output).isEqualTo(3);
    assertThat(output).contains("not started: the Azure credential (fixed sandbox token) does not"
        + " renew itself").contains("docs/ci.md");
    assertThat(runs).as("nothing was started").doesNotExist();
  }

  static Duration sandboxSkew() {
    return dev.gameday.sandbox.internal.arm.Entra.SKEW;
  }

  /** An unsigned JWT as GitHub's would read: audience, subject, a short life, a unique id. */
  static String jwt(Set<String> served) {
    long now = Instant.now().getEpochSecond();
    String id = UUID.randomUUID().toString();
    served.add(id);
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String claims = b64.encodeToString(("{\"aud\":\"api://AzureADTokenExchange\",\"iss\":"
        + "\"https://token.actions.githubusercontent.com\",\"sub\":\"repo:example/shop:ref:refs/heads/main\","
        + "\"iat\":" + now + ",\"nbf\":" + now + ",\"exp\":" + (now + OIDC_LIFE.toSeconds())
        + ",\"jti\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8));
    return header + "." + claims + ".";
  }
}
