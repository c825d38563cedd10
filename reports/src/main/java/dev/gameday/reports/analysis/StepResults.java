package dev.gameday.reports.analysis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Turns what was seen of a step into its {@link StepResult}: the moments and the five figures. */
final class StepResults {
  private StepResults() {}

  static StepResult build(StepState s) {
    Optional<PlatformInstant> effective = PlatformInstants.effective(s);
    Optional<Evidence> restoreEvidence = platformRestore(s);
    Optional<PlatformInstant> restored = restoreEvidence.flatMap(e -> PlatformInstants.restored(s,
        effective));
    Optional<Restore> restore = restoreEvidence.flatMap(e -> restored.map(r -> new Restore(e, r)));
    AppRestore app = applicationRestore(s);
    Moments moments = new Moments(at(s.requested), at(s.changeRequested),
        effective.map(PlatformInstant::at), at(s.firstFailed), at(s.revertRequested),
        restored.map(PlatformInstant::at), app.evidence().map(Evidence::at),
        Optional.ofNullable(s.start), Optional.ofNullable(s.end));
    List<Figure> figures = new ArrayList<>(s.platformSide()
        ? List.of(timeToEffect(s, effective), timeToImpact(s, effective),
            platformRecovery(s, restore), applicationGap(s, restore, app), outage(s, app))
        : List.of(outage(s, app)));
    if (s.testFailover() && s.drCopyProbed) {
      figures.add(drCopyServed(s));
    }
    if (FAILOVER.equals(s.kind)) {
      figures.add(RecoveryPoints.figure(s));
      RecoveryPoints.stated(s).ifPresent(figures::add);
    }
    List<PlatformJob> jobs = new ArrayList<>();
    s.jobs.forEach((id, tasks) -> jobs.add(new PlatformJob(id, List.copyOf(tasks.values()))));
    Optional<Boolean> recovered = s.appRecovered == null ? Optional.empty()
        : Optional.of(s.appRecovered.recovered());
    return new StepResult(s.name, s.kind, s.description, List.copyOf(s.resources),
        s.platformSide(), moments, effective, restored, figures, s.during.stats(), jobs,
        s.revertFailures, recovered, app.source(), s.faultFailures);
  }

  /** The platform restore: the journal line that completed it and its instant. */
  private record Restore(Evidence evidence, PlatformInstant instant) {
    Instant at() {
      return instant.at();
    }
  }

  private record AppRestore(Optional<Evidence> evidence, String source) {}

  private static Optional<Instant> at(Evidence e) {
    return Optional.ofNullable(e).map(Evidence::at);
  }

  /** The journal line of the last resource restored, once every resource is. */
  private static Optional<Evidence> platformRestore(StepState s) {
    if (!s.platformRestoredComplete()) {
      return Optional.empty();
    }
    return s.restored.values().stream().max(Comparator.comparing(Evidence::at));
  }

  /** Words for a step in which no probe answered badly; missed ticks are not answers. */
  static final String NO_IMPACT = "no user-visible impact: no probe answered badly";

  private static AppRestore applicationRestore(StepState s) {
    if (s.firstFailed == null) {
      // No failure, no outage: the runner's app.recovered only says when it last checked.
      return new AppRestore(Optional.empty(), "none");
    }
    if (s.appRecovered != null) {
      if (!s.appRecovered.recovered()) {
        return new AppRestore(Optional.empty(), "app.recovered: not recovered in time");
      }
      Instant since = s.appRecovered.since().orElse(s.appRecovered.at().utc());
      return new AppRestore(Optional.of(new Evidence(s.appRecoveredEvidence.seq(), since,
          "app.recovered", s.appRecoveredEvidence.detail())), "app.recovered");
    }
    if (s.steadyRestore != null) {
      return new AppRestore(Optional.of(s.steadyRestore), "steady.changed");
    }
    if (s.firstFailed != null && !s.lastFailure.isEmpty()
        && s.firstOkAfterFailure.keySet().containsAll(s.lastFailure.keySet())) {
      return new AppRestore(s.firstOkAfterFailure.values().stream()
          .max(Comparator.comparing(Evidence::at)), "probe.sample");
    }
    return new AppRestore(Optional.empty(), "none");
  }

  private static List<Evidence> list(Evidence... items) {
    List<Evidence> out = new ArrayList<>();
    for (Evidence e : items) {
      if (e != null) {
        out.add(e);
      }
    }
    return out;
  }

  private static Figure timeToEffect(StepState s, Optional<PlatformInstant> effective) {
    List<Evidence> ev = list(s.requested, s.changeRequested);
    ev.addAll(s.injectOperations);
    if (s.effective != null) {
      ev.add(s.effective);
    }
    ev.addAll(s.faultFailureEvidence);
    if (s.requested == null) {
      return Figure.missing(FigureKind.TIME_TO_EFFECT, "the fault was never requested", ev);
    }
    if (effective.isEmpty()) {
      return Figure.missing(FigureKind.TIME_TO_EFFECT, s.faultFailures.isEmpty()
          ? "Azure never confirmed the fault"
          : "the fault failed: " + String.join("; ", s.faultFailures), ev);
    }
    Evidence from = s.effectFrom();
    return Figure.measured(FigureKind.TIME_TO_EFFECT,
        Duration.between(from.at(), effective.get().at()),
        fromChange("the request", "the request that changed Azure", s.requested,
            s.changeRequested) + " to Azure's confirmation ("
            + s.effective.detail() + stated(effective.get()) + ")", ev);
  }

