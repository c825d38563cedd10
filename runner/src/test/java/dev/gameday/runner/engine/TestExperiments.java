package dev.gameday.runner.engine;

import dev.gameday.core.model.AbortConditions;
import dev.gameday.core.model.AzureSettings;
import dev.gameday.core.model.Expectation;
import dev.gameday.core.model.Experiment;
import dev.gameday.core.model.FaultAction;
import dev.gameday.core.model.FaultStep;
import dev.gameday.core.model.HttpRequestSpec;
import dev.gameday.core.model.Metadata;
import dev.gameday.core.model.Objectives;
import dev.gameday.core.model.ProbeSpec;
import dev.gameday.core.model.ReportOptions;
import dev.gameday.core.model.Safety;
import dev.gameday.core.model.SteadyState;
import dev.gameday.core.model.TargetSpec;
import dev.gameday.core.model.Tolerance;
import dev.gameday.core.model.Window;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Experiments built in code for engine tests: VM power-off steps with the given holds. */
final class TestExperiments {
  private TestExperiments() {}

  static FaultStep powerOff(String name, Duration hold) {
    return new FaultStep(name, new FaultAction.VmPowerOff("web", true), hold, Duration.ofMinutes(5));
  }

  static Experiment withSteps(FaultStep... steps) {
    return with(Duration.ofHours(1), steps);
  }

  static Experiment with(Duration maxDuration, FaultStep... steps) {
    var probe = new ProbeSpec("storefront", new HttpRequestSpec("GET", URI.create("http://127.0.0.1:1/"),
        Map.of(), Set.of(), Optional.empty(), Duration.ofSeconds(2), HttpRequestSpec.Tls.defaults(),
        true, HttpRequestSpec.Redirects.defaults(), 65536), Duration.ofSeconds(1), Expectation.defaults(), Tolerance.defaults(),
        ProbeSpec.Mode.CONTINUOUS);
    var window = new Window(ZoneOffset.UTC, Optional.of("* * * * *"), Optional.of(Duration.ofHours(8)),
        Optional.empty(), Optional.empty(), List.of(), Duration.ofMinutes(5));
    var target = new TargetSpec("web", TargetSpec.ResourceType.VIRTUAL_MACHINE, List.of(),
        Optional.of("rg"), Map.of("tier", "web"), Optional.empty(), new TargetSpec.Pick.All());
    return new Experiment(Experiment.API_VERSION, new Metadata("test-exp", null, null, null), window,
        new AzureSettings("sub", Optional.empty(), AzureSettings.Cloud.AZURE_PUBLIC, Optional.empty(),
            Optional.empty()),
        Map.of("web", target), Safety.defaults(), new SteadyState(Duration.ofMinutes(1), List.of(probe)),
        Arrays.asList(steps), Objectives.none(), new AbortConditions(Optional.empty(), maxDuration),
        ReportOptions.defaults());
  }
}
