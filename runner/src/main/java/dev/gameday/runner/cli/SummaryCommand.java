package dev.gameday.runner.cli;

import dev.gameday.core.journal.JournalFormat;
import dev.gameday.reports.analysis.Analysis;
import dev.gameday.reports.analysis.FigureKind;
import dev.gameday.reports.analysis.RecoveryGapAnalyzer;
import dev.gameday.reports.analysis.StepResult;
import dev.gameday.reports.analysis.Durations;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gameday summary RUN_DIR...}: one line per fault step of one or more runs. */
@Command(name = "summary", mixinStandardHelpOptions = true,
    description = {"Print one line per fault step of one or more runs: time to effect and platform",
        "recovery (Azure), application gap (yours), user-visible outage, and the run's verdict."})
final class SummaryCommand implements Callable<Integer> {
  @Parameters(paramLabel = "RUN_DIR", arity = "1..*", description = "Run directories.")
  List<Path> runDirs;

  @Spec CommandSpec spec;

  private static final String ROW = "%-26s %-24s %9s %9s %9s %9s  %s%n";

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.printf(ROW, "experiment", "step", "effect", "platform", "app gap", "outage", "verdict");
    out.printf(ROW, "", "", "(Azure)", "(Azure)", "(yours)", "(shared)", "");
    int unreadable = 0;
    for (Path dir : runDirs) {
      Analysis a;
      try {
        a = new RecoveryGapAnalyzer().analyze(dir.resolve(JournalFormat.FILE_NAME));
      } catch (IOException | RuntimeException e) {
        out.printf("%-26s %s%n", dir.getFileName(), "unreadable: " + e.getMessage());
        unreadable++;
        continue;
      }
      String verdict = a.overallVerdict() + (a.objectivesMet() ? "" : " (objectives missed)");
      if (a.steps().isEmpty()) {
        out.printf(ROW, a.run().experimentName(), "(no step ran)", "", "", "", "", verdict);
      }
      for (StepResult s : a.steps()) {
        out.printf(ROW, a.run().experimentName(), s.name(), fig(s, FigureKind.TIME_TO_EFFECT),
            fig(s, FigureKind.PLATFORM_RECOVERY), fig(s, FigureKind.APPLICATION_GAP),
            fig(s, FigureKind.USER_VISIBLE_OUTAGE), verdict);
      }
    }
    out.flush();
    return unreadable == 0 ? ExitCodes.OK : ExitCodes.INVALID;
  }

  private static String fig(StepResult s, FigureKind kind) {
    Optional<Duration> d = s.value(kind);
    return d.map(Durations::human).orElse("-");
  }
}
