package dev.gameday.reports.analysis;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * What a Site Recovery test failover showed, in two separate figures: production impact (the
 * probes that ran in the baseline) and the time until the DR copy served (the probes of the copy,
 * which exist only once it is up). A DR probe failing until the copy exists is not an outage.
 */
final class FailoverFindings {
  private FailoverFindings() {}

  static Optional<Finding> testFailover(StepResult s, WindowStats baseline,
      Optional<Duration> rto) {
    Optional<Figure> served = s.figure(FigureKind.DR_COPY_SERVED);
    if (served.isEmpty()) {
      return Optional.empty();
    }
    long samples = 0;
    long failed = 0;
    for (String p : baseline.probes().keySet()) {
      SampleStats st = s.during().probes().get(p);
      if (st != null) {
        samples += st.samples();
        failed += st.failures();
      }
    }
    StringBuilder text = new StringBuilder(s.name()).append(" was a test failover. Production ");
    if (failed == 0) {
      text.append(String.format(Locale.ROOT, "kept serving: no production probe failed "
          + "(%,d samples) — no production impact.", samples));
    } else {
      text.append(String.format(Locale.ROOT, "was hit: %,d of %,d production samples failed",
          failed, samples)).append(s.value(FigureKind.USER_VISIBLE_OUTAGE)
              .map(o -> ", users saw errors for " + Durations.human(o)).orElse("")).append('.');
    }
    Optional<Duration> d = served.get().value();
    boolean late = d.isPresent() && rto.isPresent() && d.get().compareTo(rto.get()) > 0;
    text.append(' ').append(d.map(v -> "The DR copy served its first good answer "
        + precise(v, rto) + " after the failover request"
        + rto.map(r -> ", against an RTO of " + limit(v, r)).orElse("") + ".")
        .orElse("The DR copy never answered well while the step ran."));
    Severity severity = failed > 0 || late || d.isEmpty() ? Severity.PROBLEM : Severity.INFO;
    return Optional.of(new Finding("test-failover", severity, Owner.SHARED, Optional.of(s.name()),
        failed == 0 ? "Test failover: no production impact" : "Test failover: production was hit",
        text.toString(), Optional.of("Production impact and the DR copy's time to serve are "
            + "separate figures: the copy's probe fails until the copy exists, which is no "
            + "outage."), Optional.empty()));
  }

  private static String precise(Duration v, Optional<Duration> limit) {
    return limit.map(l -> Measure.judged(v, l).measured()).orElse(Durations.human(v));
  }

  private static String limit(Duration v, Duration limit) {
    return Measure.judged(v, limit).limit();
  }
}
