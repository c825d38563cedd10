package dev.gameday.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gameday.core.model.Notification;
import dev.gameday.core.notify.Notice;
import dev.gameday.core.testing.RecordingWebhook;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * What each channel receives, read back by a local receiver: the Teams Workflows envelope with
 * an Adaptive Card, Slack's blocks within Slack's limits, and a CloudEvent whose signature the
 * receiver recomputes from the shared secret.
 */
class PayloadShapeTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String SECRET = "0123456789abcdef-shared";
  static final DeliveryPolicy FAST = new DeliveryPolicy(Duration.ofSeconds(5),
      Duration.ofMillis(20), Duration.ofSeconds(10), 16);

  static JsonNode deliver(RecordingWebhook hook, Notification.Channel channel, Notice notice)
      throws Exception {
    return JSON.readTree(receive(hook, channel, notice).body());
  }

  static RecordingWebhook.Received receive(RecordingWebhook hook, Notification.Channel channel,
      Notice notice) throws Exception {
    var n = new Notification(channel, hook.url("/hook"),
        channel == Notification.Channel.webhook ? Optional.of(SECRET) : Optional.empty(), Set.of());
    var notifier = WebhookNotifier.start(java.util.List.of(n), FAST, Clock.systemUTC());
    notifier.send(notice);
    RecordingWebhook.Received r = hook.await(1, Duration.ofSeconds(10)).getFirst();
    assertThat(notifier.finish(Duration.ofSeconds(5))).isEmpty();
    return r;
  }

  @Test
  void teamsGetsAnAdaptiveCardInsideAWorkflowsMessage() throws Exception {
    try (var hook = new RecordingWebhook()) {
      JsonNode body = deliver(hook, Notification.Channel.teams, Notices.finished());
      assertThat(body.path("type").asText()).isEqualTo("message");
      JsonNode attachment = body.path("attachments").get(0);
      assertThat(attachment.path("contentType").asText())
          .isEqualTo("application/vnd.microsoft.card.adaptive");
      JsonNode card = attachment.path("content");
      assertThat(card.path("type").asText()).isEqualTo("AdaptiveCard");
      assertThat(card.path("version").asText()).isEqualTo("1.4");
      assertThat(card.path("body").get(0).path("text").asText())
          .isEqualTo("Game day finished: OBJECTIVES_MISSED");
      assertThat(card.path("body").get(0).path("color").asText()).isEqualTo("Warning");
      JsonNode facts = card.path("body").get(2).path("facts");
      assertThat(facts.findValuesAsText("title")).contains("Verdict", "Owner", "Report",
          "web-power-off: application recovery gap");
      assertThat(facts.toString()).contains("OBJECTIVES_MISSED (exit 1)",
          "95.0 s (application, MISSED)", "report.html");
    }
  }

  @Test
  void teamsShowsTheAzCommandOfAFailedRevertInMonospace() throws Exception {
    try (var hook = new RecordingWebhook()) {
      JsonNode body = deliver(hook, Notification.Channel.teams, Notices.revertFailed());
      JsonNode blocks = body.path("attachments").get(0).path("content").path("body");
      JsonNode last = blocks.get(blocks.size() - 1);
      assertThat(last.path("fontType").asText()).isEqualTo("Monospace");
      assertThat(last.path("text").asText()).startsWith("az vm start --ids /subscriptions/");
      assertThat(blocks.get(0).path("color").asText()).isEqualTo("Attention");
    }
  }

  @Test
  void slackGetsBlocksEscapedAndWithinSlackLimits() throws Exception {
    try (var hook = new RecordingWebhook()) {
      JsonNode body = deliver(hook, Notification.Channel.slack, Notices.finished());
      assertThat(body.path("text").asText()).isEqualTo("Game day finished: OBJECTIVES_MISSED");
      JsonNode blocks = body.path("blocks");
      assertThat(blocks.get(0).path("type").asText()).isEqualTo("header");
      assertThat(blocks.get(0).path("text").path("type").asText()).isEqualTo("plain_text");
      assertThat(blocks.get(1).path("text").path("text").asText())
          .as("mrkdwn escapes & < >").contains("&lt;b&gt;&amp;&lt;/b&gt;");
      int fields = 0;
      for (JsonNode b : blocks) {
        if (b.has("fields")) {
          assertThat(b.path("fields").size()).isBetween(1, SlackBlocks.FIELDS_PER_SECTION);
          fields += b.path("fields").size();
        }
      }
      assertThat(fields).as("experiment, run, owner, verdict, 2 figures, report").isEqualTo(7);
    }
  }

  @Test
  void slackCutsAHeaderLongerThanSlackAllows() {
    String longTitle = "x".repeat(400);
    var text = new NoticeText(longTitle, NoticeText.Tone.NEUTRAL, "y", java.util.List.of(),
        Optional.empty());
    assertThat(SlackBlocks.body(text).path("blocks").get(0).path("text").path("text").asText())
        .hasSize(SlackBlocks.HEADER_MAX);
  }

  @Test
  void signedWebhookCarriesACloudEventWhoseSignatureTheReceiverCanRecompute() throws Exception {
    try (var hook = new RecordingWebhook()) {
      RecordingWebhook.Received r = receive(hook, Notification.Channel.webhook,
          Notices.revertFailed());
      String timestamp = r.header("X-Gameday-Timestamp");
      assertThat(Long.parseLong(timestamp))
          .isBetween(Instant.now().getEpochSecond() - 60, Instant.now().getEpochSecond());
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      String expected = "sha256=" + HexFormat.of().formatHex(
          mac.doFinal((timestamp + "." + r.body()).getBytes(StandardCharsets.UTF_8)));
      assertThat(r.header("X-Gameday-Signature")).isEqualTo(expected);

      JsonNode event = JSON.readTree(r.body());
      assertThat(event.path("specversion").asText()).isEqualTo("1.0");
      assertThat(event.path("type").asText()).isEqualTo("dev.gameday.run.revertFailed");
      assertThat(event.path("id").asText()).isEqualTo(r.header("X-Gameday-Delivery"));
      assertThat(event.path("source").asText()).isEqualTo("gameday/shop-web-vm-poweroff");
      assertThat(event.path("subject").asText()).isEqualTo(Notices.RUN.runId());
      assertThat(event.path("data").path("manualCommand").asText()).startsWith("az vm start");
      assertThat(event.path("data").path("run").path("owner").asText()).isEqualTo("shop-sre");
    }
  }

  @Test
  void aSignatureMadeWithAnotherSecretDoesNotMatch() {
    String body = "{\"a\":1}";
    assertThat(SignedEvent.sign(SECRET.getBytes(StandardCharsets.UTF_8), "1." + body))
        .isNotEqualTo(SignedEvent.sign("another-secret-of-16".getBytes(StandardCharsets.UTF_8),
            "1." + body))
        .hasSize(64);
  }
}
