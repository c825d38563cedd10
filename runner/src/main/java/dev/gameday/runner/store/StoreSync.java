package dev.gameday.runner.store;

import dev.gameday.core.digest.Sha256;
import dev.gameday.core.port.RunStore;
import dev.gameday.core.port.RunStore.Stored;
import dev.gameday.core.store.StoreNames;
import dev.gameday.reports.history.RunSummary;
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

  /**
   * What {@link #push} did with a run: the files it sent and whether it stored the run's summary;
   * or nothing at all, because this host's copy of the run is older than the store's (its journal
   * is shorter: the journal only grows, so the longer one holds everything the shorter one does).
   */
  public record Pushed(String run, List<String> sent, boolean summary, long journalHere,
      long journalStored) {
    public Pushed {
      sent = List.copyOf(sent);
    }

    /** Whether nothing was sent because the store holds a longer journal of the run. */
    public boolean older() {
      return journalHere < journalStored;
    }

    /** What happened, in one line for the operator. */
    public String line() {
      if (older()) {
        return "not sent: this copy of " + run + " is older than the store's (its journal holds "
            + journalHere + " bytes here, " + journalStored + " in the store); the store keeps its"
            + " newer files";
      }
      List<String> all = new ArrayList<>(sent);
      if (summary) {
        all.add("summary");
      }
      return all.isEmpty() ? "already in the store" : "sent " + String.join(", ", all);
    }
  }

  /**
   * Sends what the store lacks of {@code runDir}, unless this copy of the run is older than the
   * stored one (its journal is shorter): then nothing of it is sent, so that an older copy never
   * replaces a newer report. When the run's report.json is newer than its journal, the run's
   * summary (what {@code history} reads, {@link RunSummary.Reported}) is stored too, after the
   * files, if something was sent or the store has none; a journal that grows in the store loses
   * its summary first.
   */
  public static Pushed push(RunStore store, Path runDir) {
    return push(store, runDir, true);
  }

  /**
   * As {@link #push(RunStore, Path)}; without {@code withJournal} the journal is left out (it is
   * being streamed).
   */
  static Pushed push(RunStore store, Path runDir, boolean withJournal) {
    String run = runDir.toAbsolutePath().normalize().getFileName().toString();
    Map<String, Stored> there = store.files(run);
    Path journal = runDir.resolve(JOURNAL);
    long stored = Optional.ofNullable(there.get(JOURNAL)).map(Stored::size).orElse(0L);
    long here = sizeOrZero(journal);
    if (here < stored) {
      return new Pushed(run, List.of(), false, here, stored);
    }
    List<String> sent = new ArrayList<>();
    for (Path f : localFiles(runDir)) {
      String name = f.getFileName().toString();
      try {
        if (StoreNames.isJournal(name)) {
          if (withJournal && Files.size(f) > stored) {
            appendFrom(store, run, f, stored, Files.size(f), true);
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
    // The report tells of the local journal, which holds at least what the stored one does. A run
    // sent before the store kept summaries gets one here though nothing else differs.
    boolean summary = false;
    if (RunSummary.reportIsCurrent(runDir) && (!sent.isEmpty() || !store.hasSummary(run))) {
      long length = sizeOrZero(journal);
      Optional<RunSummary.Reported> reported = RunSummary.readReport(runDir.resolve(REPORT),
          runDir);
      reported.ifPresent(r -> store.putSummary(run, r.ofJournal(length).toJson()));
      summary = reported.isPresent();
    }
    return new Pushed(run, sent, summary, here, stored);
  }

  /** The length of {@code file}, 0 when there is none. */
  static long sizeOrZero(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Appends bytes {@code from}..{@code to} of the local {@code journal} to the stored one, which
   * must hold {@code from} bytes; returns the stored length after. With {@code dropSummary} the
   * run's stored summary is removed first: it tells of the journal as it is, and history must
   * never read a summary of less than the stored journal. Whoever appends passes it at least at
   * its first append (the stream, after it learned the stored length, need not at every one).
   */
  static long appendFrom(RunStore store, String run, Path journal, long from, long to,
      boolean dropSummary) throws IOException {
    if (to <= from) {
      return from;
    }
    if (dropSummary) {
      store.dropSummary(run);
    }
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
  private static final String REPORT = "report.json";

  /**
   * Fetches {@code run} from the store into {@code runDir}: files missing here, a journal that
   * grew in the store, files whose SHA-256 differs. A local journal longer than the stored one (a
   * run of this host not yet sent) is kept. Returns the names of the files fetched.
   */
  public static List<String> pull(RunStore store, String run, Path runDir) {
    return pull(store, run, store.files(run), runDir);
  }

  /** As {@link #pull(RunStore, String, Path)}, of the run's {@code files} as already listed. */
  static List<String> pull(RunStore store, String run, Map<String, Stored> files, Path runDir) {
    List<String> fetched = new ArrayList<>();
    try {
      for (Stored s : files.values()) {
        if (!StoreNames.stored(s.name())) {
          continue;
        }
        Path local = runDir.resolve(StoreNames.requireFile(s.name()));
        boolean want = !Files.exists(local) || (StoreNames.isJournal(s.name())
            ? Files.size(local) < s.size()
            : s.sha256().isEmpty() || !s.sha256().get().equals(Sha256.of(local)));
        if (want) {
          fetch(store, run, s.name(), local);
          fetched.add(s.name());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return fetched;
  }

  /** Copies the stored {@code run/file} to {@code local}, through a .part file beside it. */
  static void fetch(RunStore store, String run, String file, Path local) throws IOException {
    Files.createDirectories(local.getParent());
    Path part = local.resolveSibling(file + ".part");
    store.get(run, file, part);
    Files.move(part, local, StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * Fetches every run of the store into {@code runsRoot}/RUN, from one listing of the store;
   * returns the runs' directories.
   */
  public static List<Path> pullAll(RunStore store, Path runsRoot) {
    List<Path> dirs = new ArrayList<>();
    for (Map.Entry<String, Map<String, Stored>> run : store.listing().entrySet()) {
      Path dir = runsRoot.resolve(StoreNames.requireRun(run.getKey()));
      pull(store, run.getKey(), run.getValue(), dir);
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
