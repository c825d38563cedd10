package dev.gameday.runner.bench;

import dev.gameday.core.port.RunStore;
import dev.gameday.runner.store.StoreHistory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What {@link StoreHistory} weighs when runs without a summary must be fetched: one listing of
 * every run's files ({@link RunStore#listing()}) against the listings of {@code k} runs, one per
 * run, {@link StoreHistory#PARALLEL} at a time; over a store already filled ({@code fill}),
 * {@code rounds} times after two unmeasured calls of each.
 */
final class ListingBench {
  private ListingBench() {}

  static void run(RunStore store, int rounds) throws Exception {
    List<String> runs = store.runs();
    System.out.printf(Locale.ROOT, "runs: %d, load average %s%n", runs.size(), load());
    for (int warm = 0; warm < 2; warm++) {
      store.listing();
      perRun(store, runs.subList(0, Math.min(8, runs.size())));
    }
    int[] ks = {2, 8, 64, runs.size() / 4, runs.size() / 2, runs.size()};
    for (int round = 1; round <= rounds; round++) {
      long t0 = System.nanoTime();
      int files = store.listing().values().stream().mapToInt(Map::size).sum();
      System.out.printf(Locale.ROOT, "round %d: one listing of every run's files: %d ms (%d files)%n",
          round, (System.nanoTime() - t0) / 1_000_000, files);
      for (int k : ks) {
        t0 = System.nanoTime();
        perRun(store, runs.subList(0, Math.min(k, runs.size())));
        System.out.printf(Locale.ROOT, "round %d: listings of %d runs, one per run, %d at a time: "
            + "%d ms%n", round, k, StoreHistory.PARALLEL, (System.nanoTime() - t0) / 1_000_000);
      }
    }
    System.out.printf(Locale.ROOT, "load average after: %s%n", load());
  }

  private static void perRun(RunStore store, List<String> runs) throws Exception {
    List<Callable<Object>> calls = new ArrayList<>();
    for (String run : runs) {
      calls.add(() -> store.files(run));
    }
    try (ExecutorService pool = Executors.newFixedThreadPool(StoreHistory.PARALLEL)) {
      for (Future<Object> f : pool.invokeAll(calls)) {
        f.get();
      }
    }
  }

  private static String load() throws java.io.IOException {
    return Files.readString(Path.of("/proc/loadavg")).strip();
  }
}
