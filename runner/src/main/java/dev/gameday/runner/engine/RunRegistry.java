package dev.gameday.runner.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The runs under a runs root ({@code gameday-runs/} by default): lists them for
 * {@code gameday runs}, and as a {@link TargetLock} refuses a run while an unfinished one holds
 * the same resources.
 */
public final class RunRegistry implements TargetLock {
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

  @Override
  public Optional<String> conflict(Set<String> resources, String ownRunId) {
    for (RunHead r : list()) {
      if (r.finished() || r.runId().equals(ownRunId)) {
        continue;
      }
      Set<String> shared = new HashSet<>(r.resources());
      shared.retainAll(resources);
      if (!shared.isEmpty()) {
        return Optional.of(r.dir().toString());
      }
    }
    return Optional.empty();
  }
}
