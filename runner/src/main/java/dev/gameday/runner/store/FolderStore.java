package dev.gameday.runner.store;

import dev.gameday.core.digest.Sha256;
import dev.gameday.core.port.RunStore;
import dev.gameday.core.store.StoreNames;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The run store as a folder (a mounted share, {@code --store file:///mnt/gameday}): one
 * sub-folder per run, holding the run's files as in its own directory, and the runs' summaries
 * in {@code .summaries/RUN} (no run is named with a leading dot).
 */
public final class FolderStore implements RunStore {
  private static final String SUMMARIES = ".summaries";

  private final Path root;

  public FolderStore(Path root) {
    this.root = root;
  }

  @Override
  public String location() {
    return root.toUri().toString();
  }

  @Override
  public List<String> runs() {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString())
          .filter(StoreNames::isRun).sorted().toList();
    } catch (IOException e) {
      throw failed("list the runs", e);
    }
  }

  @Override
  public Map<String, Stored> files(String run) {
    Path dir = root.resolve(StoreNames.requireRun(run));
    Map<String, Stored> out = new LinkedHashMap<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = f.getFileName().toString();
        out.put(name, new Stored(name, Files.size(f), StoreNames.isJournal(name)
            ? Optional.empty() : Optional.of(Sha256.of(f))));
      }
      return out;
    } catch (IOException e) {
      throw failed("list the files of " + run, e);
    }
  }

  @Override
  public void put(String run, String file, Path source) {
    Path target = target(run, file);
    try {
      Files.createDirectories(target.getParent());
      Path tmp = target.resolveSibling(file + ".part");
      Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw failed("store " + run + "/" + file, e);
    }
  }

  @Override
  public long append(String run, String file, byte[] bytes, long at) {
    Path target = target(run, file);
    try {
      Files.createDirectories(target.getParent());
      long size = Files.exists(target) ? Files.size(target) : 0;
      if (size != at) {
        throw new StoreException(location() + ": " + run + "/" + file + " holds " + size
            + " bytes, not " + at + ": nothing appended", null);
      }
      try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND)) {
        out.write(bytes);
      }
      return at + bytes.length;
    } catch (IOException e) {
      throw failed("append to " + run + "/" + file, e);
    }
  }

  @Override
  public void get(String run, String file, Path target) {
    try {
      Files.copy(target(run, file), target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw failed("read " + run + "/" + file, e);
    }
  }

  @Override
  public void putSummary(String run, byte[] summary) {
    Path target = root.resolve(SUMMARIES).resolve(StoreNames.requireRun(run));
    try {
      Files.createDirectories(target.getParent());
      Path tmp = target.resolveSibling(run + ".part");
      Files.write(tmp, summary);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw failed("store the summary of " + run, e);
    }
  }

  @Override
  public void dropSummary(String run) {
    try {
      Files.deleteIfExists(root.resolve(SUMMARIES).resolve(StoreNames.requireRun(run)));
    } catch (IOException e) {
      throw failed("remove the summary of " + run, e);
    }
  }

  @Override
  public boolean hasSummary(String run) {
    return Files.isRegularFile(root.resolve(SUMMARIES).resolve(StoreNames.requireRun(run)));
  }

  @Override
  public Map<String, byte[]> summaries() {
    Path dir = root.resolve(SUMMARIES);
    Map<String, byte[]> out = new TreeMap<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String run = f.getFileName().toString();
        if (StoreNames.isRun(run) && !run.endsWith(".part")) {
          out.put(run, Files.readAllBytes(f));
        }
      }
      return out;
    } catch (IOException e) {
      throw failed("read the runs' summaries", e);
    }
  }

  private Path target(String run, String file) {
    return root.resolve(StoreNames.requireRun(run)).resolve(StoreNames.requireFile(file));
  }

  private StoreException failed(String what, IOException e) {
    return new StoreException(location() + ": could not " + what + ": " + e.getMessage(), e);
  }
}
