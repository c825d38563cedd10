package dev.gameday.reports.analysis;

import dev.gameday.core.event.TimelineEvent.PlanRecorded;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Judges each objective of the plan against every fault step that has a platform side. In a run
 * cut short (aborted, killed, not started) a figure the run never waited for is not measured,
 * never missed: only a failed revert is then a miss.
 */
final class ObjectiveJudge {
  static final String RUN_ENDED = "the run ended before it waited for this figure";

  private ObjectiveJudge() {}

  static List<ObjectiveResult> judge(PlanRecorded plan, List<StepResult> steps,
      boolean cutShort) {
    List<ObjectiveResult> out = new ArrayList<>();
    if (plan == null) {
      return out;
    }
    plan.rto().ifPresent(l -> out.add(result(ObjectiveKind.RTO, new Measure.Time(l), steps, cutShort)));
    plan.maxApplicationGap().ifPresent(l ->
        out.add(result(ObjectiveKind.MAX_APPLICATION_GAP, new Measure.Time(l), steps, cutShort)));
    plan.maxErrorRatio().ifPresent(l ->
        out.add(result(ObjectiveKind.MAX_ERROR_RATIO, new Measure.Ratio(l), steps, cutShort)));
    plan.maxTimeToEffect().ifPresent(l ->
        out.add(result(ObjectiveKind.MAX_TIME_TO_EFFECT, new Measure.Time(l), steps, cutShort)));
    plan.rpo().ifPresent(l ->
        out.add(result(ObjectiveKind.RPO, new Measure.Time(l), steps, cutShort)));
    return out;
  }

  private static ObjectiveResult result(ObjectiveKind kind, Measure limit,
      List<StepResult> steps, boolean cutShort) {
    List<ObjectiveCheck> checks = new ArrayList<>();
    for (StepResult s : steps) {
      boolean applies = kind == ObjectiveKind.RPO ? s.figure(FigureKind.RPO).isPresent()
          : s.platformSide();
      if (applies) {
        checks.add(check(kind, limit, s, cutShort));
      }
    }
    CheckStatus status = checks.stream().anyMatch(c -> c.status() == CheckStatus.MISSED)
        ? CheckStatus.MISSED
        : checks.stream().anyMatch(c -> c.status() == CheckStatus.MET) ? CheckStatus.MET
            : CheckStatus.NOT_MEASURED;
    return new ObjectiveResult(kind, limit, status, checks);
  }

  private static ObjectiveCheck check(ObjectiveKind kind, Measure limit, StepResult s,
      boolean cutShort) {
    boolean injected = s.moments().requested().isPresent();
    if (!injected) {
      return new ObjectiveCheck(s.name(), Optional.empty(), CheckStatus.NOT_MEASURED,
          "the step did not run");
    }
    return switch (kind) {
      case RTO -> s.figure(FigureKind.DR_COPY_SERVED).isPresent()
          ? timed(s, FigureKind.DR_COPY_SERVED, limit, cutShort)
          : s.impact() ? timed(s, FigureKind.USER_VISIBLE_OUTAGE, limit, cutShort)
          : new ObjectiveCheck(s.name(), Optional.empty(), CheckStatus.MET, StepResults.NO_IMPACT);
      case MAX_APPLICATION_GAP -> s.impact()
          ? timed(s, FigureKind.APPLICATION_GAP, limit, cutShort)
          : new ObjectiveCheck(s.name(), Optional.empty(), CheckStatus.MET, StepResults.NO_IMPACT);
      case MAX_TIME_TO_EFFECT -> timed(s, FigureKind.TIME_TO_EFFECT, limit, cutShort);
      case RPO -> recoveryPoint(s, limit, cutShort);
      case MAX_ERROR_RATIO -> s.during().overall().errorRatio()
          .map(r -> judged(s, new Measure.Ratio(r), limit, s.during().overall().failures()
              + " of " + s.during().overall().samples() + " samples failed"))
          .orElseGet(() -> new ObjectiveCheck(s.name(), Optional.empty(),
              CheckStatus.NOT_MEASURED, "no probe sample while the fault was in force"));
    };
  }

  private static ObjectiveCheck timed(StepResult s, FigureKind figure, Measure limit,
      boolean cutShort) {
    Figure f = s.figure(figure).orElseThrow();
    Optional<Duration> v = f.value();
    if (v.isPresent()) {
      return judged(s, new Measure.Time(v.get()), limit, f.note());
    }
    boolean broken = !s.revertFailures().isEmpty()
        || (!cutShort && (figure == FigureKind.DR_COPY_SERVED
            || s.applicationRecovered().map(r -> !r).orElse(false)
            || s.moments().effective().isEmpty()
            || (s.impact() && s.moments().applicationRestored().isEmpty())));
    String note = broken || !cutShort ? f.note() : RUN_ENDED;
    return new ObjectiveCheck(s.name(), Optional.empty(),
        broken ? CheckStatus.MISSED : CheckStatus.NOT_MEASURED, note);
  }

  /**
   * A failover that Azure never confirmed missed its RPO: it evidences no recovery point. One that
   * ran but whose job named none (or a run cut short before it did) is not measured.
   */
  private static ObjectiveCheck recoveryPoint(StepResult s, Measure limit, boolean cutShort) {
    Figure f = s.figure(FigureKind.RPO).orElseThrow();
    if (f.value().isPresent()) {
      return judged(s, new Measure.Time(f.value().get()), limit, f.note());
    }
    boolean missed = !cutShort && s.moments().effective().isEmpty();
    return new ObjectiveCheck(s.name(), Optional.empty(),
        missed ? CheckStatus.MISSED : CheckStatus.NOT_MEASURED,
        cutShort && !missed ? RUN_ENDED : f.note());
  }

  private static ObjectiveCheck judged(StepResult s, Measure measured, Measure limit,
      String note) {
    return new ObjectiveCheck(s.name(), Optional.of(measured),
        Measure.within(measured, limit) ? CheckStatus.MET : CheckStatus.MISSED, note);
  }
}
