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
 * {@code ${env:...}} or carry credentials by their name ({@link #sensitiveName}); they are
 * redacted wherever they are written and never follow a redirect to another origin unless
 * {@code redirects} allows it.
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
    Redirects redirects,
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
    Objects.requireNonNull(redirects, "redirects");
  }

  /**
   * True for a header that carries a credential by its name (Authorization, Cookie, X-Api-Key,
   * anything naming a token, key, secret, password or auth): its value is secret even when written
   * literally.
   */
  public static boolean sensitiveName(String header) {
    String h = header.toLowerCase(java.util.Locale.ROOT);
    return h.equals("cookie") || h.contains("auth") || h.contains("token") || h.contains("secret")
        || h.contains("password") || h.contains("api-key") || h.contains("apikey")
        || h.contains("api_key") || h.contains("session");
  }

  /** Headers with secret values replaced by {@code ***}, for anything that is written out. */
  public Map<String, String> redactedHeaders() {
    var out = new java.util.TreeMap<String, String>();
    headers.forEach((k, v) -> out.put(k, secretHeaders.contains(k) ? "***" : v));
    return out;
  }

  /**
   * What a followed redirect may do. By default secret headers are dropped when a redirect leaves
   * the request's origin (scheme, host and port), and a redirect from https to http is refused
   * (the sample fails): {@code secretHeadersToOtherOrigins} and {@code httpsToHttp} allow them.
   */
  public record Redirects(boolean secretHeadersToOtherOrigins, boolean httpsToHttp) {
    public static Redirects defaults() {
      return new Redirects(false, false);
    }
  }

  /** TLS settings: extra CA to trust, client certificate, or (loudly) no verification. */
  public record Tls(Optional<Path> caFile, Optional<Path> clientCert, Optional<Path> clientKey,
      boolean insecure) {
    public static Tls defaults() {
      return new Tls(Optional.empty(), Optional.empty(), Optional.empty(), false);
    }
  }
}
