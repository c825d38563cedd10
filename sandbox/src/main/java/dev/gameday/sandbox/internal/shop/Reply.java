package dev.gameday.sandbox.internal.shop;

import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP answer of the shop. */
public record Reply(int status, String contentType, String body, Map<String, String> headers) {

  public Reply {
    headers = Map.copyOf(headers);
  }

  public static Reply of(int status, String contentType, String body) {
    return new Reply(status, contentType, body, Map.of());
  }

  public static Reply text(int status, String body) {
    return of(status, "text/plain; charset=utf-8", body + "\n");
  }

  public static Reply json(int status, String body) {
    return of(status, "application/json", body);
  }

  public Reply withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new Reply(status, contentType, body, h);
  }
}
