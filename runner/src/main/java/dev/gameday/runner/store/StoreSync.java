package dev.gameday.runner.store;

import dev.gameday.core.digest.Sha256;
import dev.gameday.core.port.RunStore;
import dev.gameday.core.port.RunStore.Stored;
import dev.gameday.core.store.StoreNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Brings a run directory and its copy in a store level, one way or the other, sending or fetching
 * only what differs: the journal by its length (it only grows: the missing tail is appended),
 * every other file by its SHA-256.
 */
public final class StoreSync {
  /** The largest piece appended at once (Blob Storage takes up to 4 MiB per appended block). */
  static final int CHUNK = 4 * 1024 * 1024;

  private StoreSync() {}

  /** Sends what the store lacks of {@code runDir}; returns the names of the files sent. */
  public static List<String> push(RunStore store, Path runDir) {
    return push(store, runDir, true);
  }

  /**
   * As {@link #push(RunStore, Path)}; without {@code withJournal} the journal is left out (it is
   * being streamed).
   */
  static List<String> push(RunStore store, Path runDir, boolean withJournal) {
    String run = runDir.toAbsolutePath().normalize().getFileName().toString();
    Map<String, Stored> there = store.files(run);
    List<String> sent = new ArrayList<>();
    for (Path f : localFiles(runDir)) {
      String name = f.getFileName().toString();
      try {
        if (StoreNames.isJournal(name)) {
          if (!withJournal) {
            continue;
          }
          long stored = Optional.ofNullable(there.get(name)).map(Stored::size).orElse(0L);
          if (Files.size(f) > stored) {
            appendFrom(store, run, f, stored, Files.size(f));
            sent.add(name);
          }
        } else {
          Optional<String> sha = Optional.of(Sha256.of(f));
          Stored s = there.get(name);
          if (s == null || !s.sha256().equals(sha)) {
            store.put(run, name, f);
            sent.add(name);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return sent;
  }

  /**
   * Appends bytes {@code from}..{@code to} of the local {@code journal} to the stored one, which
   * must hold {@code from} bytes; returns the stored length after.
   */
  static long appendFrom(RunStore store, String run, Path journal, long from, long to)
      throws IOException {
    long at = from;
    try (InputStream in = Files.newInputStream(journal)) {
      in.skipNBytes(from);
      while (at < to) {
        byte[] piece = in.readNBytes((int) Math.min(CHUNK, to - at));
        if (piece.length == 0) {
          break;
        }
        at = store.append(run, JOURNAL, piece, at);
      }
    }
    return at;
  }

  private static final String JOURNAL = dev.gameday.core.journal.JournalFormat.FILE_NAME;

  /**
   * Fetches {@code run} from the store into {@code runDir}: files missing here, a journal that
   * grew in the store, files whose SHA-256 differs. A local journal longer than the stored one (a
   * run of this host not yet sent) is kept. Returns the names of the files fetched.
   */
  public static List<String> pull(RunStore store, String run, Path runDir) {
    List<String> fetched = new ArrayList<>();
    try {
      for (Stored s : store.files(run).values()) {
        if (!StoreNames.stored(s.name())) {
          continue;
        }
        Path local = runDir.resolve(StoreNames.requireFile(s.name()));
        boolean want = !Files.exists(local) || (StoreNames.isJournal(s.name())
            ? Files.size(local) < s.size()
            : s.sha256().isEmpty() || !s.sha256().get().equals(Sha256.of(local)));
        if (want) {
          Files.createDirectories(runDir);
          Path part = runDir.resolve(s.name() + ".part");
          store.get(run, s.name(), part);
          Files.move(part, local, StandardCopyOption.REPLACE_EXISTING);
          fetched.add(s.name());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return fetched;
  }

  /** Fetches every run of the store into {@code runsRoot}/RUN; returns the runs' directories. */
  public static List<Path> pullAll(RunStore store, Path runsRoot) {
    List<Path> dirs = new ArrayList<>();
    for (String run : store.runs()) {
      Path dir = runsRoot.resolve(StoreNames.requireRun(run));
      pull(store, run, dir);
      dirs.add(dir);
    }
    return dirs;
  }

  private static List<Path> localFiles(Path runDir) {
    try (Stream<Path> files = Files.list(runDir)) {
      return files.filter(Files::isRegularFile)
          .filter(f -> StoreNames.stored(f.getFileName().toString())).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
