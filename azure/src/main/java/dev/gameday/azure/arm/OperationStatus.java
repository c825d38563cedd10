package dev.gameday.azure.arm;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The state of a long-running operation as ARM reports it at its {@code Azure-AsyncOperation}
 * URL: {@code {"status": "InProgress|Succeeded|Failed|Canceled", "error": {...}}}, or at its
 * {@code Location} URL: 202 while running, 200/204 when done, an error answer when it failed
 * (ARM's async-operation contract). {@code retryAfter} is the poll answer's {@code Retry-After}:
 * the earliest time to ask again. {@code endTime} is when Azure says the operation ended, where
 * the status body states it ({@code OperationStatusResult.endTime} in
 * {@code specification/common-types/resource-management/v5/types.json}, ARM's async-operation
 * status; Network's own {@code AzureAsyncOperationResult} has no times).
 */
public record OperationStatus(String status, Optional<String> error, Optional<Duration> retryAfter,
    Optional<Instant> endTime) {

  public OperationStatus(String status, Optional<String> error) {
    this(status, error, Optional.empty(), Optional.empty());
  }

  public static OperationStatus of(JsonNode body) {
    String s = Json.text(body, "/status").orElse("InProgress");
    Optional<String> err = Json.text(body, "/error/message")
        .map(m -> Json.text(body, "/error/code").map(c -> c + ": " + m).orElse(m));
    return new OperationStatus(s, err, Optional.empty(), Json.instant(body, "/endTime"));
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

  /**
   * Polls the operation URL once. A 202 without a {@code status} is in progress; another answer
   * without one is done. A {@code Location} URL answers a failed operation with a 4xx error (not
   * 408 or 429, which say "ask again"): that is the operation {@code Failed}, at once.
   */
  public static OperationStatus poll(ArmClient arm, String url) {
    ArmResponse r;
    try {
      r = arm.getUrl(url);
    } catch (ArmHttpException e) {
      if (e.status() >= 400 && e.status() < 500 && e.status() != 408 && e.status() != 429) {
        return new OperationStatus("Failed", Optional.of(e.code().map(c -> c + ": ").orElse("")
            + e.detail().orElse("HTTP " + e.status())));
      }
      throw e;
    }
    Optional<Duration> retryAfter = r.header("retry-after").flatMap(OperationStatus::seconds);
    if (r.status() == 202 && !r.body().has("status")) {
      return new OperationStatus("InProgress", Optional.empty(), retryAfter, Optional.empty());
    }
    if (!r.body().has("status")) {
      return new OperationStatus("Succeeded", Optional.empty());
    }
    OperationStatus s = of(r.body());
    return new OperationStatus(s.status(), s.error(),
        s.inProgress() ? retryAfter : Optional.empty(), s.endTime());
  }

  /** {@code Retry-After} in seconds (the form ARM sends). */
  static Optional<Duration> seconds(String value) {
    try {
      long s = Long.parseLong(value.trim());
      return s < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(s));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
