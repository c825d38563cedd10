package dev.gameday.runner.bench;

import dev.gameday.core.port.RunStore;
import dev.gameday.core.store.StoreNames;
import dev.gameday.runner.store.StoreSync;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Fills a store with {@code n} copies of one real, finished run: each copy is the run's files
 * (modification times kept, so its report stays newer than its journal) in a directory renamed
 * {@code 2026MMDDtHHMMSSz-bNNN-EXPERIMENT}, sent with {@link StoreSync#push} as {@code store sync}
 * sends a run, eight runs at a time.
 */
final class StoreFill {
  private StoreFill() {}

  static void fill(RunStore store, Path run, int n) throws Exception {
    int already = store.runs().size();
    if (already >= n) {
      System.out.printf(Locale.ROOT, "fill: the store already holds %d runs; nothing sent%n",
          already);
      return;
    }
    String name = run.toAbsolutePath().normalize().getFileName().toString();
    // <yyyymmdd>t<hhmmss>z-<4 hex>-<experiment>: the experiment is what follows the second dash.
    String experiment = name.substring(name.indexOf('-', name.indexOf('-') + 1) + 1);
    Path staging = Files.createTempDirectory("gameday-bench-fill");
    long t0 = System.nanoTime();
    List<Callable<Integer>> sends = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Path copy = staging.resolve(String.format(Locale.ROOT, "2026%02d%02dt%02d%02d00z-%04x-%s",
          1 + i / 280, 1 + (i / 10) % 28, i % 10, i % 60, i, experiment));
      copyRun(run, copy);
      sends.add(() -> StoreSync.push(store, copy).sent().size());
    }
    long files = 0;
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      for (Future<Integer> f : pool.invokeAll(sends)) {
        files += f.get();
      }
    }
    System.out.printf(Locale.ROOT, "fill: %d runs (%d files, copies of %s) sent in %.1f s%n", n,
        files, name, (System.nanoTime() - t0) / 1e9);
    try (Stream<Path> walk = Files.walk(staging)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private static void copyRun(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        if (StoreNames.stored(f.getFileName().toString())) {
          Files.copy(f, to.resolve(f.getFileName().toString()), StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}
