package dev.gameday.runner.engine;

import static dev.gameday.runner.engine.TestExperiments.powerOff;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.core.event.TimelineEvent;
import dev.gameday.core.event.TimelineEvent.AbortCause;
import dev.gameday.core.port.RunClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With the real clock: from an abort trigger to the first revert call, well under 250 ms. */
class AbortLatencyTest {
  @TempDir Path tmp;

  @Test
  void abortDuringHoldReachesTheRevertCallWithin250Milliseconds() throws Exception {
    RunClock clock = RunClock.SYSTEM;
    var platform = new FakePlatform(clock);
    var monitor = new FakeMonitor();
    var abort = new AbortSignal();
    List<TimelineEvent> events = new CopyOnWriteArrayList<>();
    monitor.onPhase = (phase, bus) -> {
      if (phase == dev.gameday.core.event.Phase.HOLD) {
        Thread.ofVirtual().start(() -> {
          try {
            Thread.sleep(200);
          } catch (InterruptedException e) {
            return;
          }
          abort.trigger(AbortCause.USER, "gameday abort");
        });
      }
    };
    var e = TestExperiments.withSteps(powerOff("a", Duration.ofSeconds(30)));
    var parts = new RunEngine.Parts(platform, x -> monitor,
        w -> (now, planned) -> new WindowGate.Admission.Admitted(now.plus(Duration.ofHours(1))),
        dev.gameday.core.port.TargetLease.NONE, clock, Sleeper.REAL, j -> new Judge.Verdict(true, ""),
        EngineOptions.defaults());
    var withoutBaseline = new dev.gameday.core.model.Experiment(e.apiVersion(), e.metadata(), e.window(),
        e.azure(), e.targets(), e.safety(),
        new dev.gameday.core.model.SteadyState(Duration.ZERO, e.steadyState().probes()), e.faults(),
        e.objectives(), e.abort(), e.report());
    long start = System.nanoTime();
    var result = new RunEngine(parts).run(new RunRequest(withoutBaseline, tmp.resolve("e.yaml"), "s", "y",
        "t", Map.of()), RunDirectory.create(tmp, "x", clock.now()), new EventBus(events::add), abort);

    assertThat(result.exitCode()).isEqualTo(4);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    long aborted = events.stream().filter(TimelineEvent.AbortRequested.class::isInstance)
        .findFirst().orElseThrow().at().mono();
    long reverted = events.stream().filter(TimelineEvent.RevertRequested.class::isInstance)
        .findFirst().orElseThrow().at().mono();
    Duration latency = Duration.ofNanos(reverted - aborted);
    System.out.printf("abort trigger -> first revert call: %.3f ms%n", latency.toNanos() / 1e6);
    assertThat(latency).isLessThan(Duration.ofMillis(250));
  }
}
