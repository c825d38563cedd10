package dev.gameday.core.journal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gameday.core.event.Lane;
import dev.gameday.core.event.TimelineEvent;
import dev.gameday.core.event.TimelineEvent.ProbeSample;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Appends events to a journal file. Every event is written to the operating system before
 * {@link #append} returns, so a killed process loses nothing it announced; events other than probe
 * samples are also forced to the device, since each of them precedes a step that changes Azure.
 * Thread-safe.
 *
 * <p>The file is written through a {@link FileOutputStream} opened in append mode, never through
 * a {@code FileChannel}: a channel is closed for good when a thread that uses it is interrupted
 * (an injection cancelled by an abort), and the run could then journal nothing more, not even
 * its reverts. A stream's writes and its {@code sync} ignore interrupts.
 */
public final class JournalWriter implements AutoCloseable {
  private final ObjectMapper mapper = JournalFormat.mapper();
  private final FileOutputStream out;
  private long seq;

  private JournalWriter(FileOutputStream out, long seq) {
    this.out = out;
    this.seq = seq;
  }

  /** Creates a new journal at {@code file} (which must not exist) and writes the header. */
  public static JournalWriter create(Path file) throws IOException {
    Files.createFile(file);
    JournalWriter w = new JournalWriter(new FileOutputStream(file.toFile(), true), 0);
    w.writeLine("{\"journal\":\"gameday\",\"version\":" + JournalFormat.VERSION + "}");
    w.out.getFD().sync();
    return w;
  }

  /**
   * Opens an existing journal to append to it (rollback of a crashed run), continuing its
   * sequence numbers after {@code lastSeq}. A torn last line is terminated first. The file is
   * opened in append mode: nothing already written can be overwritten.
   */
  public static JournalWriter append(Path file, long lastSeq) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new java.nio.file.NoSuchFileException(file.toString());
    }
    boolean torn;
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      long size = f.length();
      if (size == 0) {
        torn = false;
      } else {
        f.seek(size - 1);
        torn = f.read() != '\n';
      }
    }
    JournalWriter w = new JournalWriter(new FileOutputStream(file.toFile(), true), lastSeq);
    if (torn) {
      w.out.write('\n');
    }
    return w;
  }

  /** Writes one event and returns its sequence number. */
  public synchronized long append(TimelineEvent event) {
    ObjectNode node = mapper.createObjectNode();
    node.put("seq", ++seq);
    node.setAll((ObjectNode) mapper.valueToTree(event));
    try {
      writeLine(mapper.writeValueAsString(node));
      if (!(event instanceof ProbeSample) && event.lane() != Lane.APPLICATION) {
        out.getFD().sync();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the journal", e);
    }
    return seq;
  }

  private void writeLine(String json) throws IOException {
    out.write((json + "\n").getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public synchronized void close() throws IOException {
    try {
      out.getFD().sync();
    } finally {
      out.close();
    }
  }
}
