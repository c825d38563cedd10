package dev.gameday.probes.loop;

import dev.gameday.core.model.HttpRequestSpec;
import dev.gameday.probes.ProbeSetupException;
import dev.gameday.probes.http.AnswerJudge;
import dev.gameday.probes.http.HttpProbe;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * A probe's request for the loop client, built once from its {@link HttpRequestSpec}: any
 * method, the probe's headers and body (encoded once). Each send gets a fresh message around the
 * same headers and bytes, since writing a message releases its content.
 */
final class LoopRequest {
  private final URI url;
  private final boolean https;
  private final String host;
  private final int port;
  private final HttpMethod method;
  private final String target;
  private final HttpHeaders headers;
  private final byte[] body;
  /** Gzip asked for by the client, not the probe: answers are decompressed before the bound. */
  private final boolean gzip;

  /** @throws ProbeSetupException for a URL that is neither http nor https */
  static LoopRequest of(String name, HttpRequestSpec http) {
    URI url = http.url();
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
      throw new ProbeSetupException(name, "url must be http or https: " + http.url());
    }
    HttpHeaders h = new DefaultHttpHeaders();
    h.set(HttpHeaderNames.USER_AGENT, "gameday");
    try {
      http.headers().forEach(h::set);
    } catch (IllegalArgumentException e) {
      // Netty's message would quote the value; never echo a header value.
      throw new ProbeSetupException(name, "a request header has an invalid name or value");
    }
    byte[] body = HttpProbe.bodyBytes(name, http).orElse(null);
    if (body != null) {
      h.set(HttpHeaderNames.CONTENT_LENGTH, body.length);
    }
    // As OkHttp: ask for gzip unless the probe chose an encoding, and then decode it ourselves.
    boolean gzip = !h.contains(HttpHeaderNames.ACCEPT_ENCODING)
        && !h.contains(HttpHeaderNames.RANGE);
    if (gzip) {
      h.set(HttpHeaderNames.ACCEPT_ENCODING, HttpHeaderValues.GZIP);
    }
    return new LoopRequest(url, HttpMethod.valueOf(http.method().toUpperCase(Locale.ROOT)), h,
        body, gzip);
  }

  /** To {@code url}; {@code headers} get its Host unless they have one (the probe's own). */
  private LoopRequest(URI url, HttpMethod method, HttpHeaders headers, byte[] body,
      boolean gzip) {
    this.url = url;
    this.https = "https".equalsIgnoreCase(url.getScheme());
    this.host = url.getHost();
    int defaultPort = https ? 443 : 80;
    this.port = url.getPort() < 0 ? defaultPort : url.getPort();
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    this.target = path + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
    this.method = method;
    this.body = body;
    this.gzip = gzip;
    if (!headers.contains(HttpHeaderNames.HOST)) {
      headers.set(HttpHeaderNames.HOST, port == defaultPort ? host : host + ":" + port);
    }
    this.headers = headers;
  }

  /**
   * The follow-up to a redirect: to {@code to.url()}, as a GET without body when
   * {@code to.asGet()}, without {@code secretHeaders} and Authorization when
   * {@code to.dropSecrets()}.
   */
  LoopRequest followUp(AnswerJudge.FollowUp to, Set<String> secretHeaders) {
    HttpHeaders h = headers.copy();
    h.remove(HttpHeaderNames.HOST);
    if (to.dropSecrets()) {
      secretHeaders.forEach(h::remove);
      h.remove(HttpHeaderNames.AUTHORIZATION);
    }
    if (!to.asGet()) {
      return new LoopRequest(to.url(), method, h, body, gzip);
    }
    h.remove(HttpHeaderNames.CONTENT_TYPE);
    h.remove(HttpHeaderNames.CONTENT_LENGTH);
    h.remove(HttpHeaderNames.TRANSFER_ENCODING);
    return new LoopRequest(to.url(), HttpMethod.GET, h, null, gzip);
  }

  URI url() {
    return url;
  }

  String method() {
    return method.name();
  }

  /** Same scheme, host and port: the probe's own connection can carry it. */
  boolean sameOrigin(LoopRequest other) {
    return https == other.https && host.equalsIgnoreCase(other.host) && port == other.port;
  }

  /** Answers must be decompressed (the client asked for gzip itself). */
  boolean gzip() {
    return gzip;
  }

  boolean https() {
    return https;
  }

  /** The URL's host as written (for SNI and the certificate check). */
  String host() {
    return host;
  }

  int port() {
    return port;
  }

  /** A message to write now. */
  HttpRequest next() {
    return new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, target,
        body == null ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body), headers,
        EmptyHttpHeaders.INSTANCE);
  }

}
