package dev.gameday.runner.cli;

import dev.gameday.core.redact.TerminalText;
import java.util.Arrays;
import picocli.CommandLine;

/** The {@code gameday} command line. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the CLI and returns its exit code (tests call this rather than {@link #main}). */
  public static int run(String... args) {
    boolean verbose = Arrays.asList(args).contains("-v") || Arrays.asList(args).contains("--verbose");
    configureLogging(verbose);
    return commandLine(verbose).execute(args);
  }

  /** The configured command line, quiet about stack traces. */
  public static CommandLine commandLine() {
    return commandLine(false);
  }

  /**
   * The configured command line: typed errors become one line and their exit code; anything else
   * is Gameday's own failure (exit 70), one line too, with the stack trace only when
   * {@code verbose}.
   */
  public static CommandLine commandLine(boolean verbose) {
    CommandLine cli = new CommandLine(new GamedayCommand());
    // Help wraps to the terminal's width (80 columns when it cannot tell).
    cli.setUsageHelpAutoWidth(true);
    cli.setExecutionExceptionHandler((e, line, parsed) -> {
      if (e instanceof GamedayException g) {
        line.getErr().println("gameday: " + TerminalText.safe(g.getMessage()));
        return g.exitCode();
      }
      line.getErr().println("gameday: internal error: " + TerminalText.safe(e.toString())
          + (verbose ? "" : " (run again with -v for the stack trace, and please report it)"));
      if (verbose) {
        e.printStackTrace(line.getErr());
      }
      return ExitCodes.INTERNAL;
    });
    cli.setParameterExceptionHandler((e, args) -> {
      CommandLine c = e.getCommandLine();
      c.getErr().println("gameday: " + e.getMessage());
      CommandLine.UnmatchedArgumentException.printSuggestions(e, c.getErr());
      c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
      return ExitCodes.INVALID;
    });
    return cli;
  }

  /**
   * SLF4J's simple backend reads its level once: set before the first logger exists. Verbose shows
   * what Gameday and the Azure SDK do (HTTP method and path; never tokens or secret headers).
   */
  static void configureLogging(boolean verbose) {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "warn");
    System.setProperty("org.slf4j.simpleLogger.log.dev.gameday", verbose ? "debug" : "info");
    // The SDK's HTTP client warns about headers it manages itself; only errors matter here.
    System.setProperty("org.slf4j.simpleLogger.log.com.azure", verbose ? "debug" : "error");
    // The PDF renderer: font fallbacks and timings are its business, not the operator's.
    System.setProperty("org.slf4j.simpleLogger.log.org.apache.pdfbox", verbose ? "debug" : "error");
    System.setProperty("org.slf4j.simpleLogger.log.com.openhtmltopdf", verbose ? "debug" : "error");
    System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
    System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
    System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
    System.setProperty("org.slf4j.simpleLogger.showShortLogName", "true");
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    if (verbose) {
      // The Azure SDK logs through SLF4J too; headers stay out of its HTTP log.
      System.setProperty("AZURE_LOG_LEVEL", "verbose");
    }
  }
}
