package dev.gameday.runner.cli;

import dev.gameday.core.load.ExperimentLoader;
import dev.gameday.core.load.LoadResult;
import dev.gameday.core.model.Experiment;
import dev.gameday.core.port.EvidenceSigner;
import dev.gameday.core.port.RunClock;
import dev.gameday.runner.console.ConsoleListener;
import dev.gameday.runner.engine.EngineOptions;
import dev.gameday.runner.engine.Rollback;
import dev.gameday.runner.engine.RunDirectory;
import dev.gameday.runner.engine.RunHead;
import dev.gameday.runner.engine.RunResult;
import dev.gameday.core.port.TargetLease;
import dev.gameday.runner.lock.RunLiveness;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gameday rollback RUN_DIR}: reverts whatever a run left injected, from its journal —
 * after a crash, {@code kill -9}, or a failed revert. Safe to run more than once.
 */
@Command(name = "rollback", mixinStandardHelpOptions = true,
    description = "Revert every fault a run left injected (after a crash, kill -9, or a failed revert), "
        + "from its journal alone. Idempotent: running it again finds nothing left to do. Refused "
        + "(exit 3) while the run is still running or being rolled back elsewhere. Exit 0 when "
        + "nothing is left injected, 5 when a revert still failed (with what to do by hand).",
    footerHeading = "%nExamples:%n",
    footer = {"  gameday rollback gameday-runs/<run>"})
final class RollbackCommand implements Callable<Integer> {
  @Parameters(paramLabel = "RUN_DIR", description = "The run's directory (see 'gameday runs').")
  Path runDir;

  @Option(names = "--revert-timeout", defaultValue = "PT15M", description = "How long each revert keeps retrying (default ${DEFAULT-VALUE}).")
  Duration revertTimeout;

  @Mixin SigningOptions signing = new SigningOptions();

  @Mixin StoreOption store = new StoreOption();
  @Option(names = "--lock-dir", description = "The folder where runs on this host record the resources they hold"
      + " (default: $GAMEDAY_LOCK_DIR, else ~/.local/state/gameday/locks).")
  Path lockDir;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    FromStore.pull(store, runDir);
    RunHead head = RunDirs.read(runDir);
    FromStore.refuseWhileLeased(store, head.runId(), runDir);
    Experiment experiment = experimentOf(head);
    PrintWriter err = spec.commandLine().getErr();
    RunResult result = rollBack(runDir, revertTimeout, Wiring.lease(store, lockDir, w -> {
      err.println("gameday: warning: " + w);
      err.flush();
    }), Wiring.signer(signing, experiment::azure), err);
    FromStore.push(store, runDir, spec.commandLine().getErr());
    System.out.println(result.summary());
    return result.revertFailures().isEmpty() ? ExitCodes.OK : ExitCodes.REVERT_INCOMPLETE;
  }

  /**
   * Rolls a run back while holding its directory (refused while it runs), frees its locks once
   * every change is confirmed undone, and re-renders its reports. Shared with
   * {@code sweep --fix}.
   */
  static RunResult rollBack(Path runDir, Duration revertTimeout, TargetLease locks,
      Optional<EvidenceSigner> signer, PrintWriter err) {
    RunHead run = RunDirs.read(runDir);
    RunClock clock = RunClock.SYSTEM;
    Rollback rollback = new Rollback(e -> Wiring.platform(e, clock), clock,
        EngineOptions.defaults().withTimeouts(Duration.ofMinutes(10), revertTimeout));
    RunResult result;
    Experiment experiment;
    try (RunLiveness.Held held = RunLiveness.hold(runDir, "rollback")) {
      experiment = experimentOf(run);
      result = rollback.rollback(runDir, experiment, List.of(new ConsoleListener(System.out)));
      if (result.revertFailures().isEmpty()) {
        locks.releaseAll(run.runId());
      }
    } catch (RunLiveness.Busy busy) {
      throw new GamedayException(ExitCodes.NOT_STARTED, "refusing to roll back " + runDir
          + ": it is " + busy.state().describe(Instant.now()) + ". A running run reverts by"
          + " itself: stop it with 'gameday abort " + runDir + "'");
    } catch (IOException e) {
      throw new GamedayException(ExitCodes.INTERNAL, "cannot roll back " + runDir + ": "
          + e.getMessage());
    }
    Wiring.writeReports(runDir, experiment, runDir.resolve(RunDirectory.EXPERIMENT_COPY), signer,
        err);
    return result;
  }

  /**
   * The experiment as the run used it: the copy in the run directory, with relative paths (CA
   * files) resolved against the original file's folder.
   */
  static Experiment experimentOf(RunHead run) throws IOException {
    Path copy = run.dir().resolve(RunDirectory.EXPERIMENT_COPY);
    if (!Files.isRegularFile(copy)) {
      throw new GamedayException(ExitCodes.INVALID, run.dir() + ": the experiment copy "
          + RunDirectory.EXPERIMENT_COPY + " is missing; cannot tell what to revert");
    }
    Path baseDir = run.experimentFile().toAbsolutePath().getParent();
    LoadResult result = new ExperimentLoader(System::getenv).load(copy.toString(),
        Files.readAllBytes(copy), baseDir);
    return switch (result) {
      case LoadResult.Loaded loaded -> loaded.experiment();
      case LoadResult.Invalid invalid -> throw new GamedayException(ExitCodes.INVALID,
          "the run's experiment no longer loads (are its environment variables set?):\n"
              + invalid.problems().stream().map(p -> "  " + p.format()).collect(Collectors.joining("\n")));
    };
  }
}
