package dev.gameday.core.store;

import dev.gameday.core.journal.JournalFormat;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What of a run directory goes to a run store, and the names a store accepts: a run is its
 * directory's name, a file its name in that directory, neither with a path separator, so a name
 * read back from a store can never point outside the folder it is copied into.
 */
public final class StoreNames {
  /** A run directory's or a file's name: letters, digits, dot, dash, underscore. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");
  /** Files of a run directory that belong to the process on this host, never to the store. */
  private static final Set<String> LOCAL_ONLY = Set.of("run.lock", "abort");

  private StoreNames() {}

  /** Whether {@code file} of a run directory belongs in the store. */
  public static boolean stored(String file) {
    return NAME.matcher(file).matches() && !LOCAL_ONLY.contains(file) && !file.endsWith(".part");
  }

  /** Whether {@code file} is the journal, which a store receives as it grows. */
  public static boolean isJournal(String file) {
    return file.equals(JournalFormat.FILE_NAME);
  }

  /** Whether {@code name} can name a run (a folder starting with a dot cannot). */
  public static boolean isRun(String name) {
    return NAME.matcher(name).matches();
  }

  public static String requireRun(String run) {
    if (!isRun(run)) {
      throw new IllegalArgumentException("not a run name: " + run);
    }
    return run;
  }

  public static String requireFile(String file) {
    if (!NAME.matcher(file).matches()) {
      throw new IllegalArgumentException("not a run file name: " + file);
    }
    return file;
  }
}
