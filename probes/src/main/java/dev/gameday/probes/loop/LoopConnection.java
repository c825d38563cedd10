package dev.gameday.probes.loop;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpContentDecompressor;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.NetUtil;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.internal.tls.OkHostnameVerifier;

/**
 * One probe's keep-alive HTTP/1.1 connection on the client's loop: one exchange at a time,
 * opened on the first request and again after the server or a failure closed it. Everything
 * here runs on the loop, the {@link Callback} included.
 *
 * <p>The exchange's deadline is checked lazily: one loop task per connection, scheduled for the
 * deadline and moved on when it finds a later exchange in flight, instead of a timeout task
 * scheduled and cancelled per request.
 */
final class LoopConnection {
  /**
   * How answers are decoded: as leniently as OkHttp reads them. A head of up to 256 KiB (OkHttp's
   * limit for the status line and the headers; Netty's defaults are 4 KiB and 8 KiB, less than
   * some cookies), header names and values taken as they come (OkHttp's {@code addLenient}),
   * since a probe only looks headers up; the same Content-Length twice taken once, and a chunked
   * body read by its chunks whatever Content-Length comes with it, as OkHttp reads both.
   */
  private static HttpDecoderConfig decoder() {
    return new HttpDecoderConfig()
        .setMaxInitialLineLength(256 * 1024)
        .setMaxHeaderSize(256 * 1024)
        .setHeadersFactory(DefaultHttpHeadersFactory.headersFactory().withValidation(false))
        .setAllowDuplicateContentLengths(true)
        .setUseRfc9112TransferEncoding(false);
  }

  /** What became of one exchange; called on the loop, exactly once per {@link #send}. */
  interface Callback {
    void answered(int status, String phrase, HttpHeaders headers, byte[] body, boolean truncated,
        long endedNanos);

    void failed(Throwable cause, long endedNanos);
  }

  /**
   * The exchange ran past its deadline (connect, write and read together); an
   * {@link InterruptedIOException} like OkHttp's call timeout, so it is classified the same.
   */
  static final class DeadlineExceeded extends InterruptedIOException {
    DeadlineExceeded() {
      super("timeout");
    }
  }

  /**
   * TLS for an {@code https} probe: the probe's context (its CA, client certificate or
   * {@code insecure}), the host for SNI and, unless {@code verifyHost} is false, for the same
   * host-name check as OkHttp's ({@code OkHostnameVerifier}) before the request is written.
   */
  record Tls(SSLContext context, String host, int port, boolean verifyHost) {}

  private final Bootstrap bootstrap;
  private final String host;
  private final int port;
  private final Resolver resolver;
  /** Counts connection attempts: a lookup that ends after its attempt was dropped is ignored. */
  private long attempt;
  private final Optional<Tls> tls;
  /** The channel is connected (and its TLS handshake done and checked): requests may go. */
  private boolean ready;
  private final LongSupplier nanoTime;
  private Channel channel;
  private boolean connecting;
  private HttpRequest request;
  private Callback pending;
  private long deadline;
  private int maxBody;
  private ScheduledFuture<?> deadlineCheck;
  private final Runnable checkDeadline = this::checkDeadline;
  // The answer being read.
  private int status;
  private String phrase;
  private HttpHeaders headers;
  private boolean keepAlive;
  /** The channel has carried an answer and was kept: the next exchange reuses it. */
  private boolean reused;
  /** The exchange in flight went again on a new connection (at most once). */
  private boolean retried;
  /** The answer being read is informational (1xx but 101): its parts are skipped. */
  private boolean interim;
  private byte[] body = new byte[64];
  private int bodyLength;

  LoopConnection(Bootstrap bootstrap, String host, int port, Resolver resolver,
      LongSupplier nanoTime, Optional<Tls> tls, boolean gunzip) {
    this.nanoTime = nanoTime;
    this.tls = tls;
    this.bootstrap = bootstrap.clone().handler(new ChannelInitializer<Channel>() {
      @Override
      protected void initChannel(Channel ch) {
        if (tls.isPresent()) {
          SSLEngine engine = tls.get().context().createSSLEngine(tls.get().host(),
              tls.get().port());
          engine.setUseClientMode(true);
          ch.pipeline().addLast(new SslHandler(engine));
        }
        ch.pipeline().addLast(new StatusLineGuard());
        ch.pipeline().addLast(new HttpClientCodec(decoder(), false, false));
        if (gunzip) {
          // Decoded in buffers of at most 64 KiB: the body bound then cuts a large answer early.
          ch.pipeline().addLast(new HttpContentDecompressor(64 * 1024));
        }
        ch.pipeline().addLast(new Reader());
      }
    });
    this.host = host;
    this.port = port;
    this.resolver = resolver;
  }

