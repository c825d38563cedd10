package dev.gameday.probes.http;

import dev.gameday.core.model.HttpRequestSpec;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Gameday follows a probe's redirects itself rather than leaving it to OkHttp, which drops only
 * {@code Authorization} when a redirect changes host and follows https to http. Here:
 * every secret header (see {@link HttpRequestSpec#secretHeaders()}) is dropped once a redirect
 * leaves the origin of the probe's URL (scheme, host and port), unless
 * {@code redirects.secretHeadersToOtherOrigins}; a redirect from https to http is refused before
 * any connection is made, unless {@code redirects.httpsToHttp}. Methods change as in OkHttp and
 * browsers: 307 and 308 keep method and body, other redirects of a non-GET become a GET without
 * a body.
 */
final class RedirectPolicy {
  /** Follow-ups allowed before the chain counts as a loop (OkHttp's and Chrome's limit). */
  static final int MAX_FOLLOW_UPS = 20;
  private static final Set<Integer> REDIRECTS = Set.of(300, 301, 302, 303, 307, 308);
  private static final Set<String> BODY_HEADERS = Set.of("Content-Type", "Content-Length",
      "Transfer-Encoding");

  private final HttpRequestSpec http;
  private final HttpUrl origin;

  RedirectPolicy(HttpRequestSpec http, HttpUrl origin) {
    this.http = http;
    this.origin = origin;
  }

  /** A followed redirect that the policy does not allow: the sample fails with this reason. */
  static final class RefusedException extends IOException {
    RefusedException(String message) {
      super(message);
    }
  }

  /**
   * The request to send after {@code response}, or empty when the response is the answer to
   * judge (not a redirect, redirects off, or no usable Location).
   *
   * @throws RefusedException when the redirect goes from https to http and that is not allowed
   */
  Optional<Request> next(Response response) throws RefusedException {
    Request current = response.request();
    Optional<HttpUrl> target = target(response.code(), response.header("Location"), current.url());
    if (target.isEmpty()) {
      return Optional.empty();
    }
    Request.Builder next = current.newBuilder().url(target.get());
    if (becomesGet(response.code(), current.method())) {
      next.method("GET", null);
      BODY_HEADERS.forEach(next::removeHeader);
    }
    if (dropsSecrets(target.get())) {
      http.secretHeaders().forEach(next::removeHeader);
      next.removeHeader("Authorization");
    }
    return Optional.of(next.build());
  }

  /**
   * Where an answer with {@code code} and {@code location} sent for {@code current} leads: empty
   * when it is the answer to judge (not a redirect, redirects off, no usable Location).
   *
   * @throws RefusedException when the redirect goes from https to http and that is not allowed
   */
  Optional<HttpUrl> target(int code, String location, HttpUrl current) throws RefusedException {
    if (!http.followRedirects() || !REDIRECTS.contains(code) || location == null) {
      return Optional.empty();
    }
    HttpUrl target = current.resolve(location);
    if (target == null) {
      return Optional.empty();
    }
    if (current.isHttps() && !target.isHttps() && !http.redirects().httpsToHttp()) {
      throw new RefusedException("redirect from https to http refused (" + target.host() + ":"
          + target.port() + "); set redirects.httpsToHttp: true to follow it");
    }
    return Optional.of(target);
  }

  /** 307 and 308 keep method and body; other redirects of a non-GET become a GET without one. */
  static boolean becomesGet(int code, String method) {
    return code != 307 && code != 308 && !method.equals("GET") && !method.equals("HEAD");
  }

  /** The follow-up to {@code target} goes without the secret headers and Authorization. */
  boolean dropsSecrets(HttpUrl target) {
    return !sameOrigin(target) && !http.redirects().secretHeadersToOtherOrigins();
  }

  private boolean sameOrigin(HttpUrl url) {
    return url.scheme().equals(origin.scheme()) && url.host().equals(origin.host())
        && url.port() == origin.port();
  }
}
