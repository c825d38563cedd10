package dev.gameday.runner.engine;

import dev.gameday.core.journal.RunFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The runs under a runs root ({@code gameday-runs/} by default), listed for {@code gameday runs}. */
public final class RunRegistry {
  private final Path root;

  public RunRegistry(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  /**
   * Every readable run, oldest first, also in sub-folders ({@link RunFolders}), from each
   * journal's head and tail; unreadable folders are skipped.
   */
  public List<RunHead> list() {
    List<RunHead> out = new ArrayList<>();
    try {
      for (Path dir : RunFolders.under(root)) {
        try {
          out.add(RunHead.read(dir));
        } catch (IOException e) {
          // damaged beyond reading: not ours to list
        }
      }
    } catch (IOException e) {
      return List.of();
    }
    out.sort(Comparator.comparing(RunHead::started));
    return out;
  }
}
