package dev.gameday.sandbox.internal.world;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The world file: resources, shop topology and timings. Every key is optional except the
 * resources themselves; missing timings take the documented defaults (docs/sandbox.md).
 */
public record WorldConfig(
    String subscriptionId,
    String tenantId,
    Long seed,
    Timing timings,
    List<ResourceGroup> resourceGroups,
    Shop shop,
    Identity identity) {

  public static final String DEFAULT_RESOURCE = "/dev/gameday/sandbox/default-world.yaml";

  public WorldConfig {
    subscriptionId = or(subscriptionId, "00000000-0000-0000-0000-00000000da7a");
    tenantId = or(tenantId, "00000000-0000-0000-0000-0000000000aa");
    seed = or(seed, 42L);
    timings = or(timings, new Timing(null, null, null, null, null, null, null));
    resourceGroups = List.copyOf(or(resourceGroups, List.of()));
    Objects.requireNonNull(shop, "world: 'shop' is required");
    identity = or(identity, new Identity(null, null));
  }

  /**
   * The caller's permissions on every resource group: {@code actions} as in a role definition
   * (wildcards allowed); left out, Gameday's shipped role ({@code scripts/azure/gameday-role.json}).
   * {@code addActions} are granted on top (e.g. the optional
   * {@code Microsoft.Network/networkSecurityGroups/write} that {@code flushConnections} needs).
   */
  public record Identity(List<String> actions, List<String> addActions) {
    public Identity {
      actions = actions == null ? null : List.copyOf(actions);
      addActions = List.copyOf(or(addActions, List.of()));
    }
  }

  /** Loads a world file, or the default world when {@code file} is null. */
  public static WorldConfig load(Path file) {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    try {
      if (file == null) {
        try (InputStream in = WorldConfig.class.getResourceAsStream(DEFAULT_RESOURCE)) {
          return yaml.readValue(Objects.requireNonNull(in, DEFAULT_RESOURCE), WorldConfig.class);
        }
      }
      try (InputStream in = Files.newInputStream(file)) {
        return yaml.readValue(in, WorldConfig.class);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read world " + (file == null ? DEFAULT_RESOURCE : file)
          + ": " + e.getMessage(), e);
    }
  }

  static <T> T or(T value, T fallback) {
    return value == null ? fallback : value;
  }

  /** All durations are world seconds, divided by the speed factor at run time. */
  public record Timing(VmTiming vm, LbTiming loadBalancer, NsgTiming nsg, DbTiming database,
      FrontDoorTiming frontDoor, SiteRecoveryTiming siteRecovery, LroTiming lro) {
    public Timing {
      vm = or(vm, new VmTiming(null, null, null, null, null, null, null));
      loadBalancer = or(loadBalancer, new LbTiming(null, null, null));
      nsg = or(nsg, new NsgTiming(null, null, null));
      database = or(database, new DbTiming(null, null));
      frontDoor = or(frontDoor, new FrontDoorTiming(null));
      siteRecovery = or(siteRecovery, new SiteRecoveryTiming(null, null, null, null, null, null, null, null, null,
          null, null, null));
      lro = or(lro, new LroTiming(null));
    }
  }

  public record VmTiming(Double powerOffSeconds, Double powerOffSkipShutdownSeconds, Double deallocateSeconds,
      Double startSeconds, Double restartSeconds, Double guestAgentReadySeconds, Double appWarmUpSeconds) {
    public VmTiming {
      powerOffSeconds = or(powerOffSeconds, 20d);
      powerOffSkipShutdownSeconds = or(powerOffSkipShutdownSeconds, 8d);
      deallocateSeconds = or(deallocateSeconds, 40d);
      startSeconds = or(startSeconds, 45d);
      restartSeconds = or(restartSeconds, 60d);
      guestAgentReadySeconds = or(guestAgentReadySeconds, 10d);
      appWarmUpSeconds = or(appWarmUpSeconds, 30d);
    }
  }

  public record LbTiming(Double probeIntervalSeconds, Integer unhealthyThreshold, Integer healthyThreshold) {
    public LbTiming {
      probeIntervalSeconds = or(probeIntervalSeconds, 5d);
      unhealthyThreshold = or(unhealthyThreshold, 2);
      healthyThreshold = or(healthyThreshold, 2);
      if (probeIntervalSeconds <= 0 || unhealthyThreshold < 1 || healthyThreshold < 1) {
        throw new IllegalArgumentException("loadBalancer: interval must be > 0 and thresholds >= 1");
      }
    }
  }

  public record NsgTiming(Double ruleCreateSeconds, Double ruleDeleteSeconds, Double nsgUpdateSeconds) {
    public NsgTiming {
      ruleCreateSeconds = or(ruleCreateSeconds, 8d);
      ruleDeleteSeconds = or(ruleDeleteSeconds, 8d);
      nsgUpdateSeconds = or(nsgUpdateSeconds, 10d);
    }
  }

  public record DbTiming(Boolean connectionPooling, Double poolIdleTimeoutSeconds) {
    public DbTiming {
      connectionPooling = or(connectionPooling, false);
      poolIdleTimeoutSeconds = or(poolIdleTimeoutSeconds, 240d);
    }
  }

  public record FrontDoorTiming(Double dnsTtlSeconds) {
    public FrontDoorTiming {
      dnsTtlSeconds = or(dnsTtlSeconds, 30d);
    }
  }

  public record SiteRecoveryTiming(Double jitter, Double prerequisitesSeconds, Double shutdownSeconds,
      Double failoverSeconds, Double startReplicasSeconds, Double cleanupSeconds, Double commitSeconds,
      Double finalizeSeconds, Double cancelSeconds, Double replicationLagSeconds,
      Double crashConsistentMinutes, Double appConsistentMinutes) {
    public SiteRecoveryTiming {
      jitter = or(jitter, 0.1d);
      prerequisitesSeconds = or(prerequisitesSeconds, 20d);
      shutdownSeconds = or(shutdownSeconds, 60d);
      failoverSeconds = or(failoverSeconds, 60d);
      startReplicasSeconds = or(startReplicasSeconds, 60d);
      cleanupSeconds = or(cleanupSeconds, 60d);
      commitSeconds = or(commitSeconds, 30d);
      finalizeSeconds = or(finalizeSeconds, 10d);
      cancelSeconds = or(cancelSeconds, 60d);
      replicationLagSeconds = or(replicationLagSeconds, 20d);
      crashConsistentMinutes = or(crashConsistentMinutes, 5d);
      appConsistentMinutes = or(appConsistentMinutes, 60d);
      if (replicationLagSeconds < 0 || crashConsistentMinutes <= 0 || appConsistentMinutes <= 0) {
        throw new IllegalArgumentException("siteRecovery.replicationLagSeconds must be >= 0 and the"
            + " snapshot frequencies > 0");
      }
      if (jitter < 0 || jitter >= 1) {
        throw new IllegalArgumentException("siteRecovery.jitter must be in [0, 1)");
      }
    }
  }

  /** Upper bound of the Retry-After header on long-running operations, in real seconds. */
  public record LroTiming(Integer maxRetryAfterSeconds) {
    public LroTiming {
      maxRetryAfterSeconds = or(maxRetryAfterSeconds, 10);
    }
  }

  public record ResourceGroup(String name, String location, Map<String, String> tags,
      List<VirtualNetwork> virtualNetworks, List<NetworkSecurityGroup> networkSecurityGroups,
      List<VirtualMachine> virtualMachines, List<Vault> recoveryServicesVaults) {
    public ResourceGroup {
      Objects.requireNonNull(name, "resourceGroups[].name is required");
      Objects.requireNonNull(location, "resourceGroups[" + name + "].location is required");
      tags = Map.copyOf(or(tags, Map.of()));
      virtualNetworks = List.copyOf(or(virtualNetworks, List.of()));
      networkSecurityGroups = List.copyOf(or(networkSecurityGroups, List.of()));
      virtualMachines = List.copyOf(or(virtualMachines, List.of()));
      recoveryServicesVaults = List.copyOf(or(recoveryServicesVaults, List.of()));
    }
  }

  public record VirtualNetwork(String name, List<String> addressPrefixes, List<Subnet> subnets) {
    public VirtualNetwork {
      Objects.requireNonNull(name, "virtualNetworks[].name is required");
      addressPrefixes = List.copyOf(or(addressPrefixes, List.of()));
      subnets = List.copyOf(or(subnets, List.of()));
    }
  }

  /** {@code networkSecurityGroup} names an NSG in the same resource group. */
  public record Subnet(String name, String addressPrefix, String networkSecurityGroup) {
    public Subnet {
      Objects.requireNonNull(name, "subnets[].name is required");
      Objects.requireNonNull(addressPrefix, "subnets[" + name + "].addressPrefix is required");
    }
  }

  public record NetworkSecurityGroup(String name, Boolean flushConnection, Map<String, String> tags,
      List<Rule> securityRules) {
    public NetworkSecurityGroup {
      Objects.requireNonNull(name, "networkSecurityGroups[].name is required");
      flushConnection = or(flushConnection, false);
      tags = Map.copyOf(or(tags, Map.of()));
      securityRules = List.copyOf(or(securityRules, List.of()));
    }
  }

  /** A security rule as in ARM's {@code properties} (singular or plural prefixes and ports). */
  public record Rule(String name, String description, String protocol, String access, String direction,
      Integer priority, String sourceAddressPrefix, List<String> sourceAddressPrefixes,
      String sourcePortRange, List<String> sourcePortRanges, String destinationAddressPrefix,
      List<String> destinationAddressPrefixes, String destinationPortRange, List<String> destinationPortRanges) {
  }

  /** {@code subnet} is {@code vnet/subnet} in the same resource group; powerState is running or deallocated. */
  public record VirtualMachine(String name, String size, String zone, String subnet, String privateIpAddress,
      String powerState, Map<String, String> tags) {
    public VirtualMachine {
      Objects.requireNonNull(name, "virtualMachines[].name is required");
      Objects.requireNonNull(subnet, "virtualMachines[" + name + "].subnet is required");
      Objects.requireNonNull(privateIpAddress, "virtualMachines[" + name + "].privateIpAddress is required");
      size = or(size, "Standard_D2s_v5");
      powerState = or(powerState, "running");
      tags = Map.copyOf(or(tags, Map.of()));
    }
  }

  public record Vault(String name, List<RecoveryPlan> recoveryPlans) {
    public Vault {
      Objects.requireNonNull(name, "recoveryServicesVaults[].name is required");
      recoveryPlans = List.copyOf(or(recoveryPlans, List.of()));
    }
  }

  /** Items name VMs as {@code resourceGroup/vm}. */
  public record RecoveryPlan(String name, String primaryLocation, String recoveryLocation,
      List<ProtectedItem> protectedItems) {
    public RecoveryPlan {
      Objects.requireNonNull(name, "recoveryPlans[].name is required");
      protectedItems = List.copyOf(or(protectedItems, List.of()));
    }
  }

  public record ProtectedItem(String source, String target) {
    public ProtectedItem {
      Objects.requireNonNull(source, "protectedItems[].source is required");
      Objects.requireNonNull(target, "protectedItems[].target is required");
    }
  }

  /**
   * The sample shop. {@code recoveryPlan} is {@code resourceGroup/vault/plan}: the plan whose
   * failovers move the front door and start the drTest replicas.
   */
  public record Shop(ShopRegion primary, ShopRegion secondary, DrTest drTest, String recoveryPlan) {
    public Shop {
      Objects.requireNonNull(primary, "shop.primary is required");
      Objects.requireNonNull(secondary, "shop.secondary is required");
      Objects.requireNonNull(drTest, "shop.drTest is required");
      Objects.requireNonNull(recoveryPlan, "shop.recoveryPlan is required");
    }
  }

  /** Backends are {@code resourceGroup/vm}; database is {@code ip:port}. */
  public record ShopRegion(String loadBalancer, String location, List<String> backends, String database) {
    public ShopRegion {
      Objects.requireNonNull(loadBalancer, "shop region loadBalancer is required");
      backends = List.copyOf(or(backends, List.of()));
      Objects.requireNonNull(database, "shop region database is required");
    }
  }

  /** Test-failover replicas get addresses from {@code network}'s first subnet, from host .4 up. */
  public record DrTest(String loadBalancer, String database) {
    public DrTest {
      Objects.requireNonNull(loadBalancer, "shop.drTest.loadBalancer is required");
      Objects.requireNonNull(database, "shop.drTest.database is required");
    }
  }
}
