package dev.gameday.runner.lock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a run's process is alive: while a run (or a rollback of it) works, its process holds an
 * operating-system lock on {@code run.lock} in the run directory and writes a heartbeat into it
 * every {@link #HEARTBEAT}. The lock is the proof (the OS drops it when the process dies, even
 * on {@code kill -9}); the heartbeat says how recently the holder was seen, for people.
 *
 * <p>A process must not open the {@code run.lock} of a run it holds a second time: on POSIX
 * systems closing any descriptor of a file drops every lock the process has on it.
 */
public final class RunLiveness {
  public static final String FILE = "run.lock";
  public static final Duration HEARTBEAT = Duration.ofSeconds(5);
  private static final ObjectMapper JSON = new ObjectMapper();

  private RunLiveness() {}

  /** What a look at a run directory found. */
  public record State(Kind kind, Optional<Long> pid, Optional<String> activity,
      Optional<Instant> heartbeat) {
    public boolean live() {
      return kind == Kind.LIVE;
    }

    /** e.g. {@code running (run, pid 4242, heartbeat 2 s ago)}. */
    public String describe(Instant now) {
      return switch (kind) {
        case LIVE -> "running (" + activity.orElse("?") + ", pid " + pid.map(String::valueOf)
            .orElse("?") + heartbeat.map(h -> ", heartbeat "
            + Math.max(0, Duration.between(h, now).toSeconds()) + " s ago").orElse("") + ")";
        case DEAD -> "not running" + pid.map(p -> " (was pid " + p + ")").orElse("");
        case NEVER_HELD -> "not running";
      };
    }
  }

  public enum Kind { LIVE, DEAD, NEVER_HELD }

  /** Another process holds the run. */
  public static final class Busy extends Exception {
    private final State state;

    Busy(Path dir, State state) {
      super(dir + " is " + state.describe(Instant.now()));
      this.state = state;
    }

    public State state() {
      return state;
    }
  }

  /** Holds the run for this process until closed, writing a heartbeat. */
  public static final class Held implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;
    private final Thread heartbeat;

    /** How many bytes the file holds: a shorter heartbeat is padded to it, never truncated. */
    private int written;

    private Held(FileChannel channel, FileLock lock, String activity) throws IOException {
      this.channel = channel;
      this.lock = lock;
      this.written = (int) Math.min(channel.size(), 4096);
      // On record before the holder is told it holds the run: a look at once sees the pid.
      write(activity);
      this.heartbeat = Thread.ofVirtual().name("gameday-heartbeat").start(() -> {
        while (!Thread.currentThread().isInterrupted()) {
          try {
            Thread.sleep(HEARTBEAT);
          } catch (InterruptedException e) {
            return;
          }
          write(activity);
        }
      });
    }

    private synchronized void write(String activity) {
      try {
        byte[] body = JSON.writeValueAsBytes(JSON.createObjectNode()
            .put("pid", ProcessHandle.current().pid()).put("activity", activity)
            .put("heartbeat", Instant.now().toString()));
        if (!channel.isOpen()) {
          return;
        }
        // One write over the old heartbeat, padded with spaces to its length (still JSON): a
        // reader never sees the file empty or half old, as it could between a truncate and a write.
        byte[] padded = java.util.Arrays.copyOf(body, Math.max(body.length, written));
        java.util.Arrays.fill(padded, body.length, padded.length, (byte) ' ');
        channel.write(ByteBuffer.wrap(padded), 0);
        written = padded.length;
      } catch (IOException e) {
        // a missed heartbeat is harmless: the OS lock is the proof of life
      }
    }

    @Override
    public synchronized void close() {
      heartbeat.interrupt();
      try {
        lock.release();
        channel.close();
      } catch (IOException e) {
        // the lock goes with the process anyway
      }
    }
  }

  /**
   * Holds the run directory for this process ({@code activity}: {@code run} or
   * {@code rollback}), or throws {@link Busy} naming the process that holds it.
   */
  public static Held hold(Path runDir, String activity) throws Busy, IOException {
    FileChannel ch = FileChannel.open(runDir.resolve(FILE), StandardOpenOption.CREATE,
        StandardOpenOption.READ, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = ch.tryLock();
    } catch (OverlappingFileLockException sameProcess) {
      lock = null;
    }
    if (lock == null) {
      State s = content(ch, Kind.LIVE);
      ch.close();
      throw new Busy(runDir, s);
    }
    try {
      return new Held(ch, lock, activity);
    } catch (IOException | RuntimeException e) {
      ch.close(); // releases the lock too: the run is not left looking held
      throw e;
    }
  }

  /** Looks at a run directory without holding it. */
  public static State probe(Path runDir) {
    Path file = runDir.resolve(FILE);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ,
        StandardOpenOption.WRITE)) {
      FileLock lock;
      try {
        lock = ch.tryLock();
      } catch (OverlappingFileLockException sameProcess) {
        return content(ch, Kind.LIVE);
      }
      if (lock == null) {
        return content(ch, Kind.LIVE);
      }
      State s = content(ch, Kind.DEAD);
      lock.release();
      return s;
    } catch (NoSuchFileException e) {
      return new State(Kind.NEVER_HELD, Optional.empty(), Optional.empty(), Optional.empty());
    } catch (IOException e) {
      return new State(Kind.DEAD, Optional.empty(), Optional.empty(), Optional.empty());
    }
  }

  private static State content(FileChannel ch, Kind kind) {
    try {
      ByteBuffer buf = ByteBuffer.allocate((int) Math.min(ch.size(), 4096));
      ch.read(buf, 0);
      JsonNode n = JSON.readTree(new String(buf.array(), 0, buf.position(),
          StandardCharsets.UTF_8));
      if (n == null || !n.isObject()) {
        return new State(kind, Optional.empty(), Optional.empty(), Optional.empty());
      }
      return new State(kind, n.has("pid") ? Optional.of(n.get("pid").asLong()) : Optional.empty(),
          Optional.ofNullable(n.path("activity").textValue()),
          Optional.ofNullable(n.path("heartbeat").textValue()).map(Instant::parse));
    } catch (IOException | RuntimeException unreadable) {
      return new State(kind, Optional.empty(), Optional.empty(), Optional.empty());
    }
  }
}