  /**
   * Sends {@code request} (on the loop, no exchange in flight) and reads at most {@code maxBody}
   * bytes of the answer's body; past {@code deadlineNanos} the exchange fails and the connection
   * is dropped.
   */
  void send(HttpRequest request, long deadlineNanos, int maxBody, Callback callback) {
    if (pending != null) {
      throw new IllegalStateException("an exchange is in flight");
    }
    this.request = request;
    this.pending = callback;
    this.deadline = deadlineNanos;
    this.maxBody = maxBody;
    status = 0;
    interim = false;
    retried = false;
    bodyLength = 0;
    if (deadlineCheck == null) {
      deadlineCheck = bootstrap.config().group().schedule(checkDeadline,
          Math.max(0, deadlineNanos - nanoTime.getAsLong()), TimeUnit.NANOSECONDS);
    }
    if (ready && channel != null && channel.isActive()) {
      channel.writeAndFlush(request, channel.voidPromise());
    } else if (!connecting) {
      connect();
    }
  }

  /** Closes the connection; an exchange in flight fails. */
  void close() {
    if (channel != null) {
      channel.close();
    }
    fail(new IOException("connection closed by the prober"));
  }

  /**
   * Looks the host up on a virtual thread (inline for an IP literal), then connects on the loop to
   * its addresses in turn, as OkHttp does: a host whose first address refuses is reached on the
   * next one.
   */
  private void connect() {
    connecting = true;
    ready = false;
    long mine = ++attempt;
    EventLoop loop = (EventLoop) bootstrap.config().group();
    if (NetUtil.isValidIpV4Address(host) || NetUtil.isValidIpV6Address(host)) {
      open(mine, List.of(NetUtil.createInetAddressFromIpAddressString(host)), 0);
      return;
    }
    Thread.ofVirtual().name("gameday-probe-resolve").start(() -> {
      Runnable then;
      try {
        List<InetAddress> addresses = resolver.resolve(host);
        if (addresses.isEmpty()) {
          throw new UnknownHostException(host);
        }
        then = () -> open(mine, addresses, 0);
      } catch (UnknownHostException | RuntimeException e) {
        then = () -> {
          if (attempt == mine && connecting) {
            connecting = false;
            fail(e);
          }
        };
      }
      try {
        loop.execute(then);
      } catch (RejectedExecutionException e) {
        // The client closed during the lookup: nothing is waiting for it any more.
      }
    });
  }

  /** Connects to {@code addresses[index]}; when that fails, to the next one. */
  private void open(long mine, List<InetAddress> addresses, int index) {
    if (attempt != mine || !connecting) {
      return;
    }
    if (pending == null) {
      connecting = false;
      return;
    }
    ChannelFuture f = bootstrap.connect(new InetSocketAddress(addresses.get(index), port));
    Channel ch = f.channel();
    channel = ch;
    f.addListener(done -> {
      if (channel != ch) {
        return;
      }
      if (!done.isSuccess()) {
        if (index + 1 < addresses.size() && pending != null) {
          channel = null;
          ch.close();
          open(mine, addresses, index + 1);
          return;
        }
        drop();
        fail(done.cause());
      } else if (tls.isEmpty()) {
        opened(ch);
      } else {
        SslHandler ssl = ch.pipeline().get(SslHandler.class);
        ssl.handshakeFuture().addListener(hs -> {
          if (channel != ch) {
            return;
          }
          if (!hs.isSuccess()) {
            drop();
            fail(hs.cause());
          } else if (tls.get().verifyHost() && !OkHostnameVerifier.INSTANCE.verify(
              tls.get().host(), ssl.engine().getSession())) {
            drop();
            fail(new SSLPeerUnverifiedException("Hostname " + tls.get().host()
                + " not verified"));
          } else {
            opened(ch);
          }
        });
      }
    });
  }

  /** The channel is ready: the waiting request goes. */
  private void opened(Channel ch) {
    connecting = false;
    ready = true;
    reused = false;
    if (pending != null) {
      ch.writeAndFlush(request, ch.voidPromise());
    }
  }

