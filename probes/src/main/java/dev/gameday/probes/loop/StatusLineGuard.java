package dev.gameday.probes.loop;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/**
 * Lets the loop client read a status line that OkHttp reads. Netty's decoder refuses a status
 * line that ends in a control character ("Illegal character in request line: 0x7"), while the
 * reason phrase is free text and OkHttp takes it as it is; Gameday never shows it raw anyway
 * ({@code StatusPhrases} turns its control characters into {@code ?}). So this handler, between
 * the socket (or TLS) and the HTTP codec, turns each control character of the status line into
 * {@code ?} before the codec sees it: the same reason as OkHttp's, and the same status.
 *
 * <p>It knows where a status line starts because a connection carries one exchange at a time:
 * the first line read after a request is written is the answer's status line, and so is the line
 * after the head of an informational answer (1xx but 101), which OkHttp skips. Everything else
 * (headers, bodies) passes untouched. Runs on the connection's loop.
 */
final class StatusLineGuard extends ChannelDuplexHandler {
  private enum State {
    /** Bytes pass untouched. */
    PASS,
    /** Before the status line: the codec skips leading control characters and spaces. */
    BEFORE_LINE,
    /** Inside the status line. */
    IN_LINE,
    /** The head of an informational answer, up to its empty line. */
    INTERIM_HEAD
  }

  private State state = State.PASS;
  /** The status line's first bytes, "HTTP/1.1 103", to tell an informational answer. */
  private final byte[] start = new byte[12];
  private int startLength;
  /** Bytes of the current header line of an informational answer, CR not counted. */
  private int lineLength;

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    // One exchange at a time: what is read after a request goes starts with its answer.
    state = State.BEFORE_LINE;
    ctx.write(msg, promise);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (state != State.PASS && msg instanceof ByteBuf buf) {
      if (buf.isReadOnly()) {
        ByteBuf copy = buf.copy();
        buf.release();
        buf = copy;
      }
      guard(buf);
      msg = buf;
    }
    ctx.fireChannelRead(msg);
  }

  private void guard(ByteBuf buf) {
    int end = buf.writerIndex();
    for (int i = buf.readerIndex(); i < end && state != State.PASS; i++) {
      byte b = buf.getByte(i);
      switch (state) {
        case BEFORE_LINE -> {
          if (b < 0 || b > ' ') {
            state = State.IN_LINE;
            startLength = 0;
            i--;
          }
        }
        case IN_LINE -> {
          if (b == '\n') {
            state = informational() ? State.INTERIM_HEAD : State.PASS;
            lineLength = 0;
          } else {
            if (startLength < start.length) {
              start[startLength++] = b;
            }
            if (isControl(b)) {
              buf.setByte(i, '?');
            }
          }
        }
        case INTERIM_HEAD -> {
          if (b == '\n') {
            if (lineLength == 0) {
              state = State.BEFORE_LINE;
            }
            lineLength = 0;
          } else if (b != '\r') {
            lineLength++;
          }
        }
        default -> { }
      }
    }
  }

  /** A control character the codec would refuse at the line's end; tab and CR it takes. */
  private static boolean isControl(byte b) {
    return (b >= 0 && b < ' ' && b != '\t' && b != '\r') || b == 0x7f;
  }

  /** The status line read is "HTTP/x.y 1zz" but 101: an interim answer, the real one follows. */
  private boolean informational() {
    return startLength == start.length && start[8] == ' ' && start[9] == '1'
        && !(start[10] == '0' && start[11] == '1');
  }
}
