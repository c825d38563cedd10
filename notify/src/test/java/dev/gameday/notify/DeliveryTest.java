package dev.gameday.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.gameday.core.model.Notification;
import dev.gameday.core.port.Notifier;
import dev.gameday.core.testing.RecordingWebhook;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * How notices travel: retried until they arrive or their deadline passes, final on a refusal,
 * and never holding up the caller, even when a receiver hangs.
 */
class DeliveryTest {
  static final DeliveryPolicy FAST = new DeliveryPolicy(Duration.ofSeconds(2),
      Duration.ofMillis(20), Duration.ofSeconds(5), 16);

  static Notification slack(RecordingWebhook hook) {
    return new Notification(Notification.Channel.slack, hook.url("/services/T000/B000/XXXX"),
        Optional.empty(), Set.of());
  }

  @Test
  void aNoticeIsRetriedAfterServerErrorsUntilItArrives() throws Exception {
    try (var hook = new RecordingWebhook().answering(503, 500, 200)) {
      Notifier n = WebhookNotifier.start(List.of(slack(hook)), FAST, Clock.systemUTC());
      n.send(Notices.started());
      assertThat(hook.await(3, Duration.ofSeconds(10))).extracting(RecordingWebhook.Received::body)
          .as("the same payload each time").containsOnly(hook.received().getFirst().body());
      assertThat(n.finish(Duration.ofSeconds(5))).isEmpty();
    }
  }

  @Test
  void aSignedRetryKeepsItsDeliveryIdSoTheReceiverCanDropDuplicates() throws Exception {
    try (var hook = new RecordingWebhook().answering(502, 200)) {
      Notifier n = WebhookNotifier.start(List.of(new Notification(Notification.Channel.webhook,
          hook.url("/hook"), Optional.of("0123456789abcdef-shared"), Set.of())), FAST,
          Clock.systemUTC());
      n.send(Notices.started());
      List<RecordingWebhook.Received> got = hook.await(2, Duration.ofSeconds(10));
      assertThat(got.get(1).header("X-Gameday-Delivery"))
          .isEqualTo(got.get(0).header("X-Gameday-Delivery"));
      assertThat(n.finish(Duration.ofSeconds(5))).isEmpty();
    }
  }

  @Test
  void aRefusedNoticeIsNotRetriedAndTheFailureNamesTheChannelNotTheUrl() throws Exception {
    try (var hook = new RecordingWebhook().answering(404)) {
      Notifier n = WebhookNotifier.start(List.of(slack(hook)), FAST, Clock.systemUTC());
      n.send(Notices.started());
      hook.await(1, Duration.ofSeconds(10));
      List<String> failures = n.finish(Duration.ofSeconds(5));
      assertThat(hook.received()).hasSize(1);
      assertThat(failures).singleElement().asString()
          .contains("slack#1", "started", "HTTP 404", "not retried")
          .doesNotContain("127.0.0.1").doesNotContain("XXXX");
    }
  }

  @Test
  void aReceiverThatKeepsFailingIsGivenUpAtTheDeadline() throws Exception {
    var policy = new DeliveryPolicy(Duration.ofSeconds(1), Duration.ofMillis(100),
        Duration.ofMillis(700), 16);
    try (var hook = new RecordingWebhook().answering(503)) {
      Notifier n = WebhookNotifier.start(List.of(slack(hook)), policy, Clock.systemUTC());
      long start = System.nanoTime();
      n.send(Notices.started());
      List<String> failures = n.finish(Duration.ofSeconds(10));
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertThat(failures).singleElement().asString().contains("gave up", "HTTP 503");
      assertThat(hook.received().size()).as("100, 200, 400 ms backoffs fit in 700 ms")
          .isBetween(2, 4);
      assertThat(took).as("the deadline bounds the retries").isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void aHangingReceiverNeverHoldsUpTheCallerNorTheOtherReceivers() throws Exception {
    try (var dead = new RecordingWebhook().hanging(); var alive = new RecordingWebhook()) {
      Notifier n = WebhookNotifier.start(List.of(
          new Notification(Notification.Channel.teams, dead.url("/workflows"), Optional.empty(),
              Set.of()), slack(alive)), FAST, Clock.systemUTC());
      n.send(Notices.started());
      dead.await(1, Duration.ofSeconds(10));
      // The teams worker is now stuck inside a request: sending more must still return at once
      // (if send() waited for delivery, this would run into the preemptive timeout).
      assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
        for (int i = 0; i < 1000; i++) {
          n.send(Notices.started());
        }
      });
      assertThat(alive.await(1, Duration.ofSeconds(10))).isNotEmpty();
      long start = System.nanoTime();
      List<String> failures = n.finish(Duration.ofMillis(300));
      assertThat(Duration.ofNanos(System.nanoTime() - start)).as("finish is bounded")
          .isLessThan(Duration.ofSeconds(4));
      assertThat(String.join("\n", failures)).contains("teams#1", "dropped, the queue was full");
    }
  }

  @Test
  void aReceiverGetsOnlyTheEventsItAskedFor() throws Exception {
    try (var hook = new RecordingWebhook()) {
      Notifier n = WebhookNotifier.start(List.of(new Notification(Notification.Channel.slack,
          hook.url("/s"), Optional.empty(), Set.of(Notification.Event.finished))), FAST,
          Clock.systemUTC());
      n.send(Notices.started());
      n.send(Notices.finished());
      assertThat(n.finish(Duration.ofSeconds(5))).isEmpty();
      assertThat(hook.received()).singleElement().extracting(RecordingWebhook.Received::body)
          .asString().contains("Game day finished");
    }
  }
}
