package dev.gameday.runner.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gameday.core.event.TimelineEvent;
import dev.gameday.core.journal.JournalEntry;
import dev.gameday.core.journal.JournalReader;
import dev.gameday.core.testing.RecordingWebhook;
import dev.gameday.runner.integrations.PrometheusIntegrationTest;
import dev.gameday.runner.integrations.Promtool;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * One real run against the sandbox exercising what CI and fleets consume.
 *
 * <p>Metrics: a scrape taken mid-run (in the hold) and one taken after the run (while /metrics
 * lingers) both pass {@code promtool check metrics}; the final one carries the report's figures
 * labelled experiment, step and owner, the verdict and {@code gameday_run_info}, and every
 * series the shipped Grafana dashboard and recording rules query.
 *
 * <p>Notifications: the run notifies three receivers named with {@code --notify}: a
 * signed webhook and Slack that answer, and a Teams webhook that hangs for the whole run. The
 * run is not held up by the dead one (it reverts and restores while that delivery hangs, and
 * ends within the notify wait), the others get the started and finished notices with a valid
 * signature and the run's figures, and no URL or secret reaches the run directory or the output.
 */
class CiIntegrationsEndToEndTest extends WithSandbox {
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
      Process run = GamedayProcess.start(env, log, "run",
          "experiments/sandbox/vm-poweroff.yaml", "--runs-dir", runs.toString(),
          "--notify", "webhook=E2E_HOOK_URL:E2E_HOOK_SECRET", "--notify", "slack=E2E_SLACK_URL",
          "--notify", "teams=E2E_TEAMS_URL", "--notify-wait", "PT2S",
          "--metrics-port", "0", "--metrics-linger", "PT5S");
      awaitPhase(runs, "HOLD", run, log);
      URI metrics = metricsUrl(log);
      String midRun = scrape(metrics);
      assertThat(midRun).contains("gameday_probe_samples_total{experiment=\"sandbox-web-vm-poweroff\"");
      assertPromtoolAccepts(midRun);
      String afterRun = awaitScrapeWith(metrics, "gameday_run_info", run, log);
      assertPromtoolAccepts(afterRun);
      assertThat(afterRun).containsPattern("gameday_figure_seconds\\{experiment=\"sandbox-web-vm-poweroff\","
          + "figure=\"applicationGap\",owner=\"application\",step=\"web-power-off\"} [0-9.]+")
          .containsPattern("gameday_verdict\\{experiment=\"sandbox-web-vm-poweroff\",verdict=\"(PASSED|OBJECTIVES_MISSED)\"} 1.0")
          .contains("gameday_application_gap_over_objective_runs{experiment=\"sandbox-web-vm-poweroff\"}");
      for (String series : PrometheusIntegrationTest.seriesTheDashboardNeeds()) {
        assertThat(afterRun).as("the dashboard and rules query " + series).contains(series + "{");
      }
      if (!run.waitFor(2, TimeUnit.MINUTES)) {
        run.destroyForcibly();
        throw new AssertionError("the run did not end:\n" + Files.readString(log));
      }
      int exit = run.exitValue();
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
          .isLessThan(Duration.ofSeconds(120));
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

  static URI metricsUrl(Path log) throws Exception {
    Matcher m = Pattern.compile("metrics: (http://127\\.0\\.0\\.1:\\d+/metrics)")
        .matcher(Files.readString(log));
    assertThat(m.find()).as("the run prints where /metrics is:\n" + Files.readString(log)).isTrue();
    return URI.create(m.group(1));
  }

  static String scrape(URI url) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString()).body();
    }
  }

  /** Scrapes (bounded) until the text holds {@code needle}: the run's final gauges are in. */
  static String awaitScrapeWith(URI url, String needle, Process run, Path log) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (System.nanoTime() < deadline) {
      String text = scrape(url);
      if (text.contains(needle)) {
        return text;
      }
      if (!run.isAlive()) {
        throw new AssertionError("the run ended before /metrics showed " + needle + ":\n"
            + Files.readString(log));
      }
      Thread.sleep(200);
    }
    throw new AssertionError("/metrics never showed " + needle);
  }

  static void assertPromtoolAccepts(String scrape) throws Exception {
    if (!Promtool.installed()) {
      return;
    }
    Promtool.Result r = Promtool.run(tmp, scrape, "check", "metrics");
    assertThat(r.exit()).as(r.output()).isZero();
  }

  static String hmac(String content) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
  }
}
