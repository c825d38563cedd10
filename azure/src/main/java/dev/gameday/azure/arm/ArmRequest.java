package dev.gameday.azure.arm;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One ARM call: method, path (from {@code /subscriptions/...} or {@code /providers/...}), query
 * parameters (always including {@code api-version}), optional JSON body and headers.
 * {@code idempotent} says whether retrying after a lost answer is safe; {@code read} whether it
 * counts against the read or the write rate limit.
 */
public record ArmRequest(HttpVerb method, String path, Map<String, String> query,
    Optional<JsonNode> body, Map<String, String> headers, boolean idempotent, boolean read) {

  public ArmRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("ARM path must start with '/': " + path);
    }
    query = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(query));
    Objects.requireNonNull(body, "body");
    headers = Map.copyOf(headers);
  }

  public static ArmRequest get(String path, String apiVersion) {
    return of(HttpVerb.GET, path, apiVersion, null);
  }

  public static ArmRequest put(String path, String apiVersion, JsonNode body) {
    return of(HttpVerb.PUT, path, apiVersion, body);
  }

  public static ArmRequest post(String path, String apiVersion, JsonNode body) {
    return of(HttpVerb.POST, path, apiVersion, body);
  }

  public static ArmRequest delete(String path, String apiVersion) {
    return of(HttpVerb.DELETE, path, apiVersion, null);
  }

  private static ArmRequest of(HttpVerb method, String path, String apiVersion, JsonNode body) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("api-version", apiVersion);
    return new ArmRequest(method, path, q, Optional.ofNullable(body), Map.of(),
        method.idempotent(), method == HttpVerb.GET);
  }

  /** This request with one more query parameter. */
  public ArmRequest withQuery(String name, String value) {
    Map<String, String> q = new LinkedHashMap<>(query);
    q.put(name, value);
    return new ArmRequest(method, path, q, body, headers, idempotent, read);
  }

  /** This request with one more header (e.g. {@code If-Match}). */
  public ArmRequest withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new ArmRequest(method, path, query, body, h, idempotent, read);
  }

  /** A POST that only reads (Resource Graph): retried like a GET, limited as a read. */
  public ArmRequest asReadOnlyQuery() {
    return new ArmRequest(method, path, query, body, headers, true, true);
  }

  /** Path and encoded query, as sent. */
  public String pathAndQuery() {
    if (query.isEmpty()) {
      return path;
    }
    return path + "?" + query.entrySet().stream()
        .map(e -> e.getKey() + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  /** {@code METHOD path?query}, for messages and dry runs. */
  public String describe() {
    return method + " " + pathAndQuery();
  }

  private static String encode(String v) {
    return URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
