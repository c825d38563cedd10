package dev.gameday.azure.support;

import dev.gameday.azure.AzureOptions;
import dev.gameday.azure.AzurePlatform;
import dev.gameday.azure.arm.ArmResilience;
import dev.gameday.azure.connection.FixedTokenCredential;
import dev.gameday.core.model.AbortConditions;
import dev.gameday.core.model.AzureSettings;
import dev.gameday.core.model.Experiment;
import dev.gameday.core.model.FaultAction;
import dev.gameday.core.model.Metadata;
import dev.gameday.core.model.Objectives;
import dev.gameday.core.model.ReportOptions;
import dev.gameday.core.model.SteadyState;
import dev.gameday.core.model.TargetSpec;
import dev.gameday.core.model.Window;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.gameday.core.model.FaultStep;
import dev.gameday.core.model.Safety;
import dev.gameday.core.port.RunClock;
import dev.gameday.core.testing.RecordingListener;
import dev.gameday.sandbox.Sandbox;
import dev.gameday.sandbox.SandboxConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the tests that run faults against the local sandbox (the real SDK pipeline over
 * HTTPS): one sandbox per class at speed 100, a fresh world before each test.
 */
public abstract class WithSandboxPlatform {
  protected static final double SPEED = 100;

  @TempDir protected static Path dir;
  protected static Sandbox sandbox;
  protected static AzurePlatform platform;
  protected final RecordingListener events = new RecordingListener();

  @BeforeAll
  static void startSandbox() throws Exception {
    sandbox = Sandbox.start(new SandboxConfig(0, 0, SPEED, null, dir, 0));
    platform = AzurePlatform.forEndpoint(sandbox.armEndpoint(), sandbox.caFile(),
        sandbox.tenantId(), sandbox.subscriptionId(), new FixedTokenCredential("sandbox"),
        Safety.defaults(), RunClock.SYSTEM, new AzureOptions(Duration.ofMillis(50),
            ArmResilience.defaults().withBackoff(Duration.ofMillis(50), Duration.ofMillis(200))
                .withCallTimeout(Duration.ofSeconds(5))));
  }

  @AfterAll
  static void stopSandbox() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  @BeforeEach
  void resetWorld() {
    sandbox.knobs().resetWorld();
  }

  protected String rg(String name) {
    return "/subscriptions/" + sandbox.subscriptionId() + "/resourceGroups/" + name;
  }

  /** An experiment on the sandbox with a target {@code web}: one tier=web VM of rg-shop-weu. */
  protected Experiment experiment(FaultStep... steps) {
    return new Experiment(Experiment.API_VERSION,
        new Metadata("sandbox-e2e", "sandbox end to end", "sre", Map.of()),
        new Window(ZoneId.of("UTC"), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), List.of(), null),
        new AzureSettings(sandbox.subscriptionId(), Optional.of(sandbox.tenantId()),
            AzureSettings.Cloud.CUSTOM, Optional.of(sandbox.armEndpoint()),
            Optional.of(sandbox.caFile())),
        Map.of("web", new TargetSpec("web", TargetSpec.ResourceType.VIRTUAL_MACHINE, List.of(),
            Optional.of("rg-shop-weu"), Map.of("tier", "web"), Optional.empty(),
            new TargetSpec.Pick.Count(1, Optional.of(42L)))),
        Safety.defaults(), new SteadyState(Duration.ZERO, List.of()), List.of(steps),
        Objectives.none(), new AbortConditions(Optional.empty(), Duration.ofMinutes(5)),
        ReportOptions.defaults());
  }

  protected static FaultStep step(String name, FaultAction action) {
    return new FaultStep(name, action, Duration.ofSeconds(1), Duration.ofMinutes(1));
  }

  protected static Instant in(int seconds) {
    return Instant.now().plusSeconds(seconds);
  }
}
