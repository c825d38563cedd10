package dev.gameday.reports.analysis;

import dev.gameday.core.event.RunOutcome;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Who ran what, when, and how it ended, as the journal says. {@code outcome} and {@code finished}
 * are empty for a run without {@code run.finished}.
 */
public record RunInfo(String runId, String experimentName, String title, String experimentFile,
    String experimentSha256, String toolVersion, Map<String, String> operator,
    Optional<Instant> started, Optional<Instant> finished, Optional<RunOutcome> outcome,
    String summary, Optional<String> ignoreWindowReason, Map<String, java.util.List<String>> targets,
    Optional<String> abortReason) {
  public RunInfo {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(experimentName, "experimentName");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(experimentFile, "experimentFile");
    Objects.requireNonNull(experimentSha256, "experimentSha256");
    Objects.requireNonNull(toolVersion, "toolVersion");
    operator = Collections.unmodifiableMap(new TreeMap<>(operator));
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(finished, "finished");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(ignoreWindowReason, "ignoreWindowReason");
    targets = Collections.unmodifiableMap(new TreeMap<>(targets));
    Objects.requireNonNull(abortReason, "abortReason");
  }

  /** A run the journal says nothing about (no run.started). */
  public static RunInfo unknown() {
    return new RunInfo("", "", "", "", "", "", Map.of(), Optional.empty(), Optional.empty(),
        Optional.empty(), "", Optional.empty(), Map.of(), Optional.empty());
  }
}
