package dev.gameday.core.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to find the resources a fault acts on: explicit resource IDs, or a resource group plus
 * tags, or a Resource Graph query; then {@code pick} chooses among the matches.
 */
public record TargetSpec(
    String name,
    ResourceType type,
    List<String> ids,
    Optional<String> resourceGroup,
    Map<String, String> tags,
    Optional<String> query,
    Pick pick) {

  public TargetSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    ids = List.copyOf(ids);
    tags = Map.copyOf(tags);
    Objects.requireNonNull(pick, "pick");
  }

  /** Resource kinds a target can be. */
  public enum ResourceType {
    VIRTUAL_MACHINE("virtualMachine", "Microsoft.Compute/virtualMachines");

    private final String yamlName;
    private final String armType;

    ResourceType(String yamlName, String armType) {
      this.yamlName = yamlName;
      this.armType = armType;
    }

    public String yamlName() {
      return yamlName;
    }

    public String armType() {
      return armType;
    }

    public static Optional<ResourceType> fromYaml(String s) {
      for (ResourceType t : values()) {
        if (t.yamlName.equals(s)) {
          return Optional.of(t);
        }
      }
      return Optional.empty();
    }
  }

  /** Which of the matching resources to act on. */
  public sealed interface Pick {
    /** Every match. */
    record All() implements Pick {}

    /** {@code count} matches, chosen at random with {@code seed} (reproducible). */
    record Count(int count, Optional<Long> seed) implements Pick {
      public Count {
        if (count < 1) {
          throw new IllegalArgumentException("count must be at least 1");
        }
      }
    }

    /** {@code percent} of the matches (rounded up, at least one), chosen with {@code seed}. */
    record Percent(double percent, Optional<Long> seed) implements Pick {
      public Percent {
        if (!(percent > 0 && percent <= 100)) {
          throw new IllegalArgumentException("percent must be in (0, 100]");
        }
      }
    }
  }
}