  private void checkDeadline() {
    deadlineCheck = null;
    if (pending == null) {
      return;
    }
    long now = nanoTime.getAsLong();
    if (now - deadline >= 0) {
      drop();
      fail(new DeadlineExceeded());
    } else {
      deadlineCheck = bootstrap.config().group().schedule(checkDeadline, deadline - now,
          TimeUnit.NANOSECONDS);
    }
  }

  /** Forgets the current channel (its late events are ignored) and closes it. */
  private void drop() {
    Channel ch = channel;
    channel = null;
    reused = false;
    attempt++;
    connecting = false;
    ready = false;
    if (ch != null) {
      ch.close();
    }
  }

  /**
   * A kept-alive connection that closes (or resets) before any of the answer came may have been
   * closed by the server as idle while the request went: the request goes once more on a new
   * connection, within its deadline, as OkHttp retries a stale pooled connection. True when it
   * went again.
   */
  private boolean resendOnNewConnection(boolean stale) {
    if (!stale || retried || pending == null || status != 0 || interim) {
      return false;
    }
    retried = true;
    connect();
    return true;
  }

  private void fail(Throwable cause) {
    Callback c = pending;
    if (c != null) {
      pending = null;
      c.failed(cause, nanoTime.getAsLong());
    }
  }

  private void answer(boolean truncated) {
    Callback c = pending;
    pending = null;
    byte[] bytes = Arrays.copyOf(body, bodyLength);
    HttpHeaders h = headers;
    headers = null;
    if (truncated || !keepAlive) {
      drop();
    } else {
      reused = true;
    }
    c.answered(status, phrase, h, bytes, truncated, nanoTime.getAsLong());
  }

  /** Reads answers of the current channel; a dropped channel's are ignored. */
  private final class Reader extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      try {
        if (ctx.channel() != channel || pending == null) {
          return;
        }
        if (msg instanceof HttpResponse r) {
          if (r.decoderResult().isFailure()) {
            drop();
            fail(r.decoderResult().cause());
            return;
          }
          int code = r.status().code();
          interim = code >= 100 && code < 200 && code != 101;
          if (interim) {
            // An informational answer (100 Continue, 103 Early Hints): the real one follows,
            // and OkHttp skips it too.
            return;
          }
          status = code;
          phrase = utf8(r.status().reasonPhrase());
          headers = r.headers();
          keepAlive = HttpUtil.isKeepAlive(r);
        }
        if (interim) {
          return;
        }
        if (msg instanceof HttpContent c) {
          if (c.decoderResult().isFailure()) {
            drop();
            fail(c.decoderResult().cause());
            return;
          }
          if (append(c.content())) {
            answer(true);
            return;
          }
          if (c instanceof LastHttpContent) {
            answer(false);
          }
        }
      } finally {
        ReferenceCountUtil.release(msg);
      }
    }

    /**
     * The reason phrase as OkHttp reads it, in UTF-8: Netty gives a character per byte.
     */
    private static String utf8(String phrase) {
      for (int i = 0; i < phrase.length(); i++) {
        if (phrase.charAt(i) > 0x7f) {
          return new String(phrase.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        }
      }
      return phrase;
    }

    /** Keeps the body up to the bound; true when it goes past it. */
    private boolean append(ByteBuf content) {
      int n = content.readableBytes();
      int room = maxBody - bodyLength;
      int take = Math.min(n, room);
      if (take > 0) {
        if (bodyLength + take > body.length) {
          int size = Math.min(maxBody, Math.max(body.length * 2, bodyLength + take));
          body = Arrays.copyOf(body, size);
        }
        content.readBytes(body, bodyLength, take);
        bodyLength += take;
      }
      return n > take;
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      if (ctx.channel() == channel) {
        boolean stale = reused;
        channel = null;
        connecting = false;
        ready = false;
        reused = false;
        if (!resendOnNewConnection(stale)) {
          fail(new IOException("connection closed before the answer"));
        }
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      if (ctx.channel() == channel) {
        boolean stale = reused;
        drop();
        if (cause instanceof SSLException || !(cause instanceof IOException)
            || !resendOnNewConnection(stale)) {
          fail(cause);
        }
      } else {
        ctx.close();
      }
    }
  }
}
