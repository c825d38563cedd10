package dev.gameday.runner.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gameday.core.event.TimelineEvent;
import dev.gameday.core.journal.JournalEntry;
import dev.gameday.core.journal.JournalReader;
import dev.gameday.core.testing.RecordingWebhook;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * A real run against the sandbox that notifies three receivers named with {@code --notify}: a
 * signed webhook and Slack that answer, and a Teams webhook that hangs for the whole run. The
 * run is not held up by the dead one (it reverts and restores while that delivery hangs, and
 * ends within the notify wait), the others get the started and finished notices with a valid
 * signature and the run's figures, and no URL or secret reaches the run directory or the output.
 */
class NotificationsEndToEndTest extends WithSandbox {
  static final String SECRET = "e2e-signing-secret-5b7c9d";

  @Test
  void aRunNotifiesItsReceiversAndADeadOneDelaysNothing() throws Exception {
    try (var hook = new RecordingWebhook(); var slack = new RecordingWebhook();
        var teams = new RecordingWebhook().hanging()) {
      Path runs = tmp.resolve("notify-runs");
      Path log = tmp.resolve("notify.log");
      Map<String, String> env = new HashMap<>(GamedayProcess.env(sandbox, runs));
      env.put("E2E_HOOK_URL", hook.url("/gameday/hook-token-31337").toString());
      env.put("E2E_HOOK_SECRET", SECRET);
      env.put("E2E_SLACK_URL", slack.url("/services/T0/B0/slack-token-4242").toString());
      env.put("E2E_TEAMS_URL", teams.url("/workflows/teams-token-2718").toString());
      long start = System.nanoTime();
      int exit = GamedayProcess.run(env, log, Duration.ofMinutes(3), "run",
          "experiments/sandbox/vm-poweroff.yaml", "--runs-dir", runs.toString(),
          "--notify", "webhook=E2E_HOOK_URL:E2E_HOOK_SECRET", "--notify", "slack=E2E_SLACK_URL",
          "--notify", "teams=E2E_TEAMS_URL", "--notify-wait", "PT2S");
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      String output = Files.readString(log);

      assertThat(exit).as(output).isIn(0, 1);
      assertSandboxAsItWas();
      Path dir;
      try (Stream<Path> dirs = Files.list(runs)) {
        dir = dirs.filter(Files::isDirectory).findFirst().orElseThrow();
      }
      List<TimelineEvent> events = new JournalReader().readAll(dir.resolve("journal.jsonl"))
          .stream().map(JournalEntry::event).toList();
      // Teams got the started notice and held it for the whole run: everything after it (the
      // fault, its revert, the platform's restore) happened while that delivery hung.
      var hung = teams.await(1, Duration.ofSeconds(10)).getFirst();
      var revert = events.stream().filter(TimelineEvent.RevertRequested.class::isInstance)
          .findFirst().orElseThrow();
      var restored = events.stream().filter(TimelineEvent.PlatformRestored.class::isInstance)
          .findFirst().orElseThrow();
      assertThat(hung.at()).as("the dead receiver was hanging before the revert")
          .isBefore(revert.at().utc());
      assertThat(restored.at().utc()).isAfter(revert.at().utc());
      assertThat(teams.received()).as("retried on timeouts, never past the started notice")
          .allSatisfy(r -> assertThat(r.body()).contains("Game day started"));
      assertThat(took).as("the run waited for the dead receiver no longer than --notify-wait")
          .isLessThan(Duration.ofSeconds(90));
      assertThat(output).contains("gameday: notification: teams#3");

      List<RecordingWebhook.Received> signed = hook.await(2, Duration.ofSeconds(10));
      JsonNode first = new ObjectMapper().readTree(signed.get(0).body());
      JsonNode last = new ObjectMapper().readTree(signed.getLast().body());
      assertThat(first.path("type").asText()).isEqualTo("dev.gameday.run.started");
      assertThat(last.path("type").asText()).isEqualTo("dev.gameday.run.finished");
      assertThat(last.path("data").path("exitCode").asInt()).isEqualTo(exit);
      assertThat(last.path("data").path("figures").toString()).contains("platform recovery",
          "application recovery gap");
      assertThat(last.path("data").path("report").asText()).endsWith("report.html");
      for (RecordingWebhook.Received r : signed) {
        assertThat(r.header("X-Gameday-Signature")).isEqualTo("sha256="
            + hmac(r.header("X-Gameday-Timestamp") + "." + r.body()));
      }
      assertThat(slack.await(2, Duration.ofSeconds(10)).getLast().body())
          .contains("Game day finished");

      List<Path> scanned = new java.util.ArrayList<>(List.of(log));
      try (Stream<Path> files = Files.walk(runs)) {
        files.filter(Files::isRegularFile).forEach(scanned::add);
      }
      for (Path f : scanned) {
        String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
        for (String secret : List.of("hook-token-31337", "slack-token-4242", "teams-token-2718",
            SECRET)) {
          assertThat(text).as(f + " holds a secret").doesNotContain(secret);
        }
      }
    }
  }

  static String hmac(String content) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
  }
}
