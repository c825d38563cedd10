package dev.gameday.runner.cli;

import dev.gameday.azure.AzureOptions;
import dev.gameday.azure.AzurePlatform;
import dev.gameday.azure.sweep.SweepReport;
import dev.gameday.core.model.AzureSettings;
import dev.gameday.core.model.Safety;
import dev.gameday.core.port.RunClock;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gameday sweep}: finds and removes Gameday leftovers (NSG rules named gameday-*). */
@Command(name = "sweep", mixinStandardHelpOptions = true,
    description = {"Find Gameday leftovers in a subscription (NSG rules named gameday-*) and remove them,",
        "reporting each. Exit 0 when nothing is left, 5 when a removal failed."})
final class SweepCommand implements Callable<Integer> {
  @Option(names = "--subscription", required = true, description = "Subscription id.")
  String subscription;

  @Option(names = "--resource-group", description = "Only this resource group.")
  String resourceGroup;

  @Option(names = "--dry-run", description = "Only list what would be removed.")
  boolean dryRun;

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
    AzureOptions options = AzureOptions.defaults();
    SweepReport report;
    try (AzurePlatform platform = new AzurePlatform(settings, Safety.defaults(), RunClock.SYSTEM, options)) {
      report = platform.sweeper().sweep(subscription, Optional.ofNullable(resourceGroup), dryRun);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (report.entries().isEmpty()) {
      out.println("no Gameday leftovers in subscription " + subscription
          + (resourceGroup == null ? "" : " resource group " + resourceGroup));
    }
    for (SweepReport.Entry e : report.entries()) {
      out.println(e.outcome() + "  " + e.resourceId() + "  " + e.description()
          + (e.detail() == null || e.detail().isEmpty() ? "" : "  (" + e.detail() + ")"));
    }
    out.flush();
    return report.failed() ? ExitCodes.REVERT_INCOMPLETE : ExitCodes.OK;
  }
}
