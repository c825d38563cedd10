package dev.gameday.sandbox.internal.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A parsed ARM request. Query keys are lower-cased (ARM treats them case-insensitively). */
public record ArmRequest(String method, String path, Map<String, String> query, String authorization, byte[] body,
    String baseUrl, ObjectMapper mapper, String ifMatch) {

  public static ArmRequest of(String method, String rawPath, String rawQuery, String authorization, byte[] body,
      String baseUrl, ObjectMapper mapper) {
    return of(method, rawPath, rawQuery, authorization, body, baseUrl, mapper, null);
  }

  /** {@code ifMatch}: the request's {@code If-Match} header, or null. */
  public static ArmRequest of(String method, String rawPath, String rawQuery, String authorization, byte[] body,
      String baseUrl, ObjectMapper mapper, String ifMatch) {
    Map<String, String> query = new LinkedHashMap<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        int eq = pair.indexOf('=');
        String key = decode(eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
        query.put(key, eq < 0 ? "" : decode(pair.substring(eq + 1)));
      }
    }
    String path = decode(rawPath.replace("+", "%2B"));
    if (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return new ArmRequest(method.toUpperCase(Locale.ROOT), path, query, authorization, body, baseUrl, mapper,
        ifMatch);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  public String param(String name) {
    return query.get(name.toLowerCase(Locale.ROOT));
  }

  public String apiVersion() {
    return param("api-version");
  }

  /** The JSON body; a missing body is a {@link MissingNode}; malformed JSON is ARM's 400. */
  public JsonNode json() {
    if (body == null || body.length == 0) {
      return MissingNode.getInstance();
    }
    try {
      return mapper.readTree(body);
    } catch (IOException e) {
      throw ArmException.badRequest("InvalidRequestContent", "The request content was invalid and could not be "
          + "deserialized: '" + firstLine(e) + "'.");
    }
  }

  /** The first line of a parse error (Jackson appends the source location on later lines). */
  static String firstLine(IOException e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
