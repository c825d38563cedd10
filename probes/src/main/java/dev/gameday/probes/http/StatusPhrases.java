package dev.gameday.probes.http;

import dev.gameday.core.redact.TerminalText;
import java.util.Map;

/** Standard reason phrases, so a reason reads "503 Service Unavailable" whatever the server sent. */
final class StatusPhrases {
  private static final Map<Integer, String> PHRASES = Map.ofEntries(
      Map.entry(200, "OK"), Map.entry(201, "Created"), Map.entry(202, "Accepted"),
      Map.entry(204, "No Content"), Map.entry(301, "Moved Permanently"), Map.entry(302, "Found"),
      Map.entry(303, "See Other"), Map.entry(304, "Not Modified"),
      Map.entry(307, "Temporary Redirect"), Map.entry(308, "Permanent Redirect"),
      Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
      Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"),
      Map.entry(408, "Request Timeout"), Map.entry(409, "Conflict"),
      Map.entry(429, "Too Many Requests"), Map.entry(500, "Internal Server Error"),
      Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"),
      Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

  private StatusPhrases() {}

  /**
   * "503 Service Unavailable"; for an unknown code the server's own message, if any, stripped of
   * control characters (a reason phrase such as {@code ESC[2J...FAKE PASSED} must not reach a
   * terminal) and clipped.
   */
  static String describe(int code, String serverMessage) {
    String phrase = PHRASES.get(code);
    if (phrase == null) {
      phrase = serverMessage == null ? "" : ResponseJudge.clip(TerminalText.safe(serverMessage).strip());
    }
    return phrase.isEmpty() ? Integer.toString(code) : code + " " + phrase;
  }
}
