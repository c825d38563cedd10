package dev.gameday.reports.analysis;

import static dev.gameday.reports.analysis.Durations.human;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes the findings: what happened, in plain words with the numbers, and where to look. One
 * small rule per situation; each rule reads only the finished step results and objectives.
 */
final class FindingsWriter {
  /** Impact later than this many probe intervals after the effect counts as "late". */
  private static final int LATE_INTERVALS = 3;
  private static final Duration LATE_MINIMUM = Duration.ofSeconds(5);

  private final List<StepResult> steps;
  private final List<ObjectiveResult> objectives;
  private final Optional<Duration> probeInterval;
  private final WindowStats baseline;
  private final List<String> breachedAtEnd;
  private final List<String> stopConditions;
  private final boolean cutShort;

  /** {@code cutShort}: the run ended before it could wait for the application (aborted...). */
  FindingsWriter(List<StepResult> steps, List<ObjectiveResult> objectives,
      Optional<Duration> probeInterval, WindowStats baseline, List<String> breachedAtEnd,
      List<String> stopConditions, boolean cutShort) {
    this.steps = steps;
    this.objectives = objectives;
    this.probeInterval = probeInterval;
    this.baseline = baseline;
    this.breachedAtEnd = breachedAtEnd;
    this.stopConditions = stopConditions;
    this.cutShort = cutShort;
  }

  List<Finding> findings() {
    List<Finding> out = new ArrayList<>();
    for (StepResult s : steps) {
      if (!s.platformSide() || s.moments().requested().isEmpty()) {
        continue;
      }
      faultFailed(s, out);
      timeToEffect(s, out);
      recoveryPoint(s, out);
      if (s.kind().equals("nsg.deny")) {
        nsgNewConnections(s, out);
      } else {
        noImpact(s, out);
      }
      applicationGap(s, out);
      rto(s, out);
      errorRatio(s, out);
      failoverSlowerThanRto(s, out);
      notRecovered(s, out);
      revertIncomplete(s, out);
    }
    stopConditions.forEach(c -> out.add(new Finding("stop-condition", Severity.PROBLEM,
        Owner.APPLICATION, Optional.empty(), "A stop condition ended the run", c,
        Optional.of("The run reverted every fault and stopped early; the figures after this "
            + "point are missing."), Optional.empty())));
    if (!breachedAtEnd.isEmpty()) {
      out.add(new Finding("steady-state-not-back", Severity.PROBLEM, Owner.APPLICATION,
          Optional.empty(), "Steady state was not back after the reverts",
          "When the run ended, " + plural(breachedAtEnd.size(), "probe") + " still breached "
              + "its tolerance: " + String.join(", ", breachedAtEnd) + ". Every fault had been "
              + "reverted on the platform, so the application did not come back by itself.",
          Optional.of("Check the probes' targets by hand now; then look for state that a "
              + "restart does not clear (caches, connection pools, leader election)."),
          Optional.empty()));
    }
    return out;
  }

  private Optional<Measure> limit(ObjectiveKind kind) {
    return objectives.stream().filter(o -> o.kind() == kind).map(ObjectiveResult::limit)
        .findFirst();
  }

  private Optional<Duration> limitTime(ObjectiveKind kind) {
    return limit(kind).flatMap(m -> m instanceof Measure.Time t ? Optional.of(t.value())
        : Optional.empty());
  }

  private void faultFailed(StepResult s, List<Finding> out) {
    if (!s.faultFailures().isEmpty()) {
      out.add(finding("fault-failed", Severity.PROBLEM, Owner.AZURE, s,
          "The fault could not be injected",
          s.name() + ": the fault was requested but not confirmed: "
              + String.join("; ", s.faultFailures()) + ". Nothing after this was measured.",
          "Check the identity's permissions and the target's state in the evidence below."));
    }
  }

  private void timeToEffect(StepResult s, List<Finding> out) {
    Optional<Duration> tte = s.value(FigureKind.TIME_TO_EFFECT);
    Optional<Duration> max = limitTime(ObjectiveKind.MAX_TIME_TO_EFFECT);
    if (tte.isPresent() && max.isPresent() && tte.get().compareTo(max.get()) > 0) {
      out.add(finding("time-to-effect", Severity.PROBLEM, Owner.AZURE, s,
          "Azure was slow to put the fault in force",
          "Azure confirmed " + s.name() + " " + precise(tte.get(), max.get()) + " after the "
              + "request, against an objective of " + limit(tte.get(), max.get()) + ".",
          "This is the platform's part; compare with earlier runs and the region's status."));
    }
  }

