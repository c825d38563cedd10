package dev.gameday.core.journal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gameday.core.event.Lane;
import dev.gameday.core.event.TimelineEvent;
import dev.gameday.core.event.TimelineEvent.ProbeSample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends events to a journal file. Every event is written to the operating system before
 * {@link #append} returns, so a killed process loses nothing it announced; events other than probe
 * samples are also forced to the device, since each of them precedes a step that changes Azure.
 * Thread-safe.
 */
public final class JournalWriter implements AutoCloseable {
  private final ObjectMapper mapper = JournalFormat.mapper();
  private final FileChannel channel;
  private long seq;

  private JournalWriter(FileChannel channel, long seq) {
    this.channel = channel;
    this.seq = seq;
  }

  /** Creates a new journal at {@code file} (which must not exist) and writes the header. */
  public static JournalWriter create(Path file) throws IOException {
    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND);
    JournalWriter w = new JournalWriter(ch, 0);
    w.writeLine("{\"journal\":\"gameday\",\"version\":" + JournalFormat.VERSION + "}");
    ch.force(false);
    return w;
  }

  /**
   * Opens an existing journal to append to it (rollback of a crashed run), continuing its
   * sequence numbers after {@code lastSeq}. A torn last line is terminated first.
   */
  public static JournalWriter append(Path file, long lastSeq) throws IOException {
    FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.READ);
    long size = ch.size();
    if (size > 0) {
      ByteBuffer last = ByteBuffer.allocate(1);
      ch.read(last, size - 1);
      ch.position(size);
      if (last.get(0) != '\n') {
        ch.write(ByteBuffer.wrap(new byte[] {'\n'}));
      }
    }
    return new JournalWriter(ch, lastSeq);
  }

  /** Writes one event and returns its sequence number. */
  public synchronized long append(TimelineEvent event) {
    ObjectNode node = mapper.createObjectNode();
    node.put("seq", ++seq);
    node.setAll((ObjectNode) mapper.valueToTree(event));
    try {
      writeLine(mapper.writeValueAsString(node));
      if (!(event instanceof ProbeSample) && event.lane() != Lane.APPLICATION) {
        channel.force(false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the journal", e);
    }
    return seq;
  }

  private void writeLine(String json) throws IOException {
    ByteBuffer buf = ByteBuffer.wrap((json + "\n").getBytes(StandardCharsets.UTF_8));
    while (buf.hasRemaining()) {
      channel.write(buf);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    channel.force(true);
    channel.close();
  }
}
