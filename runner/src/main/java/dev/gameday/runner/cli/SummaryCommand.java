package dev.gameday.runner.cli;

import dev.gameday.core.journal.JournalFormat;
import dev.gameday.core.redact.TerminalText;
import dev.gameday.reports.analysis.Analysis;
import dev.gameday.reports.analysis.FigureKind;
import dev.gameday.reports.analysis.RecoveryGapAnalyzer;
import dev.gameday.reports.analysis.StepResult;
import dev.gameday.reports.analysis.Durations;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gameday summary RUN_DIR...}: one line per fault step of one or more runs. */
@Command(name = "summary", mixinStandardHelpOptions = true,
    description = "Print one line per fault step of one or more runs: time to effect and platform "
        + "recovery (Azure), application gap (yours), user-visible outage, and the run's verdict.",
    footerHeading = "%nExamples:%n",
    footer = {"  gameday summary gameday-runs/*/",
        "  gameday summary gameday-runs/<run> --output json"})
final class SummaryCommand implements Callable<Integer> {
  @Parameters(paramLabel = "RUN_DIR", arity = "1..*", description = "Run directories.")
  List<Path> runDirs;

  @Mixin OutputOption output;

  @Spec CommandSpec spec;

  private static final String ROW = "%-26s %-24s %9s %9s %9s %9s  %s%n";

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    boolean json = output.json();
    List<Map<String, Object>> runs = new ArrayList<>();
    if (!json) {
      out.printf(ROW, "experiment", "step", "effect", "platform", "app gap", "outage", "verdict");
      out.printf(ROW, "", "", "(Azure)", "(Azure)", "(yours)", "(shared)", "");
    }
    int unreadable = 0;
    for (Path dir : runDirs) {
      Analysis a;
      try {
        a = new RecoveryGapAnalyzer().analyze(dir.resolve(JournalFormat.FILE_NAME));
      } catch (IOException | RuntimeException e) {
        unreadable++;
        if (json) {
          runs.add(new LinkedHashMap<>(Map.of("runDir", dir.toString(),
              "error", String.valueOf(e.getMessage()))));
        } else {
          out.printf("%-26s %s%n", dir.getFileName(), "unreadable: " + TerminalText.safe(e.getMessage()));
        }
        continue;
      }
      if (json) {
        runs.add(run(dir, a));
        continue;
      }
      String verdict = a.overallVerdict() + (a.objectivesMet() ? "" : " (objectives missed)");
      String name = TerminalText.safe(a.run().experimentName());
      if (a.steps().isEmpty()) {
        out.printf(ROW, name, "(no step ran)", "", "", "", "", verdict);
      }
      for (StepResult s : a.steps()) {
        out.printf(ROW, name, TerminalText.safe(s.name()), fig(s, FigureKind.TIME_TO_EFFECT),
            fig(s, FigureKind.PLATFORM_RECOVERY), fig(s, FigureKind.APPLICATION_GAP),
            fig(s, FigureKind.USER_VISIBLE_OUTAGE), verdict);
      }
    }
    if (json) {
      OutputOption.printJson(out, runs);
    }
    out.flush();
    return unreadable == 0 ? ExitCodes.OK : ExitCodes.INVALID;
  }

  private static Map<String, Object> run(Path dir, Analysis a) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("runDir", dir.toString());
    r.put("experiment", a.run().experimentName());
    r.put("verdict", a.overallVerdict().name());
    r.put("objectivesMet", a.objectivesMet());
    r.put("steps", a.steps().stream().map(s -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("step", s.name());
      m.put("timeToEffect", s.value(FigureKind.TIME_TO_EFFECT).orElse(null));
      m.put("platformRecovery", s.value(FigureKind.PLATFORM_RECOVERY).orElse(null));
      m.put("applicationGap", s.value(FigureKind.APPLICATION_GAP).orElse(null));
      m.put("userVisibleOutage", s.value(FigureKind.USER_VISIBLE_OUTAGE).orElse(null));
      return m;
    }).toList());
    return r;
  }

  private static String fig(StepResult s, FigureKind kind) {
    Optional<Duration> d = s.value(kind);
    return d.map(Durations::human).orElse("-");
  }
}
