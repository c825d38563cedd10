package dev.gameday.runner.cli;

import dev.gameday.core.journal.RunFolders;
import dev.gameday.core.port.RunStore;
import dev.gameday.runner.store.StoreSync;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gameday store sync}: sends the run store what a run could not send while it ran. */
@Command(name = "store", mixinStandardHelpOptions = true,
    description = "Work with the run store (--store or GAMEDAY_STORE).",
    footerHeading = "%nExamples:%n",
    footer = {"  gameday store sync --store https://acct.blob.core.windows.net/gameday"},
    subcommands = StoreCommand.Sync.class)
final class StoreCommand {

  @Command(name = "sync", mixinStandardHelpOptions = true,
      description = "Send the run store what it lacks of local runs: the rest of a journal (a run"
          + " whose store was down), reports and evidence. Only what differs is sent (the journal"
          + " by its length, other files by SHA-256); a run whose journal here is shorter than the"
          + " stored one is an older copy: nothing of it is sent. Exit 0 when the store has everything, 1"
          + " when the store could not be written.",
      footerHeading = "%nExamples:%n",
      footer = {"  gameday store sync --store https://acct.blob.core.windows.net/gameday",
          "  gameday store sync gameday-runs/<run>"})
  static final class Sync implements Callable<Integer> {
    @Parameters(paramLabel = "RUN_DIR", arity = "0..*",
        description = "Runs to send (default: every run under the runs folder).")
    List<Path> runDirs;

    @Option(names = "--runs-dir", defaultValue = "${GAMEDAY_RUNS_DIR:-gameday-runs}",
        description = "Where runs are kept (default ${DEFAULT-VALUE}).")
    Path runsDir;

    @Mixin StoreOption store = new StoreOption();

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      RunStore target = Wiring.store(store).orElseThrow(() -> new GamedayException(
          ExitCodes.INVALID, "no run store: give --store URL or set GAMEDAY_STORE"));
      List<Path> dirs = runDirs == null || runDirs.isEmpty() ? RunFolders.under(runsDir) : runDirs;
      PrintWriter out = spec.commandLine().getOut();
      int failed = 0;
      for (Path dir : dirs) {
        RunDirs.read(dir);
        try {
          out.println(dir + ": " + StoreSync.push(target, dir).line());
        } catch (RunStore.StoreException e) {
          failed++;
          spec.commandLine().getErr().println(dir + ": " + e.getMessage());
        }
      }
      out.flush();
      spec.commandLine().getErr().flush();
      return failed == 0 ? ExitCodes.OK : ExitCodes.VERIFICATION_FAILED;
    }
  }
}
