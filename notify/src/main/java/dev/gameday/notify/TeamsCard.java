package dev.gameday.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gameday.core.notify.Notice;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;

/**
 * Microsoft Teams through a Workflows webhook ("Post to a channel when a webhook request is
 * received"): a message whose one attachment is an Adaptive Card (1.4) with the title coloured
 * by tone, the sentence, a FactSet and, for a failed revert, the {@code az} command in monospace.
 * Workflows accept Adaptive Cards only, not the retired connectors' MessageCard.
 */
final class TeamsCard implements Receiver {
  static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public HttpRequest.Builder request(URI url, Notice notice, String deliveryId, Instant sentAt) {
    return Receiver.json(url, body(NoticeText.of(notice)).toString());
  }

  static ObjectNode body(NoticeText text) {
    ObjectNode message = JSON.createObjectNode().put("type", "message");
    ObjectNode attachment = message.putArray("attachments").addObject()
        .put("contentType", CONTENT_TYPE).putNull("contentUrl");
    ObjectNode card = attachment.putObject("content")
        .put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
        .put("type", "AdaptiveCard").put("version", "1.4");
    ArrayNode body = card.putArray("body");
    body.addObject().put("type", "TextBlock").put("size", "Large").put("weight", "Bolder")
        .put("wrap", true).put("color", color(text.tone())).put("text", text.title());
    body.addObject().put("type", "TextBlock").put("wrap", true).put("text", text.text());
    ArrayNode facts = body.addObject().put("type", "FactSet").putArray("facts");
    text.facts().forEach(f -> facts.addObject().put("title", f.label()).put("value", f.value()));
    text.command().ifPresent(c -> body.addObject().put("type", "TextBlock").put("wrap", true)
        .put("fontType", "Monospace").put("text", c));
    return message;
  }

  private static String color(NoticeText.Tone tone) {
    return switch (tone) {
      case GOOD -> "Good";
      case WARNING -> "Warning";
      case ATTENTION -> "Attention";
      case NEUTRAL -> "Default";
    };
  }
}
