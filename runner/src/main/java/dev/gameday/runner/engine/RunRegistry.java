package dev.gameday.runner.engine;

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

  /** Every readable run, oldest first, from each journal's head and tail; unreadable folders are skipped. */
  public List<RunHead> list() {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    List<RunHead> out = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        try {
          out.add(RunHead.read(dir));
        } catch (IOException e) {
          // not a run directory, or damaged beyond reading: not ours to list
        }
      }
    } catch (IOException e) {
      return List.of();
    }
    out.sort(Comparator.comparing(RunHead::started));
    return out;
  }
}
