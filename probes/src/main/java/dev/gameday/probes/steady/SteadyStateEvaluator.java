package dev.gameday.probes.steady;

import dev.gameday.core.event.Stamp;
import dev.gameday.core.event.TimelineEvent.SteadyStateChanged;
import dev.gameday.core.event.TimelineEvent.SteadyStatus;
import dev.gameday.core.model.Tolerance;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Decides, sample by sample, whether one probe is within its {@link Tolerance}.
 *
 * <p>STEADY turns BREACHED when {@code failuresToBreach} samples in a row fail, or when the
 * window is judged and its success ratio (or latency percentile) is out of tolerance. BREACHED
 * turns STEADY when {@code successesToRestore} samples in a row succeed and the judged window is
 * within tolerance again. The window is judged once the probe has observed for a whole
 * {@code over}; before that only the consecutive-sample thresholds apply, so one early failure
 * among three samples does not read as a 33 % error ratio.
 *
 * <p>Each change carries {@code firstCause} (the start of the first failing, or first good,
 * sample of the run that tipped it) and {@code lastCause} (the sample that tipped it). Pure and
 * single-threaded: the caller serialises samples of one probe.
 */
public final class SteadyStateEvaluator {
  private final String probe;
  private final Tolerance tolerance;
  private final SlidingWindow window;
  private SteadyStatus status = SteadyStatus.STEADY;
  private long firstObserved = Long.MIN_VALUE;
  private boolean observed;
  private int failRun;
  private Instant failRunFirst;
  private int okRun;
  private Instant okRunFirst;
  private OptionalLong breachedSince = OptionalLong.empty();

  public SteadyStateEvaluator(String probe, Tolerance tolerance) {
    this.probe = probe;
    this.tolerance = tolerance;
    this.window = new SlidingWindow(tolerance.over().toNanos());
  }

  /**
   * Takes one sample; returns the change it caused, stamped {@code now}, if any.
   */
  public Optional<SteadyStateChanged> observe(Observation o, Stamp now) {
    if (!observed) {
      observed = true;
      firstObserved = o.startedNanos();
    }
    window.add(o);
    if (o.ok()) {
      okRun++;
      if (okRun == 1) {
        okRunFirst = o.startedUtc();
      }
      failRun = 0;
    } else {
      failRun++;
      if (failRun == 1) {
        failRunFirst = o.startedUtc();
      }
      okRun = 0;
    }
    Optional<String> windowProblem = judged(o) ? windowProblem() : Optional.empty();
    return switch (status) {
      case STEADY -> breachIfDue(o, windowProblem, now);
      case BREACHED -> restoreIfDue(o, windowProblem, now);
    };
  }

  private Optional<SteadyStateChanged> breachIfDue(Observation o, Optional<String> windowProblem,
      Stamp now) {
    String reason;
    if (failRun >= tolerance.failuresToBreach()) {
      reason = failRun + " consecutive " + (failRun == 1 ? "failure" : "failures")
          + " (last: " + o.reason() + ")";
    } else if (windowProblem.isPresent()) {
      reason = windowProblem.get() + (o.ok() ? "" : " (last: " + o.reason() + ")");
    } else {
      return Optional.empty();
    }
    Instant first = o.ok() ? o.startedUtc() : failRunFirst;
    status = SteadyStatus.BREACHED;
    breachedSince = OptionalLong.of(now.mono());
    okRun = 0;
    return Optional.of(new SteadyStateChanged(now, probe, status, first, o.startedUtc(), reason));
  }

  private Optional<SteadyStateChanged> restoreIfDue(Observation o,
      Optional<String> windowProblem, Stamp now) {
    if (okRun < tolerance.successesToRestore() || windowProblem.isPresent()) {
      return Optional.empty();
    }
    String reason = okRun + " consecutive " + (okRun == 1 ? "success" : "successes")
        + ", success ratio " + ratioText(window.ratio()) + " over " + tolerance.over();
    status = SteadyStatus.STEADY;
    breachedSince = OptionalLong.empty();
    failRun = 0;
    return Optional.of(new SteadyStateChanged(now, probe, status, okRunFirst, o.startedUtc(),
        reason));
  }

  private boolean judged(Observation latest) {
    return latest.startedNanos() - firstObserved >= tolerance.over().toNanos();
  }

  private Optional<String> windowProblem() {
    double ratio = window.ratio();
    if (ratio < tolerance.successRatio()) {
      return Optional.of("success ratio " + ratioText(ratio) + " below "
          + ratioText(tolerance.successRatio()) + " over " + tolerance.over());
    }
    if (tolerance.latency().isPresent()) {
      Tolerance.LatencyPercentile limit = tolerance.latency().get();
      long p = window.latencyPercentile(limit.percentile());
      if (p >= limit.below().toNanos()) {
        return Optional.of(String.format(Locale.ROOT, "p%s latency %d ms not below %d ms over %s",
            trim(limit.percentile()), Math.round(p / 1e6), limit.below().toMillis(),
            tolerance.over()));
      }
    }
    return Optional.empty();
  }

  public SteadyStatus status() {
    return status;
  }

  /** The success ratio of the samples in the window (1.0 before any sample). */
  public double successRatio() {
    return window.ratio();
  }

  /** The monotonic time at which the current breach was declared; empty while steady. */
  public OptionalLong breachedSince() {
    return breachedSince;
  }

  private static String ratioText(double r) {
    return String.format(Locale.ROOT, "%.2f", r);
  }

  private static String trim(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
