package dev.gameday.runner.console;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * The width of the controlling terminal, read with {@code stty size} from {@code /dev/tty} when
 * created and again whenever the terminal is resized ({@code SIGWINCH}); {@link #FALLBACK}
 * columns when it cannot be read. {@code onResize} runs after each new reading, so the live view
 * redraws at once.
 */
public final class TerminalWidth implements IntSupplier {
  /** Columns assumed when the terminal does not say. */
  public static final int FALLBACK = 80;
  private static final File TTY = new File("/dev/tty");

  private volatile int columns;

  private TerminalWidth() {
    this.columns = read();
  }

  /** Reads the width now and follows resizes, calling {@code onResize} after each. */
  public static TerminalWidth follow(Runnable onResize) {
    TerminalWidth w = new TerminalWidth();
    try {
      sun.misc.Signal.handle(new sun.misc.Signal("WINCH"), sig -> {
        w.columns = read();
        onResize.run();
      });
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      // No SIGWINCH here (Windows): the width read at the start stays.
    }
    return w;
  }

  @Override
  public int getAsInt() {
    return columns;
  }

  /** {@code stty size} prints "ROWS COLUMNS" for the terminal on its standard input. */
  static int read() {
    if (!TTY.exists()) {
      return FALLBACK;
    }
    try {
      Process p = new ProcessBuilder("stty", "size").redirectInput(TTY)
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
      if (!p.waitFor(2, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        return FALLBACK;
      }
      return parse(out);
    } catch (java.io.IOException e) {
      return FALLBACK;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return FALLBACK;
    }
  }

  static int parse(String sttySize) {
    String[] parts = sttySize.trim().split("\\s+");
    try {
      int cols = parts.length == 2 ? Integer.parseInt(parts[1]) : 0;
      return cols > 0 ? cols : FALLBACK;
    } catch (NumberFormatException e) {
      return FALLBACK;
    }
  }
}
