package dev.gameday.runner.store;

import dev.gameday.core.journal.JournalFormat;
import dev.gameday.core.journal.RunFolders;
import dev.gameday.core.port.RunStore;
import dev.gameday.core.store.StoreNames;
import dev.gameday.reports.history.History;
import dev.gameday.reports.history.RunSummary;
import dev.gameday.reports.history.RunSummary.Reported;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code history} over a run store without fetching every run: two listings (the runs, and the
 * summaries the store keeps of finished runs, {@link RunSummary.Reported}), then each finished
 * run's figures from its summary. A run without a summary (unfinished, crashed, rolled back since
 * its report, or whose summary could not be stored) is fetched whole, as {@code runs} fetches it
 * (its files listed with the run's own listing, or, when at least a quarter of the stored runs
 * are fetched, from one {@link RunStore#listing()} of every run's), and its journal analysed; so is a run whose local journal changed after its local report (a
 * rollback of this host not sent yet). Runs of the runs folder that the store lacks are read as
 * local runs.
 */
public final class StoreHistory {
  /** Runs fetched whole at once (those without a summary): each is a few round trips. */
  public static final int PARALLEL = 8;

  private StoreHistory() {}

  /**
   * Every run of {@code store} and of {@code runsDir}, by experiment (experiments in the order of
   * their first run), oldest run first within each.
   */
  public static Map<String, History> load(RunStore store, Path runsDir) {
    // The two listings at once: each is a round trip (or a few) to the store.
    CompletableFuture<Map<String, byte[]>> listing = CompletableFuture.supplyAsync(
        store::summaries);
    List<String> runs = store.runs();
    Map<String, byte[]> summaries;
    try {
      summaries = listing.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
    List<Reported> reported = new ArrayList<>();
    List<String> toFetch = new ArrayList<>();
    for (String run : runs) {
      Path dir = runsDir.resolve(StoreNames.requireRun(run));
      Optional<Reported> r = Optional.ofNullable(summaries.get(run))
          .flatMap(s -> Reported.fromJson(s, dir)).filter(s -> !newerHere(dir, s));
      if (r.isPresent()) {
        reported.add(r.get());
      } else {
        toFetch.add(run);
      }
    }
    // A listing of every run's files costs as much as all the runs are; one per run, as much as
    // the runs fetched. Over 1,000 runs in Azurite the one listing took as long as the listings
    // of 64 to 250 runs (scripts/bench store-listing, docs/PERFORMANCE.md): from a quarter of the
    // runs on, the one listing serves.
    Optional<Map<String, Map<String, RunStore.Stored>>> files =
        toFetch.size() >= 2 && 4 * toFetch.size() >= runs.size()
            ? Optional.of(store.listing()) : Optional.empty();
    List<Callable<Object>> pulls = new ArrayList<>();
    List<Path> dirs = new ArrayList<>();
    for (String run : toFetch) {
      Path dir = runsDir.resolve(StoreNames.requireRun(run));
      pulls.add(files.isPresent()
          ? () -> StoreSync.pull(store, run, files.get().getOrDefault(run, Map.of()), dir)
          : () -> StoreSync.pull(store, run, dir));
      dirs.add(dir);
    }
    all(pulls);
    try {
      Set<String> stored = new HashSet<>(runs);
      for (Path dir : RunFolders.under(runsDir)) {
        if (!fromStore(dir, runsDir, stored)) {
          dirs.add(dir);
        }
      }
      for (Path dir : dirs) {
        Optional<String> experiment = History.experimentOf(dir);
        if (experiment.isPresent()) {
          reported.add(new Reported(experiment.get(), History.of(List.of(dir)).runs().get(0)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return byExperiment(reported);
  }

  /**
   * Whether {@code dir} holds more of the run than the stored summary tells of: a journal longer
   * than the one summed up (a rollback here not yet sent, whether or not it re-rendered the
   * report); for a summary that does not say its journal's length, a journal that changed after
   * its report.
   */
  private static boolean newerHere(Path dir, Reported summary) {
    Path journal = dir.resolve(JournalFormat.FILE_NAME);
    if (!Files.exists(journal)) {
      return false;
    }
    return summary.journalBytes().map(b -> StoreSync.sizeOrZero(journal) > b)
        .orElse(!RunSummary.reportIsCurrent(dir));
  }

  private static boolean fromStore(Path dir, Path runsDir, Set<String> stored) {
    Path parent = dir.toAbsolutePath().normalize().getParent();
    return parent != null && parent.equals(runsDir.toAbsolutePath().normalize())
        && stored.contains(dir.getFileName().toString());
  }

  private static Map<String, History> byExperiment(List<Reported> runs) {
    List<Reported> sorted = new ArrayList<>(runs);
    sorted.sort(Comparator.comparing((Reported r) -> r.summary().started().orElse(Instant.EPOCH))
        .thenComparing(r -> r.summary().runId()));
    Map<String, List<RunSummary>> grouped = new LinkedHashMap<>();
    for (Reported r : sorted) {
      grouped.computeIfAbsent(r.experimentName(), e -> new ArrayList<>()).add(r.summary());
    }
    Map<String, History> out = new LinkedHashMap<>();
    grouped.forEach((e, summaries) -> out.put(e, new History(summaries)));
    return out;
  }

  private static <T> List<T> all(List<Callable<T>> tasks) {
    if (tasks.isEmpty()) {
      return List.of();
    }
    try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLEL, tasks.size()),
        Thread.ofPlatform().daemon().name("gameday-store-read-", 0).factory())) {
      List<T> out = new ArrayList<>();
      for (Future<T> f : pool.invokeAll(tasks)) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RunStore.StoreException("interrupted while reading the run store", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
