package dev.gameday.azure.support;

import dev.gameday.azure.AzureOptions;
import dev.gameday.azure.AzurePlatform;
import dev.gameday.azure.arm.ArmResilience;
import dev.gameday.azure.connection.FixedTokenCredential;
import dev.gameday.core.model.FaultAction;
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

  protected static FaultStep step(String name, FaultAction action) {
    return new FaultStep(name, action, Duration.ofSeconds(1), Duration.ofMinutes(1));
  }

  protected static Instant in(int seconds) {
    return Instant.now().plusSeconds(seconds);
  }
}
