package dev.gameday.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gameday.core.journal.JournalFormat;
import dev.gameday.core.notify.Notice;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A JSON webhook for anything that is not a chat: the notice as a CloudEvents 1.0 structured
 * event ({@code type} {@code dev.gameday.run.<event>}, {@code data} the notice's fields), signed
 * so the receiver can tell it came from a run that holds the shared secret and is fresh:
 * <pre>
 * X-Gameday-Timestamp: UNIX_SECONDS
 * X-Gameday-Signature: sha256=HEX(HMAC-SHA256(secret, UNIX_SECONDS + "." + body))
 * X-Gameday-Delivery:  the event id, the same for every retry of one notice
 * </pre>
 */
final class SignedEvent implements Receiver {
  static final String SIGNATURE = "X-Gameday-Signature";
  static final String TIMESTAMP = "X-Gameday-Timestamp";
  static final String DELIVERY = "X-Gameday-Delivery";
  static final String TYPE_PREFIX = "dev.gameday.run.";
  private static final ObjectMapper JSON = JournalFormat.mapper();

  private final byte[] secret;

  SignedEvent(String secret) {
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public HttpRequest.Builder request(URI url, Notice notice, String deliveryId, Instant sentAt) {
    String body = body(notice, deliveryId).toString();
    String timestamp = Long.toString(sentAt.getEpochSecond());
    return Receiver.json(url, body)
        .header(TIMESTAMP, timestamp)
        .header(DELIVERY, deliveryId)
        .header(SIGNATURE, "sha256=" + sign(secret, timestamp + "." + body));
  }

  static ObjectNode body(Notice notice, String deliveryId) {
    ObjectNode event = JSON.createObjectNode()
        .put("specversion", "1.0")
        .put("id", deliveryId)
        .put("source", "gameday/" + notice.run().experiment())
        .put("type", TYPE_PREFIX + notice.event().name())
        .put("subject", notice.run().runId())
        .put("time", notice.at().toString())
        .put("datacontenttype", "application/json");
    event.set("data", JSON.valueToTree(notice));
    return event;
  }

  /** Lower-case hex of HMAC-SHA256 over the UTF-8 bytes of {@code content}. */
  static String sign(byte[] key, String content) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