  private void recoveryPoint(StepResult s, List<Finding> out) {
    Optional<Duration> rpo = s.value(FigureKind.RPO);
    Optional<Duration> max = limitTime(ObjectiveKind.RPO);
    if (rpo.isPresent() && max.isPresent() && rpo.get().compareTo(max.get()) > 0) {
      out.add(finding("rpo-missed", Severity.PROBLEM, Owner.AZURE, s,
          "The failover would have lost more data than the RPO allows",
          s.name() + " used a recovery point " + precise(rpo.get(), max.get()) + " older than"
              + " the failover's start, against an RPO of " + limit(rpo.get(), max.get()) + ".",
          "Check the protected items' replication health and RPO in the vault, and the"
              + " recoveryPoint chosen: LatestApplicationConsistent and LatestProcessed trade"
              + " data for consistency or speed."));
    }
  }

  private void noImpact(StepResult s, List<Finding> out) {
    if (s.impact() || s.moments().effective().isEmpty()
        || s.figure(FigureKind.DR_COPY_SERVED).isPresent()) {
      return;
    }
    SampleStats d = s.during().overall();
    out.add(finding("no-impact", Severity.INFO, Owner.APPLICATION, s,
        "No impact: redundancy worked",
        "Azure confirmed " + s.name() + " (" + effectWords(s) + ") "
            + s.value(FigureKind.TIME_TO_EFFECT).map(Durations::human).orElse("?")
            + " after the request, and no probe failed while it was in force ("
            + String.format(Locale.ROOT, "%,d", d.samples()) + " samples, 0 errors).",
        null));
  }

  private void nsgNewConnections(StepResult s, List<Finding> out) {
    if (s.moments().effective().isEmpty()) {
      return;
    }
    String interval = probeInterval.map(Durations::human).orElse("?");
    Optional<Duration> tti = s.value(FigureKind.TIME_TO_IMPACT);
    String advice = "NSG rules apply to new connections only: established connections keep "
        + "flowing until they close or idle out. If the application should notice a partition "
        + "quickly, check connection-pool lifetimes and keep-alives, or set flushConnection on "
        + "the NSG for the test.";
    if (tti.isEmpty() && !s.impact()) {
      out.add(finding("nsg-no-impact", Severity.WARNING, Owner.APPLICATION, s,
          "The deny rule did not hit the application",
          "The deny rule of " + s.name() + " was in force "
              + s.value(FigureKind.TIME_TO_EFFECT).map(Durations::human).orElse("?")
              + " after the request, but no probe failed while it held (probes ran every "
              + interval + "). Either the application does not need that path, or it kept "
              + "using connections opened before the rule.",
          advice));
      return;
    }
    Duration late = probeInterval.map(i -> i.multipliedBy(LATE_INTERVALS)).orElse(LATE_MINIMUM);
    if (late.compareTo(LATE_MINIMUM) < 0) {
      late = LATE_MINIMUM;
    }
    if (tti.isPresent() && tti.get().compareTo(late) > 0) {
      out.add(finding("nsg-late-impact", Severity.WARNING, Owner.APPLICATION, s,
          "The partition hit the application late",
          "The deny rule of " + s.name() + " was in force, but the first probe failed only "
              + human(tti.get()) + " later, although probes ran every " + interval + ".",
          advice));
    }
  }

  private void applicationGap(StepResult s, List<Finding> out) {
    Optional<Duration> gap = s.value(FigureKind.APPLICATION_GAP);
    if (gap.isEmpty()) {
      return;
    }
    Optional<Duration> platform = s.value(FigureKind.PLATFORM_RECOVERY);
    Optional<Duration> max = limitTime(ObjectiveKind.MAX_APPLICATION_GAP);
    if (gap.get().isNegative() || gap.get().isZero()) {
      out.add(ahead(s, gap.get()));
      return;
    }
    boolean missed = max.isPresent() && gap.get().compareTo(max.get()) > 0;
    StringBuilder text = new StringBuilder("Azure reported ").append(restoreWords(s));
    platform.ifPresent(p -> text.append(' ').append(human(p)).append(" after the ")
        .append(revertWords(s)).append(" request"));
    String gapText = max.map(m -> precise(gap.get(), m)).orElse(human(gap.get()));
    text.append("; the application needed ").append(gapText)
        .append(" more before the probes succeeded again — an application gap of ")
        .append(gapText);
    max.ifPresent(m -> text.append(" against an objective of ").append(limit(gap.get(), m)));
    text.append('.');
    s.value(FigureKind.USER_VISIBLE_OUTAGE).ifPresent(o -> text.append(" Users saw errors for ")
        .append(human(o)).append(" in all."));
    out.add(finding("application-gap",
        missed ? Severity.PROBLEM : max.isPresent() ? Severity.INFO : Severity.WARNING,
        Owner.APPLICATION, s, "The impact outlasted the platform outage", text.toString(),
        gapAdvice(s)));
  }

