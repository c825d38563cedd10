package dev.gameday.sandbox.internal.world;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A recovery plan protecting source VMs into target VMs, with the history of its scenarios. The
 * allowed operations and current scenario are derived from the last scenario and whether its job
 * has finished.
 */
public final class RecoveryPlan {

  public static final String TEST_FAILOVER = "TestFailover";
  public static final String TEST_FAILOVER_CLEANUP = "TestFailoverCleanup";
  public static final String PLANNED_FAILOVER = "PlannedFailover";
  public static final String UNPLANNED_FAILOVER = "UnplannedFailover";
  public static final String FAILOVER_COMMIT = "FailoverCommit";
  public static final String FAILOVER_CANCEL = "FailoverCancel";
  public static final String RE_PROTECT = "ReProtect";

  /** A protected VM and its replica. */
  public record Pair(VirtualMachine source, VirtualMachine target) {
  }

  /** One action run on the plan; {@code networkId} only for test failovers. */
  public record Scenario(String operation, ReplicationJob job, String networkId) {
  }

  private final ResourceName vault;
  private final String name;
  private final String primaryLocation;
  private final String recoveryLocation;
  private final List<Pair> pairs;
  private final List<Scenario> history = new ArrayList<>();
  private List<VirtualMachine> testReplicas = List.of();

  public RecoveryPlan(ResourceName vault, String name, String primaryLocation, String recoveryLocation,
      List<Pair> pairs) {
    this.vault = vault;
    this.name = name;
    this.primaryLocation = primaryLocation;
    this.recoveryLocation = recoveryLocation;
    this.pairs = List.copyOf(pairs);
  }

  public ResourceName vault() {
    return vault;
  }

  public String name() {
    return name;
  }

  public String id() {
    return vault.id() + "/replicationRecoveryPlans/" + name;
  }

  public String primaryLocation() {
    return primaryLocation;
  }

  public String recoveryLocation() {
    return recoveryLocation;
  }

  public List<Pair> pairs() {
    return pairs;
  }

  public List<Scenario> history() {
    return List.copyOf(history);
  }

  public void record(Scenario scenario) {
    history.add(scenario);
  }

  public List<VirtualMachine> testReplicas() {
    return testReplicas;
  }

  public void testReplicas(List<VirtualMachine> replicas) {
    this.testReplicas = List.copyOf(replicas);
  }

  public Optional<Scenario> last() {
    return history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1));
  }

  public Optional<Scenario> lastOf(String operation) {
    for (int i = history.size() - 1; i >= 0; i--) {
      if (history.get(i).operation().equals(operation)) {
        return Optional.of(history.get(i));
      }
    }
    return Optional.empty();
  }

  public List<String> allowedOperations(Instant t) {
    Optional<Scenario> last = last();
    if (last.isPresent() && !last.get().job().doneAt(t)) {
      return List.of();
    }
    String op = last.map(Scenario::operation).orElse(TEST_FAILOVER_CLEANUP);
    return switch (op) {
      case TEST_FAILOVER -> List.of(TEST_FAILOVER_CLEANUP);
      case PLANNED_FAILOVER, UNPLANNED_FAILOVER -> List.of(FAILOVER_COMMIT, FAILOVER_CANCEL);
      case FAILOVER_COMMIT -> List.of(RE_PROTECT);
      default -> List.of(PLANNED_FAILOVER, TEST_FAILOVER, UNPLANNED_FAILOVER);
    };
  }

  /** True once a planned/unplanned failover has completed and was not cancelled since. */
  public boolean failedOverAt(Instant t) {
    boolean failedOver = false;
    for (Scenario s : history) {
      if (!s.job().doneAt(t)) {
        continue;
      }
      switch (s.operation()) {
        case PLANNED_FAILOVER, UNPLANNED_FAILOVER -> failedOver = true;
        case FAILOVER_CANCEL -> failedOver = false;
        default -> { }
      }
    }
    return failedOver;
  }
}
