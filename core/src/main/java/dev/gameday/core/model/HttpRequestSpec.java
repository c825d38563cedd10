package dev.gameday.core.model;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The request a probe sends. Header values named in {@code secretHeaders} came from
 * {@code ${env:...}} and are redacted wherever they are written.
 */
public record HttpRequestSpec(
    String method,
    URI url,
    Map<String, String> headers,
    Set<String> secretHeaders,
    Optional<String> body,
    Duration timeout,
    Tls tls,
    boolean followRedirects,
    long maxBodyBytes) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
  public static final long DEFAULT_MAX_BODY_BYTES = 64 * 1024;

  public HttpRequestSpec {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
    headers = Map.copyOf(headers);
    secretHeaders = Set.copyOf(secretHeaders);
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(tls, "tls");
  }

  /** Headers with secret values replaced by {@code ***}, for anything that is written out. */
  public Map<String, String> redactedHeaders() {
    var out = new java.util.TreeMap<String, String>();
    headers.forEach((k, v) -> out.put(k, secretHeaders.contains(k) ? "***" : v));
    return out;
  }

  /** TLS settings: extra CA to trust, client certificate, or (loudly) no verification. */
  public record Tls(Optional<Path> caFile, Optional<Path> clientCert, Optional<Path> clientKey,
      boolean insecure) {
    public static Tls defaults() {
      return new Tls(Optional.empty(), Optional.empty(), Optional.empty(), false);
    }
  }
}
