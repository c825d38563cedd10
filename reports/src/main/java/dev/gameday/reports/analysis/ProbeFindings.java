package dev.gameday.reports.analysis;

import static dev.gameday.reports.analysis.Durations.human;

import dev.gameday.core.event.MissedTick;
import dev.gameday.core.event.TimelineEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Findings about the probes themselves: ticks on which they sent nothing (not observations, so
 * reported apart with their likely cause), and answers that were slow but successful (latency,
 * not an outage).
 */
final class ProbeFindings {
  private ProbeFindings() {}

  /** "The probe could not keep up: N ticks", or nothing when every tick sent its request. */
  static Optional<Finding> missedTicks(MissedTicks missed, Optional<Duration> slowest,
      Optional<Duration> interval) {
    long total = missed.total();
    if (total == 0) {
      return Optional.empty();
    }
    List<String> perProbe = new ArrayList<>();
    missed.byProbe().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
        .forEach(e -> perProbe.add(e.getKey() + " " + count(e.getValue())));
    StringBuilder text = new StringBuilder("The probes could not keep up: ")
        .append(count(total)).append(total == 1 ? " tick" : " ticks").append(" sent no request (")
        .append(String.join(", ", perProbe)).append("). A missed tick is not an observation of "
            + "the application: it counts in no error ratio and starts or ends no outage.");
    List<String> advice = new ArrayList<>();
    long running = missed.ticks(MissedTick.Cause.STILL_RUNNING);
    if (running > 0) {
      text.append(' ').append(count(running)).append(" found the probe's previous request still "
          + "running: an answer took longer than the probe interval")
          .append(interval.map(i -> " (" + human(i) + ")").orElse(""))
          .append(slowest.map(d -> "; the slowest answer took " + human(d)).orElse(""))
          .append('.');
      advice.add("A probe cannot send more often than its slowest answer (at most its timeout): "
          + "a hanging endpoint is seen again only when its request times out.");
    }
    long late = missed.ticks(MissedTick.Cause.TIMER_LATE);
    if (late > 0) {
      text.append(' ').append(count(late)).append(" were skipped because Gameday's timer woke up "
          + "late (by up to ").append(count(missed.maxLateMillis())).append(" ms): the machine "
          + "running Gameday was too busy.");
      advice.add("Run Gameday where it has CPU to spare, or probe less often.");
    }
    long other = missed.ticks(MissedTick.Cause.OTHER);
    if (other > 0) {
      text.append(' ').append(count(other)).append(" missed for a reason this version does not "
          + "know; see the journal.");
    }
    return Optional.of(new Finding("probe-missed-ticks", Severity.WARNING, Owner.SHARED,
        Optional.empty(), "The probes could not keep up", text.toString(),
        advice.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", advice)),
        Optional.empty()));
  }

  /**
   * A step in which no probe answered badly, but an answer took longer than the probe interval:
   * latency users felt, with its figure, not an outage.
   */
  static Optional<Finding> slowAnswers(StepResult s, Optional<Duration> interval,
      WindowStats baseline) {
    SampleStats d = s.during().overall();
    if (s.impact() || interval.isEmpty() || d.max().isEmpty()
        || d.max().get().compareTo(interval.get()) <= 0) {
      return Optional.empty();
    }
    String text = "No probe answered badly while " + s.name() + " was in force, but answers "
        + "slowed: the slowest took " + human(d.max().get()) + ", longer than the probe interval "
        + "of " + human(interval.get()) + d.p99().map(p -> " (p99 " + human(p) + ")").orElse("")
        + "; baseline p99 " + baseline.overall().p99().map(Durations::human).orElse("n/a")
        + ". This is latency, not an outage: no error ratio or outage counts it.";
    return Optional.of(new Finding("slow-answers", Severity.WARNING, Owner.APPLICATION,
        Optional.of(s.name()), "Answers slowed, but none failed", text,
        Optional.of("If users would call such an answer a failure, set expect.latencyBelow on "
            + "the probe; then it counts as one."), Optional.empty()));
  }

  /**
   * The probes' warm-up before the baseline, said plainly: how long, what it sent, and that none
   * of it is in any figure of the report.
   */
  static Finding warmUp(TimelineEvent.WarmUpEnded w) {
    String text = "Before the baseline the probes warmed up for " + human(w.took()) + ": "
        + count(w.probes()) + (w.probes() == 1 ? " probe" : " probes") + " sent "
        + count(w.requests()) + (w.requests() == 1 ? " request" : " requests")
        + (w.failed() > 0 ? " (" + count(w.failed()) + " not OK)" : "")
        + (w.missed() > 0 ? " and missed " + count(w.missed()) + (w.missed() == 1 ? " tick" : " ticks")
            : "")
        + ", to open their connections and let Gameday's code get up to speed. None of it was "
        + "recorded: the baseline and every figure of this report start after the warm-up.";
    return new Finding("probe-warm-up", Severity.INFO, Owner.SHARED, Optional.empty(),
        "The probes warmed up before the baseline", text, Optional.empty(), Optional.empty());
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
