package dev.gameday.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The closed family of fault kinds. Each names its YAML key with {@link #kind()}. */
public sealed interface FaultAction {

  /** The YAML key of the action, e.g. {@code vm.powerOff}. */
  String kind();

  /** The target name (a key of {@code targets}) the action acts on, if it acts on targets. */
  default Optional<String> target() {
    return Optional.empty();
  }

  /** Power the VMs off (optionally skipping the guest shutdown). Revert: start. */
  record VmPowerOff(String targetName, boolean skipShutdown) implements FaultAction {
    public VmPowerOff {
      Objects.requireNonNull(targetName, "target");
    }

    public String kind() {
      return "vm.powerOff";
    }

    public Optional<String> target() {
      return Optional.of(targetName);
    }
  }

  /** Deallocate the VMs (optionally hibernating). Revert: start. */
  record VmDeallocate(String targetName, boolean hibernate) implements FaultAction {
    public VmDeallocate {
      Objects.requireNonNull(targetName, "target");
    }

    public String kind() {
      return "vm.deallocate";
    }

    public Optional<String> target() {
      return Optional.of(targetName);
    }
  }

  /** Restart the VMs. Effective once the VM leaves running; restored once it runs again. */
  record VmRestart(String targetName) implements FaultAction {
    public VmRestart {
      Objects.requireNonNull(targetName, "target");
    }

    public String kind() {
      return "vm.restart";
    }

    public Optional<String> target() {
      return Optional.of(targetName);
    }
  }

  /**
   * Add one deny rule to an NSG (found by name, or by the subnet it guards). Revert: delete the
   * rule. {@code priority} empty = the lowest free number above 100 in that direction.
   */
  record NsgDeny(
      NsgRef nsg,
      Direction direction,
      List<String> from,
      List<String> to,
      List<String> ports,
      Protocol protocol,
      Optional<Integer> priority,
      boolean flushConnections) implements FaultAction {

    public NsgDeny {
      Objects.requireNonNull(nsg, "nsg");
      Objects.requireNonNull(direction, "direction");
      from = from.isEmpty() ? List.of("*") : List.copyOf(from);
      to = to.isEmpty() ? List.of("*") : List.copyOf(to);
      ports = ports.isEmpty() ? List.of("*") : List.copyOf(ports);
      Objects.requireNonNull(protocol, "protocol");
    }

    public String kind() {
      return "nsg.deny";
    }
  }

  /** An NSG by resource group and name, or the NSG attached to a subnet. */
  sealed interface NsgRef {
    record ByName(String resourceGroup, String name) implements NsgRef {}

    record BySubnet(String resourceGroup, String virtualNetwork, String subnet) implements NsgRef {}
  }

  enum Direction { Inbound, Outbound }

  enum Protocol { Tcp, Udp, Icmp, Any }

  /**
   * Fail a recovery plan over with Azure Site Recovery. {@code test} fails over into
   * {@code testNetwork} and is reverted by cleanup; {@code planned} and {@code unplanned} are
   * real failovers, where {@code then: commit} commits the failover afterwards.
   */
  record SiteRecoveryFailover(
      String vaultResourceGroup,
      String vaultName,
      String recoveryPlan,
      FailoverType type,
      FailoverDirection direction,
      Optional<String> testNetwork,
      RecoveryPoint recoveryPoint,
      AfterFailover then) implements FaultAction {

    public SiteRecoveryFailover {
      Objects.requireNonNull(vaultResourceGroup, "vault.resourceGroup");
      Objects.requireNonNull(vaultName, "vault.name");
      Objects.requireNonNull(recoveryPlan, "recoveryPlan");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(direction, "direction");
      Objects.requireNonNull(recoveryPoint, "recoveryPoint");
      Objects.requireNonNull(then, "then");
      if (type == FailoverType.test && testNetwork.isEmpty()) {
        throw new IllegalArgumentException("a test failover needs testNetwork");
      }
    }

    public String kind() {
      return "siteRecovery.failover";
    }
  }

  enum FailoverType { test, planned, unplanned }

  enum FailoverDirection { PrimaryToRecovery, RecoveryToPrimary }

  enum RecoveryPoint { Latest, LatestApplicationConsistent, LatestCrashConsistent, LatestProcessed }

  /** What follows the failover: {@code cleanup} (test only, the default for test), commit, none. */
  enum AfterFailover { cleanup, commit, none }

  /** Inject nothing; just wait for the step's hold (lets the application settle between faults). */
  record Pause() implements FaultAction {
    public String kind() {
      return "pause";
    }
  }
}
