package dev.gameday.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.core.model.Notification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code notify:} as written, as refused, and as kept secret: URLs and signing secrets come
 * from the environment, are bound to the model, and never reach the experiment copy nor a
 * message.
 */
class NotifyLoadingTest {
  static final String TEAMS = "https://prod-00.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?sig=teams-sig-0042";
  static final String HOOK = "https://hooks.example.com/gameday?token=hook-token-0042";
  static final String SECRET = "signing-secret-0123456789";
  static final Map<String, String> ENV = Map.of("TEAMS_URL", TEAMS, "HOOK_URL", HOOK,
      "HOOK_SECRET", SECRET, "SHORT_SECRET", "too-short", "PLAIN_HTTP", "http://hooks.example.com/x");

  static String experiment(String notify) {
    return """
        apiVersion: gameday/v1
        kind: Experiment
        metadata: {name: notified}
        window: {timezone: UTC, start: "2026-03-03T02:00", end: "2026-03-03T04:00+00:00"}
        azure: {subscription: 00000000-0000-0000-0000-00000000da7a}
        steadyState:
          probes: [{name: home, http: {url: "https://example.com/"}}]
        faults:
          - {name: pause, pause: {}, hold: PT1M}
        notify:
        """ + notify;
  }

  static LoadResult load(String notify) {
    return new ExperimentLoader(ENV::get).load("n.yaml",
        experiment(notify).getBytes(StandardCharsets.UTF_8), Path.of("."));
  }

  static List<String> problems(String notify) {
    return ((LoadResult.Invalid) load(notify)).problems().stream().map(Problem::format).toList();
  }

  @Test
  void receiversFromTheEnvironmentAreBoundAndTheirUrlsAreSecrets() {
    var loaded = (LoadResult.Loaded) load("""
          - teams: "${env:TEAMS_URL}"
            events: [aborted, revertFailed]
          - webhook: "${env:HOOK_URL}"
            secret: "${env:HOOK_SECRET}"
        """);
    List<Notification> n = loaded.experiment().notifications();
    assertThat(n).hasSize(2);
    assertThat(n.get(0).channel()).isEqualTo(Notification.Channel.teams);
    assertThat(n.get(0).url().toString()).isEqualTo(TEAMS);
    assertThat(n.get(0).events()).containsExactlyInAnyOrder(Notification.Event.aborted,
        Notification.Event.revertFailed);
    assertThat(n.get(1).signingSecret()).contains(SECRET);
    assertThat(n.get(1).events()).hasSize(Notification.Event.values().length);
    for (String secret : List.of(TEAMS, HOOK, SECRET)) {
      assertThat(loaded.secrets().foundIn(secret)).as("scrubbed from every event").isTrue();
      assertThat(loaded.redactedYaml()).doesNotContain(secret);
      assertThat(n.toString()).doesNotContain(secret);
    }
  }

  @Test
  void aLiteralWebhookUrlIsRefusedBecauseItIsACredential() {
    assertThat(problems("  - slack: \"https://hooks.slack.com/services/T0/B0/literal-0042\"\n"))
        .singleElement().asString()
        .contains("notify[0].slack must come from the environment")
        .contains("${env:GAMEDAY_SLACK_URL}")
        .doesNotContain("literal-0042");
  }

  @Test
  void eachEntryNamesExactlyOneReceiver() {
    assertThat(problems("""
          - teams: "${env:TEAMS_URL}"
            slack: "${env:TEAMS_URL}"
        """)).singleElement().asString()
        .contains("notify[0] needs exactly one of teams, slack or webhook (found teams and slack)");
  }

  @Test
  void aWebhookNeedsALongEnoughSecretFromTheEnvironmentAndOnlyAWebhookHasOne() {
    assertThat(problems("  - webhook: \"${env:HOOK_URL}\"\n")).singleElement().asString()
        .contains("notify[0] is a signed webhook and needs secret");
    assertThat(problems("""
          - webhook: "${env:HOOK_URL}"
            secret: "${env:SHORT_SECRET}"
        """)).singleElement().asString().contains("is 9 characters long").doesNotContain("too-short");
    assertThat(problems("""
          - webhook: "${env:HOOK_URL}"
            secret: "a-literal-secret-in-the-file"
        """)).singleElement().asString().contains("notify[0].secret must come from the environment");
    assertThat(problems("""
          - teams: "${env:TEAMS_URL}"
            secret: "${env:HOOK_SECRET}"
        """)).singleElement().asString().contains("applies only to a signed webhook, not to teams");
  }

  @Test
  void plainHttpIsAllowedOnlyToThisHostAndUnknownEventsAreNamed() {
    assertThat(problems("  - slack: \"${env:PLAIN_HTTP}\"\n")).singleElement().asString()
        .contains("must use https://").doesNotContain("hooks.example.com");
    assertThat(problems("""
          - slack: "${env:TEAMS_URL}"
            events: [started, exploded]
        """)).singleElement().asString().contains("exploded");
  }

  @Test
  void aNotificationNeverPrintsItsUrl() {
    var n = new Notification(Notification.Channel.webhook, java.net.URI.create(HOOK),
        Optional.of(SECRET), Set.of());
    assertThat(n.toString()).contains("webhook", "https://***").doesNotContain("hook-token");
  }
}
