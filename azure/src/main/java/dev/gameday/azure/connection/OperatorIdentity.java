package dev.gameday.azure.connection;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.azure.arm.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who an access token belongs to, read from the claims of its JWT payload (upn or appid, oid,
 * tid). The token itself is never kept, logged or returned.
 */
public final class OperatorIdentity {
  private OperatorIdentity() {}

  /** Claims of a JWT access token; {@code {"name": "sandbox"}} if it is not a JWT. */
  public static Map<String, String> fromToken(String token) {
    String[] parts = token.split("\\.");
    if (parts.length != 3) {
      return Map.of("name", "sandbox", "kind", "fixed token (not a JWT)");
    }
    JsonNode claims;
    try {
      claims = Json.parse(new String(Base64.getUrlDecoder().decode(pad(parts[1])),
          StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return Map.of("name", "unknown", "kind", "token payload unreadable");
    }
    Map<String, String> out = new LinkedHashMap<>();
    String upn = first(claims, "upn", "unique_name", "preferred_username");
    String appid = first(claims, "appid", "azp");
    out.put("name", upn != null ? upn : appid != null ? appid : "unknown");
    if (upn != null) {
      out.put("upn", upn);
    }
    if (appid != null) {
      out.put("appid", appid);
    }
    String oid = first(claims, "oid");
    if (oid != null) {
      out.put("oid", oid);
    }
    String tid = first(claims, "tid");
    if (tid != null) {
      out.put("tid", tid);
    }
    String idtyp = first(claims, "idtyp");
    if (idtyp != null) {
      out.put("kind", idtyp);
    }
    return Map.copyOf(out);
  }

  private static String pad(String s) {
    String t = s.replace('+', '-').replace('/', '_');
    while (t.length() % 4 != 0) {
      t += "=";
    }
    return t;
  }

  private static String first(JsonNode claims, String... names) {
    for (String n : names) {
      if (claims.hasNonNull(n) && !claims.get(n).asText().isBlank()) {
        return claims.get(n).asText();
      }
    }
    return null;
  }
}
