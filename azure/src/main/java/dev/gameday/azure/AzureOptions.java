package dev.gameday.azure;

import dev.gameday.azure.arm.ArmResilience;
import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of the Azure platform: how often faults poll the platform and how ARM calls are made
 * resilient. Immutable; start from {@link #defaults()}.
 */
public record AzureOptions(Duration pollInterval, ArmResilience resilience) {

  public AzureOptions {
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(resilience, "resilience");
  }

  /** Poll every 2 s; {@link ArmResilience#defaults()}. */
  public static AzureOptions defaults() {
    return new AzureOptions(Duration.ofSeconds(2), ArmResilience.defaults());
  }

  public AzureOptions withPollInterval(Duration interval) {
    return new AzureOptions(interval, resilience);
  }

  public AzureOptions withResilience(ArmResilience r) {
    return new AzureOptions(pollInterval, r);
  }
}
