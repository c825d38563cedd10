package dev.gameday.probes.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.core.event.TimelineEvent.Outcome;
import dev.gameday.core.event.TimelineEvent.ProbeSample;
import dev.gameday.core.model.SteadyState;
import dev.gameday.core.port.RunClock;
import dev.gameday.core.testing.RecordingListener;
import dev.gameday.probes.TestSpecs;
import dev.gameday.probes.WarmUp;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A probe's first samples on a loop client, for the tests of what one answer becomes. */
final class LoopSamples {
  private LoopSamples() {}

  /** The first sample of {@code spec} (ticking every 10 s), waiting at most 6 s. */
  static ProbeSample first(LoopClient client, TestSpecs spec) throws InterruptedException {
    return answered(client, spec.every(Duration.ofSeconds(10)), 1).get(0);
  }

  /**
   * The first {@code n} answered samples of {@code spec} (a tick missed while the cold JVM
   * compiles is no answer), waiting at most 6 s (a cold JVM's first handshake).
   */
  static List<ProbeSample> answered(LoopClient client, TestSpecs spec, int n)
      throws InterruptedException {
    RecordingListener events = new RecordingListener();
    try (LoopProbeMonitor m = new LoopProbeMonitor(
        new SteadyState(Duration.ZERO, List.of(spec.build())), Optional.empty(), client,
        RunClock.SYSTEM, Duration.ofMillis(1), WarmUp.NONE)) {
      m.start(events);
      long end = System.nanoTime() + Duration.ofSeconds(6).toNanos();
      while (answered(events).size() < n && System.nanoTime() < end) {
        Thread.sleep(5);
      }
    }
    assertThat(answered(events)).hasSizeGreaterThanOrEqualTo(n);
    return answered(events).subList(0, n);
  }

  private static List<ProbeSample> answered(RecordingListener events) {
    return events.of(ProbeSample.class).stream().filter(s -> s.outcome() != Outcome.MISSED)
        .toList();
  }
}
