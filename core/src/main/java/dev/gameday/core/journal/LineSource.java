package dev.gameday.core.journal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a stream into lines without decoding them: each line is a byte range of an internal
 * buffer, valid until the next call to {@link #next()}. The last line need not end in a newline.
 */
public final class LineSource implements AutoCloseable {
  private final InputStream in;
  private byte[] buf = new byte[1 << 20];
  private int filled;
  private int lineFrom;
  private int lineTo;
  private int nextFrom;
  private boolean eof;
  private boolean terminated;

  public LineSource(InputStream in) {
    this.in = in;
  }

  /** Moves to the next line; false at the end of the stream. */
  public boolean next() throws IOException {
    while (true) {
      for (int i = nextFrom; i < filled; i++) {
        if (buf[i] == '\n') {
          lineFrom = nextFrom;
          lineTo = i;
          nextFrom = i + 1;
          terminated = true;
          return true;
        }
      }
      if (eof) {
        if (nextFrom < filled) {
          lineFrom = nextFrom;
          lineTo = filled;
          nextFrom = filled;
          terminated = false;
          return true;
        }
        return false;
      }
      fill();
    }
  }

  private void fill() throws IOException {
    if (nextFrom > 0) {
      System.arraycopy(buf, nextFrom, buf, 0, filled - nextFrom);
      filled -= nextFrom;
      nextFrom = 0;
    }
    if (filled == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    int n = in.read(buf, filled, buf.length - filled);
    if (n < 0) {
      eof = true;
    } else {
      filled += n;
    }
  }

  public byte[] buffer() {
    return buf;
  }

  public int from() {
    return lineFrom;
  }

  public int to() {
    return lineTo;
  }

  /** Whether the current line ended with a newline (false only for a last line cut short). */
  public boolean terminated() {
    return terminated;
  }

  public boolean blank() {
    for (int i = lineFrom; i < lineTo; i++) {
      byte c = buf[i];
      if (c != ' ' && c != '\t' && c != '\r') {
        return false;
      }
    }
    return true;
  }

  /** The current line decoded as UTF-8, without a trailing carriage return. */
  public String text() {
    int to = lineTo;
    if (to > lineFrom && buf[to - 1] == '\r') {
      to--;
    }
    return new String(buf, lineFrom, to - lineFrom, StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
