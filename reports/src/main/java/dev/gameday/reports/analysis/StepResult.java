package dev.gameday.reports.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything measured for one fault step: its moments on the two timelines, the five figures
 * (empty ones say why), probe statistics while the fault was in force, the platform jobs, and the
 * reverts that failed. {@code effectiveInstant} and {@code restoredInstant} are Azure's two
 * instants with the bracket they are known within. {@code platformSide} is false for a {@code pause} step, which injects
 * nothing. {@code faultFailures} holds why the fault could not be injected, if it could not.
 */
public record StepResult(String name, String kind, String description, List<String> resources,
    boolean platformSide, Moments moments, Optional<PlatformInstant> effectiveInstant,
    Optional<PlatformInstant> restoredInstant, List<Figure> figures, WindowStats during,
    List<PlatformJob> jobs, List<RevertFailure> revertFailures, Optional<Boolean> applicationRecovered,
    String applicationRestoredSource, List<String> faultFailures) {
  public StepResult {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(description, "description");
    resources = List.copyOf(resources);
    Objects.requireNonNull(moments, "moments");
    Objects.requireNonNull(effectiveInstant, "effectiveInstant");
    Objects.requireNonNull(restoredInstant, "restoredInstant");
    figures = List.copyOf(figures);
    Objects.requireNonNull(during, "during");
    jobs = List.copyOf(jobs);
    revertFailures = List.copyOf(revertFailures);
    Objects.requireNonNull(applicationRecovered, "applicationRecovered");
    Objects.requireNonNull(applicationRestoredSource, "applicationRestoredSource");
    faultFailures = List.copyOf(faultFailures);
  }

  /** The figure of that kind, if the step has it (a pause step has only some). */
  public Optional<Figure> figure(FigureKind kind) {
    return figures.stream().filter(f -> f.kind() == kind).findFirst();
  }

  /** The measured value of that figure, if measured. */
  public Optional<java.time.Duration> value(FigureKind kind) {
    return figure(kind).flatMap(Figure::value);
  }

  /** True when probes failed after the fault was requested. */
  public boolean impact() {
    return moments.firstFailed().isPresent();
  }

  /** Every piece of evidence of the step, once each, in journal order. */
  public List<Evidence> evidence() {
    LinkedHashMap<Long, Evidence> all = new LinkedHashMap<>();
    for (Figure f : figures) {
      for (Evidence e : f.evidence()) {
        all.putIfAbsent(e.seq(), e);
      }
    }
    for (PlatformJob job : jobs) {
      for (JobTask t : job.tasks()) {
        all.putIfAbsent(t.seq(), new Evidence(t.seq(), t.started().orElse(
            moments.requested().orElse(java.time.Instant.EPOCH)), "platform.task",
            "job " + job.jobId() + ": " + t.task() + " " + t.state()
                + t.started().map(s -> ", started " + s).orElse("")
                + t.ended().map(s -> ", ended " + s).orElse("")));
      }
    }
    for (RevertFailure r : revertFailures) {
      all.putIfAbsent(r.seq(), new Evidence(r.seq(), r.at(), "revert.failed",
          r.resource() + ": " + r.reason()));
    }
    List<Evidence> out = new ArrayList<>(all.values());
    out.sort(Comparator.comparingLong(Evidence::seq));
    return out;
  }
}
