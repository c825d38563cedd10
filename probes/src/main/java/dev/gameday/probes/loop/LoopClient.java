package dev.gameday.probes.loop;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.nio.channels.spi.SelectorProvider;
import java.time.Duration;
import java.util.Optional;
import io.netty.util.ResourceLeakDetector;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The event-loop HTTP/1.1 client of the probes: one Netty loop thread owns every probe's
 * keep-alive connection, its timer and its answers, so that a request costs no thread hand-off
 * (issue 18). Made once per run and closed after the monitor that uses it.
 */
public final class LoopClient implements AutoCloseable {
  private final EventLoopGroup group;
  private final EventLoop loop;
  private final Bootstrap bootstrap;
  private final WakePlan wakePlan;

  private LoopClient(EventLoopGroup group, Class<? extends Channel> channel,
      WakePlan wakePlan) {
    this.group = group;
    this.wakePlan = wakePlan;
    this.loop = group.next();
    this.bootstrap = new Bootstrap().group(loop).channel(channel)
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.SO_KEEPALIVE, true);
  }

  /**
   * A client on one loop thread of the JDK's selector (NIO) transport, reading each answer at
   * once. (Netty's native epoll transport measured no clear gain in the probe bench: 0.313 and
   * 0.334 CPU-s per 10k requests against NIO's 0.414 and 0.342, on a box at load 7-9.)
   */
  public static LoopClient create() {
    return create(Duration.ZERO);
  }

  /**
   * As above, reading answers in batches while ticks are at most {@code readBatch} apart (see
   * {@link WakePlan}); zero reads each answer as it arrives.
   */
  public static LoopClient create(Duration readBatch) {
    // Leak detection samples buffers and records stack traces: a debugging aid, about 2 % of the
    // loop's CPU in the probe bench.
    ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
    WakePlan plan = new WakePlan(readBatch.toNanos());
    ThreadFactory thread = Thread.ofPlatform().name("gameday-probe-loop").daemon(true).factory();
    return new LoopClient(new MultiThreadIoEventLoopGroup(1, thread,
        NioIoHandler.newFactory(SelectorProvider.provider(), plan)), NioSocketChannel.class, plan);
  }

  WakePlan wakePlan() {
    return wakePlan;
  }

  /** The loop thread every connection, deadline and callback of this client runs on. */
  public EventLoop loop() {
    return loop;
  }

  /**
   * A connection to {@code host:port}, opened on its first request and again after a close, the
   * host looked up by {@code resolver} for each new connection; gzip answers decoded when
   * {@code gunzip}.
   */
  LoopConnection connection(String host, int port, Resolver resolver, LongSupplier nanoTime,
      Optional<LoopConnection.Tls> tls, boolean gunzip) {
    return new LoopConnection(bootstrap, host, port, resolver, nanoTime, tls, gunzip);
  }

  @Override
  public void close() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
