package dev.gameday.runner.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gameday evidence}: evidence for auditors; its verbs are subcommands ({@code pack}). */
@Command(name = "evidence", mixinStandardHelpOptions = true,
    description = "Evidence for auditors: 'evidence pack' gathers a period's runs into one zip.",
    subcommands = EvidencePackCommand.class,
    footerHeading = "%nExamples:%n",
    footer = {"  gameday evidence pack --experiment shop-web-vm-poweroff \\",
        "      --from 2026-01-01 --to 2026-03-31 q1.zip"})
final class EvidenceCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
