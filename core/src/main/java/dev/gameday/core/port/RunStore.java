package dev.gameday.core.port;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a run's files are kept beyond the run's own directory: a shared folder, or an Azure Blob
 * Storage container shared by every host that runs experiments. A run always writes its journal
 * into its local directory first; the store receives copies (the journal as it grows, the
 * reports and evidence at the end) and may be slow or down without the run noticing more than a
 * warning. A run is named by its directory's name ({@code <run id>-<experiment>}); its files by
 * their names in that directory.
 */
public interface RunStore {

  /** One stored file: its size and, for a file stored whole, the SHA-256 of its bytes. */
  record Stored(String name, long size, Optional<String> sha256) {}

  /** The store could not be reached or refused a call; names the store and what was asked. */
  final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Where the store is, for messages (never a secret: no key, no SAS token). */
  String location();

  /** The names of every run in the store. */
  List<String> runs();

  /** The files stored for {@code run}, by name; empty when the store has none. */
  Map<String, Stored> files(String run);

  /**
   * Every run's files, by run and then by name, as {@link #files(String)} gives them; a store
   * that can list them all at once (one listing of the container, not one per run) says so by
   * overriding this.
   */
  default Map<String, Map<String, Stored>> listing() {
    Map<String, Map<String, Stored>> out = new java.util.TreeMap<>();
    for (String run : runs()) {
      out.put(run, files(run));
    }
    return out;
  }

  /** Stores {@code source} whole as {@code run/file}, replacing what was there. */
  void put(String run, String file, Path source);

  /**
   * Stores {@code summary} (a few hundred bytes) as the summary of {@code run}, replacing what
   * was there: what {@code history} reads of a finished run instead of its files. It is stored
   * apart from the run's files, so that {@link #summaries()} lists every run's in one call.
   */
  void putSummary(String run, byte[] summary);

  /** Removes the summary of {@code run}, if any (its journal is about to grow past it). */
  void dropSummary(String run);

  /** Whether the store holds a summary of {@code run} (one call, not a listing of them all). */
  boolean hasSummary(String run);

  /** Every stored summary, by run. */
  Map<String, byte[]> summaries();

  /**
   * Appends {@code bytes} to {@code run/file} at offset {@code at}, which must be the stored
   * length (0 creates the file): a repeated call after an answer that was lost is refused rather
   * than written twice. Returns the stored length after the append.
   */
  long append(String run, String file, byte[] bytes, long at);

  /** Copies the stored {@code run/file} to {@code target}. */
  void get(String run, String file, Path target);
}
