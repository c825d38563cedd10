package dev.gameday.reports.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gameday.core.journal.JournalFormat;
import dev.gameday.reports.analysis.Analysis;
import dev.gameday.reports.analysis.FigureKind;
import dev.gameday.reports.analysis.StepResult;
import dev.gameday.reports.analysis.Verdict;
import dev.gameday.reports.render.JsonReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** One earlier (or the current) run of an experiment, reduced to the figures history compares. */
public record RunSummary(Path runDir, String runId, Optional<Instant> started, Verdict verdict,
    List<StepPoint> steps) {
  public RunSummary {
    Objects.requireNonNull(runDir, "runDir");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(verdict, "verdict");
    steps = List.copyOf(steps);
  }

  /** The figures of one step in one run. */
  public record StepPoint(String step, Optional<Duration> timeToEffect,
      Optional<Duration> platformRecovery, Optional<Duration> applicationGap,
      Optional<Duration> outage, Optional<Double> errorRatio) {}

  public static RunSummary of(Path runDir, Analysis a) {
    List<StepPoint> points = a.steps().stream().filter(StepResult::platformSide)
        .map(s -> new StepPoint(s.name(), s.value(FigureKind.TIME_TO_EFFECT),
            s.value(FigureKind.PLATFORM_RECOVERY), s.value(FigureKind.APPLICATION_GAP),
            s.value(FigureKind.USER_VISIBLE_OUTAGE), s.during().overall().errorRatio()))
        .toList();
    return new RunSummary(runDir, a.run().runId(), a.run().started(), a.overallVerdict(), points);
  }

  /**
   * A run's summary as its report states it, with the name of the run's experiment. As bytes
   * ({@link #toJson}) it is what a run store keeps of a finished run for {@code history}: one
   * line of JSON, durations in nanoseconds, absent figures left out (pinned by a golden file).
   * {@code journalBytes} is the length of the journal the summary tells of, when known (a store
   * records it, so that a longer journal elsewhere is not summed up by an older report).
   */
  public record Reported(String experimentName, RunSummary summary, Optional<Long> journalBytes) {
    /** The version of the bytes {@link #toJson} writes; other versions are not read. */
    public static final int VERSION = 1;

    public Reported(String experimentName, RunSummary summary) {
      this(experimentName, summary, Optional.empty());
    }

    /** This summary, of a journal of {@code bytes}. */
    public Reported ofJournal(long bytes) {
      return new Reported(experimentName, summary, Optional.of(bytes));
    }

    public byte[] toJson() {
      ObjectNode root = JournalFormat.mapper().createObjectNode();
      root.put("summaryVersion", VERSION);
      root.put("experiment", experimentName);
      root.put("runId", summary.runId());
      summary.started().ifPresent(s -> root.put("started", s.toString()));
      root.put("verdict", summary.verdict().name());
      journalBytes.ifPresent(b -> root.put("journalBytes", b));
      ArrayNode steps = root.putArray("steps");
      for (StepPoint p : summary.steps()) {
        ObjectNode step = steps.addObject();
        step.put("step", p.step());
        p.timeToEffect().ifPresent(d -> step.put("timeToEffectNanos", d.toNanos()));
        p.platformRecovery().ifPresent(d -> step.put("platformRecoveryNanos", d.toNanos()));
        p.applicationGap().ifPresent(d -> step.put("applicationGapNanos", d.toNanos()));
        p.outage().ifPresent(d -> step.put("outageNanos", d.toNanos()));
        p.errorRatio().ifPresent(r -> step.put("errorRatio", r));
      }
      try {
        return JournalFormat.mapper().writeValueAsBytes(root);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    /** The summary {@link #toJson} wrote, of the run in {@code runDir}; empty when unreadable. */
    public static Optional<Reported> fromJson(byte[] json, Path runDir) {
      try {
        JsonNode root = JournalFormat.mapper().readTree(json);
        if (root.path("summaryVersion").asInt() != VERSION) {
          return Optional.empty();
        }
        List<StepPoint> points = new ArrayList<>();
        for (JsonNode step : root.path("steps")) {
          points.add(new StepPoint(step.path("step").asText(), nanos(step, "timeToEffectNanos"),
              nanos(step, "platformRecoveryNanos"), nanos(step, "applicationGapNanos"),
              nanos(step, "outageNanos"), step.path("errorRatio").isNumber()
                  ? Optional.of(step.path("errorRatio").asDouble()) : Optional.empty()));
        }
        return Optional.of(new Reported(root.path("experiment").asText(), new RunSummary(runDir,
            root.path("runId").asText(), root.path("started").isTextual()
                ? Optional.of(Instant.parse(root.path("started").asText())) : Optional.empty(),
            Verdict.valueOf(root.path("verdict").asText()), points),
            root.path("journalBytes").isIntegralNumber()
                ? Optional.of(root.path("journalBytes").asLong()) : Optional.empty()));
      } catch (IOException | RuntimeException e) {
        return Optional.empty();
      }
    }

    private static Optional<Duration> nanos(JsonNode step, String field) {
      return step.path(field).isIntegralNumber() ? Optional.of(Duration.ofNanos(
          step.path(field).asLong())) : Optional.empty();
    }
  }

  /**
   * The summary as the run's own {@code report.json} states it, so history need not analyse every
   * earlier journal again. Empty, so the caller analyses the journal, when there is no
   * report.json, when it is older than the journal (a rollback appended to it since), or when it
   * is of another report version or cannot be read.
   */
  public static Optional<RunSummary> fromReport(Path runDir) {
    return reportIsCurrent(runDir)
        ? readReport(runDir.resolve("report.json"), runDir).map(Reported::summary)
        : Optional.empty();
  }

  /** Whether {@code runDir} has a report.json written since its journal last changed. */
  public static boolean reportIsCurrent(Path runDir) {
    Path report = runDir.resolve("report.json");
    Path journal = runDir.resolve(JournalFormat.FILE_NAME);
    try {
      return Files.isRegularFile(report) && Files.isRegularFile(journal)
          && Files.getLastModifiedTime(report).compareTo(Files.getLastModifiedTime(journal)) >= 0;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The summary {@code report} (a report.json) states for the run in {@code runDir}, whatever
   * the journal beside it says; empty when it is of another report version or cannot be read.
   */
  public static Optional<Reported> readReport(Path report, Path runDir) {
    try {
      JsonNode root = JournalFormat.mapper().readTree(report.toFile());
      if (root.path("reportVersion").asInt() != JsonReport.REPORT_VERSION) {
        return Optional.empty();
      }
      JsonNode run = root.path("run");
      Optional<Instant> started = run.path("started").isTextual()
          ? Optional.of(Instant.parse(run.path("started").asText())) : Optional.empty();
      List<StepPoint> points = new ArrayList<>();
      for (JsonNode step : root.path("steps")) {
        if (!step.path("platformSide").asBoolean()) {
          continue;
        }
        Map<String, Duration> figures = new HashMap<>();
        for (JsonNode f : step.path("figures")) {
          if (f.path("seconds").isNumber()) {
            figures.put(f.path("figure").asText(),
                Duration.ofNanos(Math.round(f.path("seconds").asDouble() * 1e9)));
          }
        }
        JsonNode ratio = step.path("during").path("overall").path("errorRatio");
        points.add(new StepPoint(step.path("name").asText(),
            figure(figures, FigureKind.TIME_TO_EFFECT), figure(figures, FigureKind.PLATFORM_RECOVERY),
            figure(figures, FigureKind.APPLICATION_GAP),
            figure(figures, FigureKind.USER_VISIBLE_OUTAGE),
            ratio.isNumber() ? Optional.of(ratio.asDouble()) : Optional.empty()));
      }
      return Optional.of(new Reported(run.path("experimentName").asText(),
          new RunSummary(runDir, run.path("runId").asText(), started,
              Verdict.valueOf(root.path("verdict").asText()), points)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<Duration> figure(Map<String, Duration> figures, FigureKind kind) {
    return Optional.ofNullable(figures.get(kind.key()));
  }

  public Optional<StepPoint> step(String name) {
    return steps.stream().filter(p -> p.step().equals(name)).findFirst();
  }
}
