package dev.gameday.azure.arm;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.management.exception.ManagementError;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.Map;

/**
 * What a failed ARM call becomes: an error answer (raw, or a typed client's
 * {@link HttpResponseException}) an {@link ArmHttpException}, a failed login an
 * {@link ArmAuthException}, anything else an {@link ArmTransportException} that says whether the
 * request may have been sent.
 */
final class ArmFailures {
  private ArmFailures() {}

  /** A typed client's error answer, else a failed login or a lost answer. */
  static ArmException of(ArmRequest request, Throwable t) {
    if (t instanceof HttpResponseException h && !(h instanceof ClientAuthenticationException)
        && h.getResponse() != null) {
      return error(request, h);
    }
    return transport(request, t);
  }

  static ArmException transport(ArmRequest request, Throwable cause) {
    Throwable c = cause;
    while (c.getCause() != null && !(c instanceof IOException)
        && !(c instanceof ClientAuthenticationException)) {
      c = c.getCause();
    }
    if (c instanceof ClientAuthenticationException || cause instanceof ClientAuthenticationException) {
      return new ArmAuthException(request.describe(), "could not get an Azure token", cause);
    }
    boolean notSent = c instanceof ConnectException || c instanceof HttpConnectTimeoutException;
    return new ArmTransportException(request.describe(),
        (notSent ? "could not connect: " : "connection lost: ") + c, !notSent, cause);
  }

  static ArmHttpException error(ArmRequest request, int status,
      Map<String, String> headers, String body) {
    String code = null;
    String message = null;
    if (!body.isBlank()) {
      try {
        JsonNode err = Json.parse(body).path("error");
        code = err.hasNonNull("code") ? err.get("code").asText() : null;
        message = err.hasNonNull("message") ? err.get("message").asText() : null;
      } catch (RuntimeException notJson) {
        message = body.length() > 200 ? body.substring(0, 200) : body;
      }
    }
    return new ArmHttpException(request.describe(), status, code, message,
        retryAfter(headers.get("retry-after")), headers.get("x-ms-correlation-request-id"));
  }

  /** A typed client's error answer: status and headers of the response, ARM's error body. */
  private static ArmHttpException error(ArmRequest request, HttpResponseException e) {
    com.azure.core.http.HttpResponse r = e.getResponse();
    String code = null;
    String message = e.getMessage();
    if (e.getValue() instanceof ManagementError m) {
      code = m.getCode();
      message = m.getMessage();
    }
    return new ArmHttpException(request.describe(), r.getStatusCode(), code, message,
        retryAfter(r.getHeaderValue(HttpHeaderName.RETRY_AFTER)),
        r.getHeaderValue(HttpHeaderName.fromString("x-ms-correlation-request-id")));
  }

  static Duration retryAfter(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Duration.ofMillis((long) (Double.parseDouble(value.trim()) * 1000));
    } catch (NumberFormatException e) {
      try {
        java.time.ZonedDateTime at = java.time.ZonedDateTime.parse(value.trim(),
            java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(java.time.Instant.now(), at.toInstant());
        return d.isNegative() ? Duration.ZERO : d;
      } catch (java.time.format.DateTimeParseException e2) {
        return null;
      }
    }
  }
}
