package dev.gameday.runner.store;

import dev.gameday.core.event.EventListener;
import dev.gameday.core.event.TimelineEvent;
import dev.gameday.core.journal.JournalFormat;
import dev.gameday.core.port.RunStore;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Sends a run's journal to a {@link RunStore} as it grows, from its own thread. It reads the
 * journal file the run has already written (the journal listener comes first on the bus, so a
 * line is on disk before this listener hears of its event) and appends the complete lines the
 * store lacks: at every event that is not a probe sample, and every {@code period} for the
 * samples; the files already in the run directory (the experiment copy) go first. The bus
 * only drops a wake-up into a one-slot queue, so a slow or unreachable store never delays a
 * probe, a fault or a revert: a failure is reported once through {@code warn} and retried at
 * the next wake-up; the local journal is complete whatever happens.
 */
public final class JournalStreamer implements EventListener, AutoCloseable {
  private final RunStore store;
  private final Path runDir;
  private final String run;
  private final Duration period;
  private final Consumer<String> warn;
  private final BlockingQueue<Boolean> wake = new ArrayBlockingQueue<>(1);
  private final CompletableFuture<List<String>> finished = new CompletableFuture<>();
  private final Thread worker;
  private volatile boolean finishing;
  private volatile long sent;
  private boolean resync;
  /** Whether the run's stored summary was removed since the stored length was last learned. */
  private boolean summaryDropped;
  private boolean warned;
  private boolean started;

  public JournalStreamer(RunStore store, Path runDir, Duration period, Consumer<String> warn) {
    this.store = store;
    this.runDir = runDir;
    this.run = runDir.toAbsolutePath().normalize().getFileName().toString();
    this.period = period;
    this.warn = warn;
    this.worker = Thread.ofPlatform().daemon().name("gameday-store").start(this::loop);
  }

  @Override
  public void on(TimelineEvent event) {
    if (!(event instanceof TimelineEvent.ProbeSample)) {
      wake.offer(Boolean.TRUE);
    }
  }

  /** How many bytes of the journal the store has confirmed. */
  public long sent() {
    return sent;
  }

  private void loop() {
    try {
      while (!finishing) {
        wake.poll(period.toMillis(), TimeUnit.MILLISECONDS);
        if (!finishing) {
          attempt();
        }
      }
      StoreSync.Pushed pushed = StoreSync.push(store, runDir);
      if (pushed.older()) {
        warn.accept(pushed.line());
      }
      finished.complete(pushed.sent());
    } catch (InterruptedException e) {
      finished.completeExceptionally(e);
    } catch (RuntimeException e) {
      finished.completeExceptionally(e);
    }
  }

  private void attempt() {
    try {
      stream();
      if (warned) {
        warned = false;
        warn.accept("the run store " + store.location() + " answers again; the journal is sent");
      }
    } catch (RuntimeException | IOException e) {
      resync = true;
      if (!warned) {
        warned = true;
        warn.accept("the run store " + store.location() + " cannot be written (" + e.getMessage()
            + "); the run goes on and keeps its files here; 'gameday store sync' sends them later");
      }
    }
  }

  /**
   * Appends the complete lines the store lacks; the first time, sends the files the run directory
   * already holds (the experiment copy, which a rollback from another host needs).
   */
  private synchronized void stream() throws IOException {
    if (!started) {
      StoreSync.push(store, runDir, false);
      started = true;
    }
    Path journal = runDir.resolve(JournalFormat.FILE_NAME);
    if (resync) {
      sent = Optional.ofNullable(store.files(run).get(JournalFormat.FILE_NAME))
          .map(RunStore.Stored::size).orElse(0L);
      resync = false;
      summaryDropped = false;
    }
    long complete = completeLength(journal, sent);
    if (complete > sent) {
      sent = StoreSync.appendFrom(store, run, journal, sent, complete, !summaryDropped);
      summaryDropped = true;
    }
  }

  /** The length of the journal up to its last newline (a line being written is left for later). */
  public static long completeLength(Path journal, long from) throws IOException {
    if (!Files.exists(journal)) {
      return from;
    }
    try (RandomAccessFile f = new RandomAccessFile(journal.toFile(), "r")) {
      long end = f.length();
      byte[] buf = new byte[8192];
      while (end > from) {
        int n = (int) Math.min(buf.length, end - from);
        f.seek(end - n);
        f.readFully(buf, 0, n);
        for (int i = n - 1; i >= 0; i--) {
          if (buf[i] == '\n') {
            return end - n + i + 1;
          }
        }
        end -= n;
      }
      return from;
    }
  }

  /**
   * Sends what the store still lacks of the run directory (the rest of the journal, the reports,
   * the evidence) and stops, waiting at most {@code budget}. Returns the files sent, or empty when
   * the store failed or did not answer in time (the files stay here for {@code store sync}).
   */
  public Optional<List<String>> finish(Duration budget) {
    finishing = true;
    wake.offer(Boolean.TRUE);
    try {
      return Optional.of(finished.get(budget.toMillis(), TimeUnit.MILLISECONDS));
    } catch (ExecutionException e) {
      warn.accept("the run's files could not all be sent to the run store " + store.location()
          + " (" + e.getCause().getMessage() + "); send them later with 'gameday store sync "
          + runDir + " --store " + store.location() + "'");
      return Optional.empty();
    } catch (TimeoutException e) {
      warn.accept("the run store " + store.location() + " did not take the run's files within "
          + budget.toSeconds() + " s; send them later with 'gameday store sync " + runDir
          + " --store " + store.location() + "'");
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    finishing = true;
    worker.interrupt();
  }
}
