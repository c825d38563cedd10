package dev.gameday.core.port;

import dev.gameday.core.event.EventListener;
import dev.gameday.core.event.Phase;

/**
 * Watches the application with the experiment's probes for the whole run. It emits
 * {@code ProbeSample}, {@code SteadyStateChanged} and {@code StopConditionMet} events to the
 * listener given to {@link #start}. The probes module implements it; tests use fakes.
 */
public interface ApplicationMonitor extends AutoCloseable {

  /** Starts every probe. Events go to {@code events} from the probe threads. */
  void start(EventListener events);

  /**
   * How long the monitor wants to run its probes before the baseline, without recording them,
   * so that the baseline's first second is measured like its last (connections open, code
   * compiled). Zero (the default) means no warm-up: the engine then goes straight to the
   * baseline. When it is positive the engine announces {@link Phase#WARMUP} before
   * {@link #start}, waits this long, then announces the baseline.
   */
  default java.time.Duration warmUp() {
    return java.time.Duration.ZERO;
  }

  /** Tells the monitor which phase the run is in (probes with a mode run only in theirs). */
  void phase(Phase phase);

  /** True when every probe that is running is within its tolerance now. */
  boolean steady();

  /** The names of the probes running in the current phase (a probe's mode decides). */
  java.util.List<String> activeProbes();

  /** Stops every probe and waits for in-flight requests to end (bounded by their timeouts). */
  @Override
  void close();
}
