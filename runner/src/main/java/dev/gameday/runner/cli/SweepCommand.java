package dev.gameday.runner.cli;

import dev.gameday.azure.AzureOptions;
import dev.gameday.azure.AzurePlatform;
import dev.gameday.azure.sweep.SweepReport;
import dev.gameday.core.event.TimelineEvent.ChangeRecorded;
import dev.gameday.core.model.AzureSettings;
import dev.gameday.core.model.Safety;
import dev.gameday.core.port.RunClock;
import dev.gameday.core.port.TargetLease.Holder;
import dev.gameday.runner.engine.RunRecord;
import dev.gameday.runner.engine.RunResult;
import dev.gameday.runner.lock.LockFolder;
import dev.gameday.runner.lock.RunLiveness;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gameday sweep}: removes the NSG rules Gameday left behind, and reports (or, with
 * {@code --fix}, rolls back) the runs that died leaving changes unconfirmed: VMs left stopped,
 * flushes left on, failovers left up.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
    description = "Find Gameday leftovers in a subscription and remove them, reporting each: "
        + "NSG rules Gameday created (exact name gameday-<run id>-<step> and its description) whose "
        + "run is not running and whose expiry passed - never any other rule; and runs that are "
        + "not running but left changes unconfirmed (VMs stopped, flushConnection on, failovers "
        + "up), with the command that fixes each ('gameday rollback RUN_DIR'); --fix runs it. "
        + "Exit 0 when nothing is left, 5 when something is left or a removal failed.",
    footerHeading = "%nExamples:%n",
    footer = {"  gameday sweep --subscription <id> --dry-run",
        "  gameday sweep --subscription <id> --cloud Custom \\",
        "      --endpoint https://127.0.0.1:8443/ --ca-file .gameday-sandbox/ca.pem"})
final class SweepCommand implements Callable<Integer> {
  @Option(names = "--subscription", required = true, description = "Subscription id.")
  String subscription;

  @Option(names = "--resource-group", description = "Only this resource group.")
  String resourceGroup;

  @Option(names = "--dry-run", description = "Only list what would be removed.")
  boolean dryRun;

  @Option(names = "--fix", description = "Also roll back every run that is not running and left changes unconfirmed.")
  boolean fix;

  @Option(names = "--lock-dir", description = "The folder where runs on this host record the resources they hold"
      + " (default: $GAMEDAY_LOCK_DIR, else ~/.local/state/gameday/locks).")
  Path lockDir;

  @Option(names = "--cloud", defaultValue = "AzureCloud", description = "AzureCloud, AzureChinaCloud or AzureUSGovernment.")
  String cloud;

  @Option(names = "--endpoint", description = "A custom ARM endpoint (the local sandbox), with --ca-file.")
  URI endpoint;

  @Option(names = "--ca-file", description = "PEM CA to trust for --endpoint.")
  Path caFile;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    AzureSettings.Cloud c = endpoint != null ? AzureSettings.Cloud.CUSTOM
        : AzureSettings.Cloud.fromYaml(cloud).orElseThrow(() -> new GamedayException(ExitCodes.INVALID,
            "unknown cloud " + cloud + "; use AzureCloud, AzureChinaCloud or AzureUSGovernment"));
    if (c == AzureSettings.Cloud.CUSTOM && endpoint == null) {
      throw new GamedayException(ExitCodes.INVALID, "--cloud Custom needs --endpoint URL (the ARM "
          + "endpoint to sweep, e.g. the sandbox's https://127.0.0.1:8443/, with --ca-file)");
    }
    if (caFile != null) {
      Wiring.requireFile(caFile, "--ca-file", "correct the path, or start the sandbox");
    }
    AzureSettings settings = new AzureSettings(subscription, Optional.empty(), c,
        Optional.ofNullable(endpoint), Optional.ofNullable(caFile));
    LockFolder locks = Wiring.lockFolder(lockDir);
    Predicate<String> running = runId -> locks.heldBy(runId).values().stream()
        .anyMatch(h -> RunLiveness.probe(Path.of(h.runDir())).live());
    SweepReport report;
    try (AzurePlatform platform = new AzurePlatform(settings, Safety.defaults(), RunClock.SYSTEM,
        AzureOptions.defaults())) {
      report = platform.sweeper().sweep(subscription, Optional.ofNullable(resourceGroup), dryRun,
          running, Instant.now());
    }
    PrintWriter out = spec.commandLine().getOut();
    for (SweepReport.Entry e : report.entries()) {
      out.println(e.outcome() + "  " + e.resourceId() + "  " + e.description()
          + (e.detail() == null || e.detail().isEmpty() ? "" : "  (" + e.detail() + ")"));
    }
    boolean left = deadRuns(locks, out);
    if (report.entries().isEmpty() && !left) {
      out.println("no Gameday leftovers in subscription " + subscription
          + (resourceGroup == null ? "" : " resource group " + resourceGroup));
    }
    out.flush();
    return report.failed() || left ? ExitCodes.REVERT_INCOMPLETE : ExitCodes.OK;
  }

  /**
   * Reports each run that is not running but holds resources of this subscription with changes
   * its journal does not confirm undone, with the command that fixes it; with {@code --fix}
   * (and not {@code --dry-run}) rolls it back. Returns true when something is left.
   */
  private boolean deadRuns(LockFolder locks, PrintWriter out) {
    boolean left = false;
    String scope = ("/subscriptions/" + subscription + (resourceGroup == null ? "/"
        : "/resourceGroups/" + resourceGroup + "/")).toLowerCase(Locale.ROOT);
    for (Holder h : locks.holders()) {
      Path dir = Path.of(h.runDir());
      if (RunLiveness.probe(dir).live()) {
        continue;
      }
      List<ChangeRecorded> open;
      try {
        RunRecord record = RunRecord.read(dir);
        open = record.changes().stream().filter(ch -> record.unrestored(ch.step()).contains(ch))
            .filter(ch -> ch.resource().toLowerCase(Locale.ROOT).startsWith(scope)).toList();
      } catch (IOException e) {
        out.println("LEFT  run " + h.runId() + " holds resources but its journal cannot be read ("
            + e.getMessage() + "); see 'gameday runs', or free them with 'gameday run --force'");
        left = true;
        continue;
      }
      if (open.isEmpty()) {
        continue;
      }
      for (ChangeRecorded ch : open) {
        out.println("LEFT  " + ch.resource() + "  " + ch.change() + " was " + ch.before()
            + " before run " + h.runId() + ", which is not running; fix: gameday rollback " + dir);
      }
      if (fix && !dryRun) {
        RunResult r = RollbackCommand.rollBack(dir, Duration.ofMinutes(15), locks,
            Optional.empty(), spec.commandLine().getErr());
        out.println((r.revertFailures().isEmpty() ? "FIXED  " : "FAILED  ") + dir + "  "
            + r.summary());
        left |= !r.revertFailures().isEmpty();
      } else {
        left = true;
      }
    }
    return left;
  }
}
