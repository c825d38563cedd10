package dev.gameday.runner.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The root command: lists the verbs; each verb is its own small class. */
@Command(name = "gameday", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Chaos experiments for Azure with recovery-gap reports: what Azure did, and what your application did.",
        ""},
    footerHeading = "%nExit codes:%n",
    footer = {"  0  success (run: every objective met)",
        "  1  run completed, but an objective was missed or steady state deviated",
        "  2  invalid input or usage",
        "  3  run not started (outside the window, preflight failed, baseline not steady)",
        "  4  run aborted, and everything reverted",
        "  5  revert incomplete: something may still be injected (the output says what to do)"},
    subcommands = {
        ValidateCommand.class, PlanCommand.class, RunCommand.class, WindowsCommand.class,
        RunsCommand.class, AbortCommand.class, RollbackCommand.class, ReportCommand.class,
        VerifyCommand.class, EvidenceCommand.class, SummaryCommand.class, HistoryCommand.class, SweepCommand.class, SandboxCommand.class,
        SchemaCommand.class, CompletionCommand.class, StoreCommand.class})
final class GamedayCommand {
  @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
      description = "Show what Gameday and the Azure SDK are doing (HTTP method and path; never secrets).")
  boolean verbose;
}
