package dev.gameday.runner.engine;

import dev.gameday.core.event.TimelineEvent.AbortCause;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects the outside world's ways of stopping a run to the run's abort: SIGINT and SIGTERM
 * (first: orderly revert; second: revert at once) and the {@code abort} file that
 * {@code gameday abort RUN_DIR} drops into the run directory, looked for every 50 ms.
 */
public final class AbortTriggers implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AbortTriggers.class);
  static final Duration FILE_POLL = Duration.ofMillis(50);

  private final Thread watcher;
  private volatile boolean closed;

  private AbortTriggers(Thread watcher) {
    this.watcher = watcher;
  }

  /**
   * Starts watching. {@code abort} receives each trigger (it journals the first and makes a
   * second one urgent).
   */
  public static AbortTriggers install(RunDirectory dir, BiConsumer<AbortCause, String> abort,
      boolean handleSignals) {
    if (handleSignals) {
      for (String name : new String[] {"INT", "TERM"}) {
        try {
          sun.misc.Signal.handle(new sun.misc.Signal(name), sig -> abort.accept(AbortCause.SIGNAL,
              "SIG" + name + " received (send it again to revert at once)"));
        } catch (IllegalArgumentException e) {
          LOG.debug("cannot handle SIG{} here: {}", name, e.getMessage());
        }
      }
    }
    AbortTriggers[] self = new AbortTriggers[1];
    Thread t = Thread.ofVirtual().name("gameday-abort-file").unstarted(() -> {
      Path file = dir.abortFile();
      while (!self[0].closed) {
        if (Files.exists(file)) {
          abort.accept(AbortCause.USER, "'gameday abort' from another terminal" + reason(file));
          return;
        }
        try {
          Thread.sleep(FILE_POLL);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    self[0] = new AbortTriggers(t);
    t.start();
    return self[0];
  }

  private static String reason(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8).strip();
      return text.isEmpty() ? "" : ": " + text;
    } catch (IOException e) {
      return "";
    }
  }

  @Override
  public void close() {
    closed = true;
    watcher.interrupt();
  }
}
