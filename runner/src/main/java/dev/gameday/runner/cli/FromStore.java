package dev.gameday.runner.cli;

import dev.gameday.core.port.RunStore;
import dev.gameday.core.port.TargetLease;
import dev.gameday.reports.history.History;
import dev.gameday.runner.store.StoreHistory;
import dev.gameday.runner.store.StoreSync;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the reading commands ({@code runs}, {@code history}, {@code report}, {@code verify},
 * {@code rollback}) do with {@code --store}: fetch the store's runs into the local runs folder
 * first (only what differs), so that the same code reads them as it reads local runs; and send
 * back what a command wrote.
 */
final class FromStore {
  private FromStore() {}

  /** Fetches every run of the store into {@code runsDir}; nothing without a store. */
  static void pullAll(StoreOption option, Path runsDir) {
    Wiring.store(option).ifPresent(s -> call(s, () -> StoreSync.pullAll(s, runsDir)));
  }

  /**
   * The histories of every experiment in the store and in {@code runsDir}, each finished run's
   * figures read from the summary the store keeps of it ({@link StoreHistory}); empty without a
   * store.
   */
  static Optional<Map<String, History>> histories(StoreOption option, Path runsDir) {
    return Wiring.store(option).map(s -> call(s, () -> StoreHistory.load(s, runsDir)));
  }

  /** Where runs were looked for, to say that none was found: the runs folder, and the store. */
  static String noRuns(StoreOption option, Path runsDir) {
    return "no runs under " + runsDir + Wiring.store(option)
        .map(s -> " nor in the run store " + s.location()).orElse("");
  }

  /** Fetches the run named by {@code runDir}'s folder name into {@code runDir}. */
  static void pull(StoreOption option, Path runDir) {
    Wiring.store(option).ifPresent(s -> call(s, () -> {
      String run = name(runDir);
      if (!s.runs().contains(run)) {
        throw new GamedayException(ExitCodes.INVALID, "the run store " + s.location()
            + " has no run " + run + " (see 'gameday runs --store ...')");
      }
      return StoreSync.pull(s, run, runDir);
    }));
  }

  /**
   * Sends what the store lacks of {@code runDir} (after a rollback or a re-render); says on
   * {@code err} when nothing was sent because the store holds a newer copy of the run.
   */
  static void push(StoreOption option, Path runDir, PrintWriter err) {
    Wiring.store(option).map(s -> call(s, () -> StoreSync.push(s, runDir)))
        .filter(StoreSync.Pushed::older).ifPresent(p -> {
          err.println("gameday: warning: " + p.line());
          err.flush();
        });
  }

  /** The holds recorded in the store's leases (empty without a Blob store). */
  static List<TargetLease.Hold> holds(StoreOption option) {
    if (option == null || !option.given()) {
      return List.of();
    }
    return Wiring.lease(option, null, w -> {}).holds();
  }

  /**
   * Refuses (exit 3) to touch a run whose leases in the store are still renewed: it is running
   * on its host, and reverts by itself.
   */
  static void refuseWhileLeased(StoreOption option, String runId, Path runDir) {
    holds(option).stream().filter(h -> h.live() && h.holder().runId().equals(runId)).findFirst()
        .ifPresent(h -> {
          throw new GamedayException(ExitCodes.NOT_STARTED, "refusing to roll back " + runDir
              + ": it is running on host " + h.holder().host() + " (pid " + h.holder().pid()
              + ", its lease is renewed). A running run reverts by itself: stop it there");
        });
  }

  static String name(Path runDir) {
    return runDir.toAbsolutePath().normalize().getFileName().toString();
  }

  private static <T> T call(RunStore s, java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (RunStore.StoreException e) {
      throw new GamedayException(ExitCodes.INTERNAL, e.getMessage());
    }
  }
}
