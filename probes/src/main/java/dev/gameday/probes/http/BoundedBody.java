package dev.gameday.probes.http;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * The first {@code limit} bytes of a response body: a probe never reads a large body whole. The
 * rest is left unread and the connection is dropped with the response.
 */
record BoundedBody(byte[] bytes, boolean truncated, Charset charset) {

  static BoundedBody read(ResponseBody body, long limit) throws IOException {
    Charset charset = charsetOf(body.contentType());
    BufferedSource source = body.source();
    Buffer buffer = new Buffer();
    while (buffer.size() < limit) {
      long n = source.read(buffer, limit - buffer.size());
      if (n == -1) {
        return new BoundedBody(buffer.readByteArray(), false, charset);
      }
    }
    boolean more = !source.exhausted();
    return new BoundedBody(buffer.readByteArray(), more, charset);
  }

  /** Bytes already read (by another transport), decoded by the answer's Content-Type. */
  static BoundedBody of(byte[] bytes, boolean truncated, String contentType) {
    return new BoundedBody(bytes, truncated,
        charsetOf(contentType == null ? null : MediaType.parse(contentType)));
  }

  static BoundedBody empty() {
    return new BoundedBody(new byte[0], false, StandardCharsets.UTF_8);
  }

  String text() {
    return new String(bytes, charset);
  }

  private static Charset charsetOf(MediaType type) {
    if (type == null) {
      return StandardCharsets.UTF_8;
    }
    Charset c = type.charset(StandardCharsets.UTF_8);
    return c == null ? StandardCharsets.UTF_8 : c;
  }
}
