package dev.gameday.reports.analysis;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The recovery-gap analysis of one run, computed from its journal alone: run facts, one result
 * per fault step, the objectives judged, findings in plain words, probe statistics before and
 * after, a time series for charts, the verdict with its reason in one sentence, and
 * {@code problems}: what the journal could not tell (each
 * becomes a banner in the reports). {@code probeInterval} is the probes' typical interval (the
 * median of their mean intervals), against which the brackets of Azure's instants are judged.
 */
public record Analysis(RunInfo run, Verdict overallVerdict, String verdictReason,
    List<ObjectiveResult> objectives,
    List<StepResult> steps, WindowStats baseline, WindowStats after, List<Finding> findings,
    Series series, List<String> probes, List<String> problems, JournalFacts journal,
    Optional<java.time.Duration> probeInterval) {
  public Analysis {
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(overallVerdict, "overallVerdict");
    Objects.requireNonNull(verdictReason, "verdictReason");
    objectives = List.copyOf(objectives);
    steps = List.copyOf(steps);
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(after, "after");
    findings = List.copyOf(findings);
    Objects.requireNonNull(series, "series");
    probes = List.copyOf(probes);
    problems = List.copyOf(problems);
    Objects.requireNonNull(journal, "journal");
    Objects.requireNonNull(probeInterval, "probeInterval");
  }

  /** True when no objective was missed and at least the measured ones were met. */
  public boolean objectivesMet() {
    return objectives.stream().noneMatch(o -> o.status() == CheckStatus.MISSED);
  }

  public Optional<StepResult> step(String name) {
    return steps.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** What the reader saw of the journal itself. */
  public record JournalFacts(int version, long events, long lastSeq, boolean truncated,
      boolean finished) {}
}
