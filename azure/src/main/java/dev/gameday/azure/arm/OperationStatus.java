package dev.gameday.azure.arm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Optional;

/**
 * The state of a long-running operation as ARM reports it at its {@code Azure-AsyncOperation}
 * URL: {@code {"status": "InProgress|Succeeded|Failed|Canceled", "error": {...}}}.
 */
public record OperationStatus(String status, Optional<String> error) {

  public static OperationStatus of(JsonNode body) {
    String s = Json.text(body, "/status").orElse("InProgress");
    Optional<String> err = Json.text(body, "/error/message")
        .map(m -> Json.text(body, "/error/code").map(c -> c + ": " + m).orElse(m));
    return new OperationStatus(s, err);
  }

  public boolean done() {
    return !inProgress();
  }

  public boolean inProgress() {
    String s = status.toLowerCase(Locale.ROOT);
    return s.equals("inprogress") || s.equals("accepted") || s.equals("running")
        || s.equals("notstarted") || s.equals("updating") || s.equals("creating")
        || s.equals("deleting");
  }

  public boolean succeeded() {
    return status.equalsIgnoreCase("Succeeded");
  }

  /** Polls the operation URL once. A 200 answer without a {@code status} is in progress. */
  public static OperationStatus poll(ArmClient arm, String url) {
    ArmResponse r = arm.getUrl(url);
    if (r.status() == 202 && !r.body().has("status")) {
      return new OperationStatus("InProgress", Optional.empty());
    }
    if (!r.body().has("status")) {
      return new OperationStatus("Succeeded", Optional.empty());
    }
    return of(r.body());
  }
}