  /**
   * Where a figure of Azure's starts: at the request that changed Azure ({@code call}) when the
   * journal shows it, with Gameday's own look-ups since {@code asked} named; else at {@code
   * asked} ({@code what} names it).
   */
  private static String fromChange(String what, String call, Evidence asked, Evidence changed) {
    return changed == null ? "from " + what
        : "from " + call + " (Gameday's own look-ups before it took "
            + Durations.human(Duration.between(asked.at(), changed.at())) + ")";
  }

  /** Where Azure's own time was used for an instant, which one. */
  private static String stated(PlatformInstant i) {
    return i.source() == PlatformInstant.Source.AZURE ? "; at Azure's own time: " + i.basis()
        : "";
  }

  private static Figure timeToImpact(StepState s, Optional<PlatformInstant> effective) {
    List<Evidence> ev = list(s.effective, s.firstFailed);
    if (s.firstFailed == null) {
      return Figure.missing(FigureKind.TIME_TO_IMPACT, effective.isEmpty()
          ? "no fault in force and " + NO_IMPACT
          : NO_IMPACT + " while the fault was in force: redundancy worked", ev);
    }
    if (effective.isEmpty()) {
      return Figure.missing(FigureKind.TIME_TO_IMPACT,
          "probes failed, but Azure never confirmed the fault", ev);
    }
    Duration d = Duration.between(effective.get().at(), s.firstFailed.at());
    return Figure.measured(FigureKind.TIME_TO_IMPACT, d, d.isNegative()
        ? "the probes failed before Azure confirmed the fault"
        : "from Azure's confirmation to the first failed probe", ev);
  }

  static final String FAILOVER = "siteRecovery.failover";

  private static Figure platformRecovery(StepState s, Optional<Restore> restore) {
    List<Evidence> ev = list(s.revertRequested);
    ev.addAll(s.revertOperations);
    ev.addAll(s.restored.values());
    ev.addAll(s.health);
    if (FAILOVER.equals(s.kind) && s.requested != null && restore.isPresent()) {
      // For a failover the failover job is the recovery: Azure's part runs from the request
      // that started it (after Gameday's look-ups) to the job's success, whatever happens at
      // the revert (cleanup or commit) afterwards.
      Evidence from = s.effectFrom();
      ev.add(0, from);
      return Figure.measured(FigureKind.PLATFORM_RECOVERY,
          Duration.between(from.at(), restore.get().at()),
          "from the failover request to the failover job's success (" + restore.get().evidence()
              .detail() + stated(restore.get().instant()) + ")", ev);
    }
    if (s.revertRequested == null) {
      return Figure.missing(FigureKind.PLATFORM_RECOVERY, "the fault was never reverted", ev);
    }
    if (!s.revertFailures.isEmpty()) {
      return Figure.missing(FigureKind.PLATFORM_RECOVERY, "the revert failed on "
          + String.join(", ", s.revertFailures.stream().map(RevertFailure::resource).toList()), ev);
    }
    if (restore.isEmpty()) {
      return Figure.missing(FigureKind.PLATFORM_RECOVERY,
          "Azure never reported every resource restored", ev);
    }
    Evidence from = s.restoreFrom();
    return Figure.measured(FigureKind.PLATFORM_RECOVERY,
        Duration.between(from.at(), restore.get().at()),
        fromChange("the revert request", "the revert's request that changed Azure",
            s.revertRequested, s.revertSent)
            + " to the last resource restored (" + restore.get().evidence().detail()
            + stated(restore.get().instant()) + ")", ev);
  }

  private static Figure applicationGap(StepState s, Optional<Restore> restore, AppRestore app) {
    List<Evidence> ev = new ArrayList<>();
    restore.map(Restore::evidence).ifPresent(ev::add);
    app.evidence().ifPresent(ev::add);
    if (s.firstFailed == null) {
      return Figure.missing(FigureKind.APPLICATION_GAP, NO_IMPACT, ev);
    }
    if (restore.isEmpty()) {
      return Figure.missing(FigureKind.APPLICATION_GAP, "the platform was not restored", ev);
    }
    if (app.evidence().isEmpty()) {
      return Figure.missing(FigureKind.APPLICATION_GAP, "the application did not recover", ev);
    }
    Duration d = Duration.between(restore.get().at(), app.evidence().get().at());
    return Figure.measured(FigureKind.APPLICATION_GAP, d, d.isNegative()
        ? "the application was serving again before Azure reported the platform restored"
        : "from the platform restored to the application serving again", ev);
  }

  private static Figure drCopyServed(StepState s) {
    List<Evidence> ev = list(s.requested, s.drCopyServed);
    if (s.requested == null || s.drCopyServed == null) {
      return Figure.missing(FigureKind.DR_COPY_SERVED,
          "no probe of the DR copy (a probe without a baseline) answered well", ev);
    }
    return Figure.measured(FigureKind.DR_COPY_SERVED,
        Duration.between(s.requested.at(), s.drCopyServed.at()),
        "from the test failover request to the DR copy's first good answer", ev);
  }

  private static Figure outage(StepState s, AppRestore app) {
    List<Evidence> ev = list(s.firstFailed);
    app.evidence().ifPresent(ev::add);
    if (s.firstFailed == null) {
      return Figure.missing(FigureKind.USER_VISIBLE_OUTAGE, NO_IMPACT, ev);
    }
    if (app.evidence().isEmpty()) {
      return Figure.missing(FigureKind.USER_VISIBLE_OUTAGE,
          "the application did not recover", ev);
    }
    return Figure.measured(FigureKind.USER_VISIBLE_OUTAGE,
        Duration.between(s.firstFailed.at(), app.evidence().get().at()),
        "from the first failed probe to the application serving again", ev);
  }
}
