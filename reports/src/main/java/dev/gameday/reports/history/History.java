package dev.gameday.reports.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gameday.core.journal.JournalFormat;
import dev.gameday.core.journal.RunFolders;
import dev.gameday.reports.analysis.Analysis;
import dev.gameday.reports.analysis.Durations;
import dev.gameday.reports.analysis.Measure;
import dev.gameday.reports.analysis.RecoveryGapAnalyzer;
import dev.gameday.reports.history.RunSummary.StepPoint;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs of one experiment over time (monthly game days), oldest first, so a report can say
 * "application gap 40 s → 95 s since last run" and draw the trend.
 */
public final class History {
  private final List<RunSummary> runs;

  public History(List<RunSummary> runs) {
    List<RunSummary> sorted = new ArrayList<>(runs);
    sorted.sort(Comparator.comparing((RunSummary r) -> r.started().orElse(Instant.EPOCH))
        .thenComparing(RunSummary::runId));
    this.runs = List.copyOf(sorted);
  }

  /** Every run under {@code runsRoot} (up to three folders deep) of {@code experimentName}. */
  public static History load(Path runsRoot, String experimentName) throws IOException {
    List<Path> dirs = new ArrayList<>();
    for (Path dir : RunFolders.under(runsRoot)) {
      if (experimentName.equals(experimentName(dir.resolve(JournalFormat.FILE_NAME)).orElse(null))) {
        dirs.add(dir);
      }
    }
    return of(dirs);
  }

  /**
   * The runs in these run directories (each with a journal.jsonl): from each run's report.json
   * where it is current, else by analysing its journal.
   */
  public static History of(List<Path> runDirs) throws IOException {
    RecoveryGapAnalyzer analyzer = new RecoveryGapAnalyzer();
    List<RunSummary> out = new ArrayList<>();
    for (Path dir : runDirs) {
      Optional<RunSummary> reported = RunSummary.fromReport(dir);
      out.add(reported.isPresent() ? reported.get()
          : RunSummary.of(dir, analyzer.analyze(dir.resolve(JournalFormat.FILE_NAME))));
    }
    return new History(out);
  }

  /** This history with one more run (typically the run being reported). */
  public History plus(Path runDir, Analysis analysis) {
    List<RunSummary> all = new ArrayList<>(runs);
    all.removeIf(r -> r.runDir().toAbsolutePath().normalize()
        .equals(runDir.toAbsolutePath().normalize()));
    all.add(RunSummary.of(runDir, analysis));
    return new History(all);
  }

  /** The experiment of the run in {@code runDir}, from its journal's run.started line. */
  public static Optional<String> experimentOf(Path runDir) {
    return experimentName(runDir.resolve(JournalFormat.FILE_NAME));
  }

  /** The experiment name in a journal's run.started line, read without reading the rest. */
  static Optional<String> experimentName(Path journal) {
    ObjectMapper mapper = JournalFormat.mapper();
    try (BufferedReader in = Files.newBufferedReader(journal, StandardCharsets.UTF_8)) {
      in.readLine();
      String first = in.readLine();
      if (first == null) {
        return Optional.empty();
      }
      JsonNode node = mapper.readTree(first);
      return "run.started".equals(node.path("type").asText())
          ? Optional.of(node.path("experimentName").asText()) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  public List<RunSummary> runs() {
    return runs;
  }

  /** Step names across all runs, in first-seen order. */
  public List<String> stepNames() {
    Set<String> names = new LinkedHashSet<>();
    runs.forEach(r -> r.steps().forEach(s -> names.add(s.step())));
    return List.copyOf(names);
  }

  /** A plain-text table: one row per run and step. */
  public String table() {
    StringBuilder b = new StringBuilder();
    String fmt = "%-20s %-10s %-24s %9s %9s %9s %11s %9s%n";
    b.append(String.format(Locale.ROOT, fmt, "started (UTC)", "verdict", "step", "effect",
        "platform", "app gap", "outage", "errors"));
    for (RunSummary r : runs) {
      for (StepPoint p : r.steps()) {
        b.append(String.format(Locale.ROOT, fmt,
            r.started().map(s -> s.toString().substring(0, Math.min(16, s.toString().length())))
                .orElse("?"),
            r.verdict(), clip(p.step(), 24), d(p.timeToEffect()), d(p.platformRecovery()),
            d(p.applicationGap()), d(p.outage()),
            p.errorRatio().map(x -> new Measure.Ratio(x).human()).orElse("n/a")));
      }
    }
    return b.toString();
  }

  /** What changed from the run before the last to the last, per step, in words. */
  public List<String> changes() {
    List<String> out = new ArrayList<>();
    if (runs.size() < 2) {
      return out;
    }
    RunSummary last = runs.get(runs.size() - 1);
    RunSummary prev = runs.get(runs.size() - 2);
    String since = " since last run" + prev.started()
        .map(s -> " (" + s.toString().substring(0, Math.min(10, s.toString().length())) + ")")
        .orElse("");
    for (StepPoint now : last.steps()) {
      Optional<StepPoint> before = prev.step(now.step());
      if (before.isEmpty()) {
        continue;
      }
      change(out, now.step(), "application gap", before.get(), now, StepPoint::applicationGap,
          since);
      change(out, now.step(), "user-visible outage", before.get(), now, StepPoint::outage, since);
      change(out, now.step(), "platform recovery", before.get(), now,
          StepPoint::platformRecovery, since);
    }
    return out;
  }

  private static void change(List<String> out, String step, String what, StepPoint before,
      StepPoint now, Function<StepPoint, Optional<Duration>> figure, String since) {
    Optional<Duration> a = figure.apply(before);
    Optional<Duration> b = figure.apply(now);
    // Compared as shown: "3.7 s → 3.7 s" is not a change worth a line.
    if (d(a).equals(d(b))) {
      return;
    }
    out.add(step + ": " + what + " " + d(a) + " → " + d(b) + since);
  }

  private static String d(Optional<Duration> v) {
    return v.map(Durations::human).orElse("n/a");
  }

  private static String clip(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }
}
