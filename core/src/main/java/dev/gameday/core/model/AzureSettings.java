package dev.gameday.core.model;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the faults go: subscription and tenant, the cloud, and optionally a custom ARM endpoint
 * with the CA file to trust (the local sandbox).
 */
public record AzureSettings(
    String subscription,
    Optional<String> tenant,
    Cloud cloud,
    Optional<URI> endpoint,
    Optional<Path> caFile) {

  public AzureSettings {
    Objects.requireNonNull(subscription, "subscription");
    Objects.requireNonNull(cloud, "cloud");
  }

  /** The Azure clouds Gameday knows. {@code CUSTOM} means {@code endpoint} is set. */
  public enum Cloud {
    AZURE_PUBLIC("AzureCloud"),
    AZURE_CHINA("AzureChinaCloud"),
    AZURE_US_GOVERNMENT("AzureUSGovernment"),
    CUSTOM("Custom");

    private final String yamlName;

    Cloud(String yamlName) {
      this.yamlName = yamlName;
    }

    public String yamlName() {
      return yamlName;
    }

    public static Optional<Cloud> fromYaml(String name) {
      for (Cloud c : values()) {
        if (c.yamlName.equalsIgnoreCase(name)) {
          return Optional.of(c);
        }
      }
      return Optional.empty();
    }
  }
}
