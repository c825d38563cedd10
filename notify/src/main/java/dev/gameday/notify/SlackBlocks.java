package dev.gameday.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gameday.core.notify.Notice;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.List;

/**
 * Slack through an incoming webhook: {@code text} (the notification's fallback) and Block Kit
 * blocks: a header, the sentence, the facts as section fields (ten at most, the next ones in
 * a further section), and a failed revert's command as a code block. Text is escaped the way
 * Slack's mrkdwn wants ({@code & < >}) and cut to Slack's limits (header 150, field 2000,
 * section 3000 characters).
 */
final class SlackBlocks implements Receiver {
  static final int HEADER_MAX = 150;
  static final int FIELD_MAX = 2000;
  static final int SECTION_MAX = 3000;
  static final int FIELDS_PER_SECTION = 10;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public HttpRequest.Builder request(URI url, Notice notice, String deliveryId, Instant sentAt) {
    return Receiver.json(url, body(NoticeText.of(notice)).toString());
  }

  static ObjectNode body(NoticeText text) {
    ObjectNode message = JSON.createObjectNode().put("text", cut(text.title(), SECTION_MAX));
    ArrayNode blocks = message.putArray("blocks");
    blocks.addObject().put("type", "header").putObject("text").put("type", "plain_text")
        .put("text", cut(text.title(), HEADER_MAX));
    section(blocks).putObject("text").put("type", "mrkdwn").put("text",
        cut(escape(text.text()), SECTION_MAX));
    List<NoticeText.Fact> facts = text.facts();
    for (int from = 0; from < facts.size(); from += FIELDS_PER_SECTION) {
      ArrayNode fields = section(blocks).putArray("fields");
      facts.subList(from, Math.min(facts.size(), from + FIELDS_PER_SECTION)).forEach(f ->
          fields.addObject().put("type", "mrkdwn").put("text",
              cut("*" + escape(f.label()) + "*\n" + escape(f.value()), FIELD_MAX)));
    }
    text.command().ifPresent(c -> section(blocks).putObject("text").put("type", "mrkdwn")
        .put("text", cut("```" + escape(c) + "```", SECTION_MAX)));
    return message;
  }

  private static ObjectNode section(ArrayNode blocks) {
    return blocks.addObject().put("type", "section");
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
