package dev.gameday.runner.engine;

import dev.gameday.core.event.EventListener;
import dev.gameday.core.model.Experiment;
import dev.gameday.core.model.FaultStep;
import dev.gameday.core.port.Fault;
import dev.gameday.core.port.Platform;
import dev.gameday.core.port.PlatformException;
import dev.gameday.core.port.RunClock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A platform of fake faults, one per step, sharing one call log. */
final class FakePlatform implements Platform {
  final List<String> calls = new CopyOnWriteArrayList<>();
  final Map<String, FakeFault> faults = new LinkedHashMap<>();
  final RunClock clock;
  String preflightFailure;

  FakePlatform(RunClock clock) {
    this.clock = clock;
  }

  FakeFault fault(String step) {
    return faults.computeIfAbsent(step, s -> new FakeFault(s, clock, calls));
  }

  @Override
  public Map<String, List<String>> resolveTargets(Experiment experiment) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    experiment.targets().keySet().forEach(t -> out.put(t, List.of("/vm/" + t)));
    return out;
  }

  @Override
  public void preflight(Experiment e, Map<String, List<String>> targets, EventListener events)
      throws PlatformException {
    if (preflightFailure != null) {
      throw new PlatformException(preflightFailure);
    }
  }

  @Override
  public Fault fault(FaultStep step, Map<String, List<String>> targets, String runId) {
    return fault(step.name());
  }

  @Override
  public Map<String, String> operator() {
    return Map.of("name", "test");
  }
}
