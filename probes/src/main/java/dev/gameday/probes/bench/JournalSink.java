package dev.gameday.probes.bench;

import dev.gameday.core.event.EventListener;
import dev.gameday.core.event.TimelineEvent;
import dev.gameday.core.journal.JournalWriter;
import dev.gameday.core.redact.EventRedactor;
import dev.gameday.core.redact.Secrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The journal path of a run for the bench: every event is scrubbed of a secret (as the run's
 * event bus does when the experiment holds one), written to a hash-chained journal in a
 * temporary folder, then handed to the next listener. The folder is deleted on close.
 */
final class JournalSink implements EventListener, AutoCloseable {
  private final Path dir;
  private final Path file;
  private final JournalWriter writer;
  private final EventRedactor redactor =
      new EventRedactor(Secrets.of(List.of("bench-secret-token-0123456789")));
  private final EventListener next;

  private JournalSink(Path dir, EventListener next) throws IOException {
    this.dir = dir;
    this.file = dir.resolve("journal.jsonl");
    this.writer = JournalWriter.create(file);
    this.next = next;
  }

  static JournalSink open(EventListener next) {
    try {
      return new JournalSink(Files.createTempDirectory("gameday-bench-journal"), next);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void on(TimelineEvent event) {
    writer.append(redactor.redact(event));
    next.on(event);
  }

  @Override
  public void rehearse(TimelineEvent event) {
    writer.rehearse(redactor.redact(event));
    next.rehearse(event);
  }

  String summary() {
    try {
      return String.format(Locale.ROOT, "%.1f MB written (secret scrubbing on)",
          Files.size(file) / 1e6);
    } catch (IOException e) {
      return "size unknown: " + e.getMessage();
    }
  }

  @Override
  public void close() throws IOException {
    writer.close();
    Files.deleteIfExists(file);
    Files.deleteIfExists(dir);
  }
}
