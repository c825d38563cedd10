package dev.gameday.core.journal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gameday.core.digest.Sha256;
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
 * Appends events to a journal file, each line carrying the SHA-256 of the line before it
 * ({@link JournalChain}). Every event is written to the operating system before
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
  /** A {@code prev} of the right length for a rehearsed line, which follows no real line. */
  private static final String REHEARSAL_PREV = "0".repeat(64);

  private final ObjectMapper mapper = JournalFormat.mapper();
  private final FileOutputStream out;
  /** The chain's end; null when appending to a journal of version 1, which has no chain. */
  private final ChainLink link;
  private long seq;

  private JournalWriter(FileOutputStream out, long seq, ChainLink link) {
    this.out = out;
    this.seq = seq;
    this.link = link;
  }

  /** Creates a new journal at {@code file} (which must not exist) and writes the header. */
  public static JournalWriter create(Path file) throws IOException {
    Files.createFile(file);
    byte[] header = ("{\"journal\":\"gameday\",\"version\":" + JournalFormat.VERSION + "}")
        .getBytes(StandardCharsets.UTF_8);
    JournalWriter w = new JournalWriter(new FileOutputStream(file.toFile(), true), 0,
        ChainLink.after(header, 0, header.length));
    w.writeLine(header);
    w.out.getFD().sync();
    return w;
  }

  /**
   * Opens an existing journal to append to it (rollback of a crashed run), continuing its
   * sequence numbers after {@code lastSeq} and its hash chain after its last line (torn or not),
   * in the journal's own format version. A torn last line is terminated first. The file is
   * opened in append mode: nothing already written can be overwritten.
   */
  public static JournalWriter append(Path file, long lastSeq) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new java.nio.file.NoSuchFileException(file.toString());
    }
    int version;
    try (var lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      version = JournalReader.headerVersion(file, lines.readLine());
    }
    boolean torn;
    byte[] last;
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      long size = f.length();
      f.seek(size - 1);
      torn = f.read() != '\n';
      last = lastLine(f, torn ? size : size - 1);
    }
    JournalWriter w = new JournalWriter(new FileOutputStream(file.toFile(), true), lastSeq,
        version >= 2 ? ChainLink.after(last, 0, last.length) : null);
    if (torn) {
      w.out.write('\n');
    }
    return w;
  }

  /** The bytes of the line that ends at {@code end} (read backwards to the newline before it). */
  private static byte[] lastLine(RandomAccessFile f, long end) throws IOException {
    long start = end;
    byte[] chunk = new byte[4096];
    search:
    while (start > 0) {
      long from = Math.max(0, start - chunk.length);
      int n = Math.toIntExact(start - from);
      f.seek(from);
      f.readFully(chunk, 0, n);
      for (int i = n - 1; i >= 0; i--) {
        if (chunk[i] == '\n') {
          start = from + i + 1;
          break search;
        }
      }
      start = from;
    }
    byte[] line = new byte[Math.toIntExact(end - start)];
    f.seek(start);
    f.readFully(line);
    return line;
  }

  /**
   * Writes one event and returns its sequence number. The line is {@code {"seq":N,"prev":"…",}}
   * followed by the event's own JSON without its opening brace: the event is serialized once,
   * straight to bytes (no intermediate tree), outside the lock.
   */
  public long append(TimelineEvent event) {
    return appendSerialized(event, serialize(event));
  }

  /**
   * Runs what {@link #append} runs for {@code event} — its serialization, its line and the line's
   * hash — and writes nothing: the file, the sequence and the chain stay as they are. The probes'
   * warm-up calls it so that a recorded sample's path is compiled before the baseline.
   */
  public void rehearse(TimelineEvent event) {
    byte[] line = line(1, link != null ? REHEARSAL_PREV : null, serialize(event));
    Sha256.hex(line, 0, line.length - 1);
  }

  private byte[] serialize(TimelineEvent event) {
    try {
      return mapper.writeValueAsBytes(event);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the journal", e);
    }
  }

  /** The journal line, newline included, of the event serialized as {@code json}. */
  private static byte[] line(long seq, String prev, byte[] json) {
    byte[] head = ("{\"seq\":" + seq + (prev != null ? ",\"prev\":\"" + prev + "\"" : "")
        + ",").getBytes(StandardCharsets.UTF_8);
    byte[] line = new byte[head.length + json.length];
    System.arraycopy(head, 0, line, 0, head.length);
    System.arraycopy(json, 1, line, head.length, json.length - 1);
    line[line.length - 1] = '\n';
    return line;
  }

  private synchronized long appendSerialized(TimelineEvent event, byte[] json) {
    byte[] line = line(++seq, link != null ? link.prev() : null, json);
    try {
      // One write of the line and its newline, so a crash tears at most the last line.
      out.write(line);
      if (link != null) {
        link.advance(line, 0, line.length - 1);
      }
      if (!(event instanceof ProbeSample) && event.lane() != Lane.APPLICATION) {
        out.getFD().sync();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the journal", e);
    }
    return seq;
  }

  /** One line and its newline in a single write, so a crash tears at most the last line. */
  private void writeLine(byte[] json) throws IOException {
    byte[] line = new byte[json.length + 1];
    System.arraycopy(json, 0, line, 0, json.length);
    line[json.length] = '\n';
    out.write(line);
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
