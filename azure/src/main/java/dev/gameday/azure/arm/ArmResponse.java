package dev.gameday.azure.arm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/** ARM's answer: status, headers (names lower-cased) and the JSON body (empty object if none). */
public record ArmResponse(int status, Map<String, String> headers, JsonNode body) {

  public ArmResponse {
    headers = Map.copyOf(headers);
  }

  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
  }

  /** {@code x-ms-correlation-request-id}: ARM's id for this request, for support cases. */
  public Optional<String> correlationId() {
    return header("x-ms-correlation-request-id");
  }

  /** The URL to poll for a long-running operation: {@code Azure-AsyncOperation}, else {@code Location}. */
  public Optional<String> operationUrl() {
    return header("azure-asyncoperation").or(() -> header("location"));
  }

  /** The operation id: the last path segment of the operation URL, without its query. */
  public Optional<String> operationId() {
    return operationUrl().map(ArmResponse::lastSegment);
  }

  static String lastSegment(String url) {
    String u = url;
    int q = u.indexOf('?');
    if (q >= 0) {
      u = u.substring(0, q);
    }
    while (u.endsWith("/")) {
      u = u.substring(0, u.length() - 1);
    }
    return u.substring(u.lastIndexOf('/') + 1);
  }
}
