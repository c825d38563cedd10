package dev.gameday.notify;

import dev.gameday.core.model.Notification;
import dev.gameday.core.notify.Notice;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;

/**
 * A receiver's payload: how one notice becomes one HTTP request to a channel. One per
 * {@link Notification.Channel}, so a new channel fails to compile until it has a payload.
 */
sealed interface Receiver permits TeamsCard, SlackBlocks, SignedEvent {

  /**
   * The request for a notice. {@code deliveryId} stays the same across the retries of one
   * notice, so a receiver can drop a duplicate; {@code sentAt} is the time of this attempt.
   */
  HttpRequest.Builder request(URI url, Notice notice, String deliveryId, Instant sentAt);

  static Receiver of(Notification n) {
    return switch (n.channel()) {
      case teams -> new TeamsCard();
      case slack -> new SlackBlocks();
      case webhook -> new SignedEvent(n.signingSecret().orElseThrow());
    };
  }

  static HttpRequest.Builder json(URI url, String body) {
    return HttpRequest.newBuilder(url).header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }
}
