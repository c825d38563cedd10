package dev.gameday.runner.lock;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gameday.core.journal.JournalFormat;
import dev.gameday.core.port.TargetLease;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The target lease as a folder on this host: one file per held resource (named after a hash of
 * its ID) saying which run holds it. Every acquisition and release happens under an
 * operating-system lock on the folder's {@code .acquire} file, so checking and taking are one
 * atomic step for every process on the host, whichever runs directory it uses. Whether a holder
 * still runs is asked of its run directory ({@link RunLiveness}). A holder that died without
 * releasing (killed, or a revert failed) keeps its resources until its rollback releases them.
 */
public final class LockFolder implements TargetLease {
  /** The environment variable that chooses the folder. */
  public static final String ENV = "GAMEDAY_LOCK_DIR";
  private static final String MUTEX = ".acquire";
  private static final Duration MUTEX_WAIT = Duration.ofSeconds(30);

  private final Path dir;
  private final ObjectMapper json = JournalFormat.mapper();

  public LockFolder(Path dir) {
    this.dir = dir;
  }

  /**
   * {@code $GAMEDAY_LOCK_DIR}, else {@code $XDG_STATE_HOME/gameday/locks}, else
   * {@code ~/.local/state/gameday/locks}.
   */
  public static Path defaultDir(Function<String, String> env) {
    String explicit = env.apply(ENV);
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String state = env.apply("XDG_STATE_HOME");
    Path base = state != null && !state.isBlank() ? Path.of(state)
        : Path.of(System.getProperty("user.home"), ".local", "state");
    return base.resolve("gameday").resolve("locks");
  }

  public Path dir() {
    return dir;
  }

  /** One held resource as written in its file. */
  record Entry(String resource, Holder holder) {}

  @Override
  public Held acquire(Set<String> resources, Holder holder, boolean takeOverDead)
      throws Refused {
    List<String> ids = new TreeSet<>(resources.stream().map(LockFolder::norm).toList())
        .stream().toList();
    try (Mutex m = mutex()) {
      for (String id : ids) {
        Optional<Entry> e = read(fileOf(id));
        if (e.isEmpty() || e.get().holder().runId().equals(holder.runId())) {
          continue;
        }
        boolean live = RunLiveness.probe(Path.of(e.get().holder().runDir())).live();
        if (live || !takeOverDead) {
          throw new Refused(id, e.get().holder(), live);
        }
      }
      for (String id : ids) {
        write(fileOf(id), new Entry(id, holder));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the lock folder " + dir + " cannot be used", e);
    }
    return new Held() {
      @Override
      public void release() {
        releaseAll(holder.runId());
      }

      @Override
      public void close() {}
    };
  }

  /** The resources recorded as held by {@code runId}, with their holder. */
  public Map<String, Holder> heldBy(String runId) {
    Map<String, Holder> out = new LinkedHashMap<>();
    for (Path f : files()) {
      read(f).filter(e -> e.holder().runId().equals(runId))
          .ifPresent(e -> out.put(e.resource(), e.holder()));
    }
    return out;
  }

  /** Every run that holds a resource, once each. */
  public List<Holder> holders() {
    Map<String, Holder> byRun = new LinkedHashMap<>();
    for (Path f : files()) {
      read(f).ifPresent(e -> byRun.putIfAbsent(e.holder().runId(), e.holder()));
    }
    return List.copyOf(byRun.values());
  }

  /** Who holds {@code resource}, if anyone. */
  public Optional<Holder> holderOf(String resource) {
    return read(fileOf(norm(resource))).map(Entry::holder);
  }

  /** Frees every resource {@code runId} holds (its every change is undone). */
  @Override
  public void releaseAll(String runId) {
    try (Mutex m = mutex()) {
      for (Path f : files()) {
        if (read(f).filter(e -> e.holder().runId().equals(runId)).isPresent()) {
          Files.deleteIfExists(f);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the lock folder " + dir + " cannot be used", e);
    }
  }

  private List<Path> files() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".lock")).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private Optional<Entry> read(Path file) {
    try {
      return Optional.of(json.readValue(Files.readString(file, StandardCharsets.UTF_8),
          Entry.class));
    } catch (IOException | RuntimeException missingOrTorn) {
      return Optional.empty();
    }
  }

  private void write(Path file, Entry e) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, json.writeValueAsString(e), StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private Path fileOf(String id) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
      return dir.resolve(HexFormat.of().formatHex(d, 0, 20) + ".lock");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** ARM resource IDs are case-insensitive. */
  private static String norm(String id) {
    return id.toLowerCase(Locale.ROOT);
  }

  /** The folder's mutex: an OS lock on {@code .acquire}, waited for (bounded). */
  private Mutex mutex() throws IOException {
    Files.createDirectories(dir);
    FileChannel ch = FileChannel.open(dir.resolve(MUTEX), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
    long deadline = System.nanoTime() + MUTEX_WAIT.toNanos();
    while (true) {
      try {
        FileLock lock = ch.tryLock();
        if (lock != null) {
          return new Mutex(ch, lock);
        }
      } catch (OverlappingFileLockException sameProcess) {
        // another thread of this process is acquiring: wait for it on the same channel
      }
      if (System.nanoTime() > deadline) {
        ch.close();
        throw new IOException("another process holds " + dir.resolve(MUTEX) + " for more than "
            + MUTEX_WAIT.toSeconds() + " s");
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        ch.close();
        throw new IOException("interrupted while waiting for the lock folder", e);
      }
    }
  }

  private record Mutex(FileChannel channel, FileLock lock) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      lock.release();
      channel.close();
    }
  }
}
