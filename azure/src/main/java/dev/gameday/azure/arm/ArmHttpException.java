package dev.gameday.azure.arm;

import java.time.Duration;
import java.util.Optional;

/** ARM answered with an error status; {@code code} and {@code detail} come from its error body. */
public final class ArmHttpException extends ArmException {
  private final int status;
  private final String code;
  private final String detail;
  private final Duration retryAfter;
  private final String correlationId;

  public ArmHttpException(String request, int status, String code, String detail,
      Duration retryAfter, String correlationId) {
    super(request, "HTTP " + status + (code == null ? "" : " " + code)
        + (detail == null ? "" : ": " + detail)
        + (status == 412 ? " - the resource changed meanwhile (its etag no longer matches the"
            + " If-Match Gameday sent, e.g. another change to the NSG): run again" : ""), null);
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.retryAfter = retryAfter;
    this.correlationId = correlationId;
  }

  public int status() {
    return status;
  }

  public Optional<String> code() {
    return Optional.ofNullable(code);
  }

  public Optional<String> detail() {
    return Optional.ofNullable(detail);
  }

  /** What ARM asked us to wait ({@code Retry-After}) before trying again. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  public Optional<String> correlationId() {
    return Optional.ofNullable(correlationId);
  }

  /** 412: the resource's etag no longer matches the request's {@code If-Match}. */
  public boolean preconditionFailed() {
    return status == 412;
  }

  public boolean notFound() {
    return status == 404;
  }
}
