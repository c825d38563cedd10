package dev.gameday.core.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds run directories — folders holding a {@value JournalFormat#FILE_NAME} — under a runs
 * folder, also in its sub-folders (the demo keeps its runs in {@code gameday-runs/demo-…/}), to
 * {@link #SEARCH_DEPTH} levels. One search for {@code runs}, {@code history} and the target lock.
 */
public final class RunFolders {
  /** Levels below the runs folder searched: the runs folder's runs and two levels of grouping. */
  public static final int SEARCH_DEPTH = 3;

  private RunFolders() {}

  /** Every run directory under {@code root}, in path order; none when {@code root} is missing. */
  public static List<Path> under(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root, SEARCH_DEPTH)) {
      return files.filter(p -> p.getFileName().toString().equals(JournalFormat.FILE_NAME))
          .filter(Files::isRegularFile).map(Path::getParent).sorted().toList();
    }
  }
}