  /**
   * The application served again before Azure reported the platform restored. Before the revert
   * was even requested, something else carried the load; after it, the platform's instant is a
   * confirmation that came after the change already took effect.
   */
  private static Finding ahead(StepResult s, Duration gap) {
    boolean beforeRevert = s.moments().applicationRestored().isPresent()
        && s.moments().revertRequested().isPresent()
        && s.moments().applicationRestored().get().isBefore(s.moments().revertRequested().get());
    if (beforeRevert || family(s).equals("other")) {
      return finding("application-ahead", Severity.INFO, Owner.APPLICATION, s,
          "The application recovered before the platform",
          "The application served again " + human(gap.negated()) + " before Azure reported "
              + restoreWords(s) + (beforeRevert ? ", before the revert was even requested" : "")
              + ": it did not wait for the platform (failover or a redundant instance carried "
              + "the load).", null);
    }
    return finding("confirmation-lag", Severity.INFO, Owner.AZURE, s,
        "Azure confirmed the restore after the application was back",
        "The probes succeeded again " + human(gap.negated()) + " before Azure reported "
            + restoreWords(s) + ", and after the " + revertWords(s) + " request. "
            + switch (family(s)) {
              case "nsg" -> "The rule stopped applying before ARM reported its deletion "
                  + "complete: ";
              case "vm" -> "The VM served before its power state read running: ";
              default -> "The recovery site served before the failover job finished: ";
            }
            + "the platform's instant is a confirmation that lags the change, not its cause. "
            + "The negative gap is this confirmation lag, not redundancy in the application.",
        null);
  }

  private void rto(StepResult s, List<Finding> out) {
    Optional<Duration> outage = s.value(FigureKind.USER_VISIBLE_OUTAGE);
    Optional<Duration> rto = limitTime(ObjectiveKind.RTO);
    if (outage.isPresent() && rto.isPresent() && outage.get().compareTo(rto.get()) > 0) {
      out.add(finding("rto-missed", Severity.PROBLEM, Owner.SHARED, s,
          "The outage was longer than the RTO",
          "Users saw errors for " + precise(outage.get(), rto.get()) + " during " + s.name()
              + " (from "
              + s.moments().firstFailed().map(Object::toString).orElse("?") + " to "
              + s.moments().applicationRestored().map(Object::toString).orElse("?")
              + "), against an RTO of " + limit(outage.get(), rto.get()) + ". Of that, "
              + s.value(FigureKind.PLATFORM_RECOVERY).map(Durations::human).orElse("?")
              + " was the platform's recovery and "
              + s.value(FigureKind.APPLICATION_GAP).map(Durations::human).orElse("?")
              + " the application's gap.",
          "Shorten whichever part is larger: the platform's (Azure) or the application's."));
    }
  }

  private void errorRatio(StepResult s, List<Finding> out) {
    Optional<Double> ratio = s.during().overall().errorRatio();
    Optional<Measure> max = limit(ObjectiveKind.MAX_ERROR_RATIO);
    if (ratio.isEmpty() || max.isEmpty() || !(max.get() instanceof Measure.Ratio m)
        || ratio.get() <= m.value()) {
      return;
    }
    SampleStats d = s.during().overall();
    out.add(finding("error-ratio", Severity.PROBLEM, Owner.APPLICATION, s,
        "Too many requests failed while the fault was in force",
        String.format(Locale.ROOT, "While %s was in force, %s of probe samples failed (%,d of %,d),"
                + " against an objective of %s. Baseline: %s.", s.name(),
            Measure.judged(new Measure.Ratio(ratio.get()), m).measured(),
            d.failures(), d.samples(), Measure.judged(new Measure.Ratio(ratio.get()), m).limit(),
            baseline.overall().errorRatio().map(r -> new Measure.Ratio(r).human())
                .orElse("no samples")),
        "Retries with backoff, a second instance behind the load balancer, or a faster health "
            + "probe lower the error ratio."));
  }

