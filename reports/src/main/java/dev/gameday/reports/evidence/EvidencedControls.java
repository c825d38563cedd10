package dev.gameday.reports.evidence;

import dev.gameday.core.audit.ControlCatalogue;
import dev.gameday.core.model.Audit;
import dev.gameday.reports.analysis.Analysis;
import dev.gameday.reports.analysis.CheckStatus;
import dev.gameday.reports.analysis.StepResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a run evidences for an auditor: the experiment's {@code audit:} metadata as journaled,
 * and the controls of {@link ControlCatalogue} its completed fault steps (injected, and reverted
 * without a failed revert) and judged objectives (met or missed) speak to, plus those its author
 * declared; an aborted run claims only what it finished. One source for report.html, report.json, report.pdf and the
 * evidence pack's index.
 */
public record EvidencedControls(Optional<Audit> audit, List<ControlCatalogue.Evidenced> controls) {
  public EvidencedControls {
    controls = List.copyOf(controls);
  }

  /** Of the run whose journal is {@code journal}, already analyzed as {@code a}. */
  public static EvidencedControls of(Path journal, Analysis a) throws IOException {
    Optional<Audit> audit = Files.isRegularFile(journal) ? RunFacts.read(journal).audit()
        : Optional.empty();
    Map<String, String> completed = new LinkedHashMap<>();
    a.steps().stream().filter(EvidencedControls::completed)
        .forEach(s -> completed.put(s.name(), s.kind()));
    Set<String> judged = new LinkedHashSet<>();
    a.objectives().stream().filter(o -> o.status() != CheckStatus.NOT_MEASURED)
        .forEach(o -> judged.add(o.kind().key()));
    return new EvidencedControls(audit, ControlCatalogue.evidencedBy(completed, judged,
        audit.map(x -> Set.copyOf(x.controls())).orElse(Set.of()),
        a.run().ignoreWindowReason().isEmpty()));
  }

  /** Injected, and reverted without a failed revert (a pause step: run). */
  private static boolean completed(StepResult s) {
    return s.moments().requested().isPresent() && s.revertFailures().isEmpty()
        && (!s.platformSide() || s.moments().revertRequested().isPresent());
  }

  /** The ids of the controls, in catalogue order. */
  public List<String> ids() {
    return controls.stream().map(e -> e.control().id()).toList();
  }
}