  private void failoverSlowerThanRto(StepResult s, List<Finding> out) {
    Optional<Duration> rto = limitTime(ObjectiveKind.RTO);
    if (rto.isEmpty() || !s.kind().startsWith("siteRecovery")) {
      return;
    }
    for (PlatformJob job : s.jobs()) {
      Optional<Duration> d = job.duration();
      if (d.isPresent() && d.get().compareTo(rto.get()) > 0) {
        String longest = job.tasks().stream().filter(t -> t.duration().isPresent())
            .max(java.util.Comparator.comparing(t -> t.duration().get()))
            .map(t -> "; the longest task was \"" + t.task() + "\" (" + human(t.duration().get())
                + ")").orElse("");
        out.add(finding("failover-slower-than-rto", Severity.PROBLEM, Owner.AZURE, s,
            "The failover job alone was slower than the RTO",
            "Site Recovery job " + job.jobId() + " ran for " + precise(d.get(), rto.get())
                + " by Azure's own task times, against an RTO of " + limit(d.get(), rto.get())
                + longest + ". The "
                + "platform cannot meet the objective whatever the application does.",
            "Check the recovery plan's groups and scripts, the recovery point type, and the VM "
                + "sizes in the recovery region; or agree a longer RTO."));
      }
    }
  }

  private void notRecovered(StepResult s, List<Finding> out) {
    boolean said = s.applicationRecovered().map(r -> !r).orElse(false);
    boolean derived = !cutShort && s.impact() && s.moments().applicationRestored().isEmpty()
        && s.revertFailures().isEmpty() && s.moments().platformRestored().isPresent();
    if (said || derived) {
      out.add(finding("application-not-recovered", Severity.PROBLEM, Owner.APPLICATION, s,
          "The application did not come back",
          "After " + s.name() + " was reverted and Azure reported " + restoreWords(s)
              + ", the probes did not hold steady state again"
              + (said ? " within the step's recovery timeout." : " before the step ended."),
          "Look at what a restart does not reset: caches, connection pools, leader election, "
              + "DNS or Front Door health."));
    }
  }

  private void revertIncomplete(StepResult s, List<Finding> out) {
    for (RevertFailure r : s.revertFailures()) {
      out.add(new Finding("revert-incomplete", Severity.PROBLEM, Owner.AZURE,
          Optional.of(s.name()), "A revert was left incomplete",
          "The revert of " + s.name() + " on " + r.resource() + " did not complete: " + r.reason()
              + ". The fault may still be in force.",
          Optional.of("Run the command below by hand, then check the resource in the portal."),
          Optional.of(r.manualCommand())));
    }
  }

  private static String precise(Duration measured, Duration limit) {
    return Measure.judged(measured, limit).measured();
  }

  private static String limit(Duration measured, Duration limit) {
    return Measure.judged(measured, limit).limit();
  }

  private static Finding finding(String code, Severity severity, Owner owner, StepResult s,
      String title, String text, String advice) {
    return new Finding(code, severity, owner, Optional.of(s.name()), title, text,
        Optional.ofNullable(advice), Optional.empty());
  }

  private static String effectWords(StepResult s) {
    return switch (family(s)) {
      case "vm" -> "the VM stopped";
      case "nsg" -> "the deny rule in force";
      case "asr" -> "the failover running";
      default -> "the fault in force";
    };
  }

  private static String restoreWords(StepResult s) {
    return switch (family(s)) {
      case "vm" -> "the VM running";
      case "nsg" -> "the deny rule removed";
      case "asr" -> "the failover job succeeded";
      default -> "the platform restored";
    };
  }

  private static String revertWords(StepResult s) {
    return switch (family(s)) {
      case "vm" -> "start";
      case "nsg" -> "rule deletion";
      case "asr" -> "failover";
      default -> "revert";
    };
  }

  private static String gapAdvice(StepResult s) {
    return switch (family(s)) {
      case "vm" -> "Look at warm-up and the health-probe interval: how long the application "
          + "takes to serve after boot, and how long the load balancer waits before it sends the "
          + "instance traffic again.";
      case "nsg" -> "Look at retry back-off and connection pools that keep failing after the "
          + "network is back, and at circuit breakers that stay open.";
      case "asr" -> "Look at DNS or Front Door health probes, warm-up in the recovery region, "
          + "and data that the application must reload.";
      default -> "Look at what the application does between the platform being back and "
          + "serving users: warm-up, health probes, retries.";
    };
  }

  private static String family(StepResult s) {
    if (s.kind().startsWith("vm.")) {
      return "vm";
    }
    if (s.kind().startsWith("nsg.")) {
      return "nsg";
    }
    if (s.kind().startsWith("siteRecovery.")) {
      return "asr";
    }
    return "other";
  }

  private static String plural(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
