package dev.gameday.sandbox.internal.world;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A recovery plan protecting source VMs into target VMs, with the history of its scenarios. The
 * allowed operations and current scenario are derived from the last scenario and whether its job
 * has finished.
 *
 * <p>Operation names are Azure's own {@code allowedOperations} vocabulary (the
 * {@code ReplicationProtectedItemOperation} enum of {@code SiteRecovery/stable/2026-02-01/service.json}
 * and the {@code ReplicationRecoveryPlans_*.json} examples): {@code Commit} is allowed after a
 * failover and its scenario is called {@code CommitFailover}; cancel is {@code CancelFailover}.
 */
public final class RecoveryPlan {

  public static final String TEST_FAILOVER = "TestFailover";
  public static final String TEST_FAILOVER_CLEANUP = "TestFailoverCleanup";
  public static final String PLANNED_FAILOVER = "PlannedFailover";
  public static final String UNPLANNED_FAILOVER = "UnplannedFailover";
  /** Allowed-operation name of {@code failoverCommit}; its scenario is {@link #COMMIT_SCENARIO}. */
  public static final String COMMIT = "Commit";
  public static final String COMMIT_SCENARIO = "CommitFailover";
  /** Allowed-operation and scenario name of {@code failoverCancel}. */
  public static final String CANCEL_FAILOVER = "CancelFailover";
  /** Reprotect ({@code ReverseReplicate}): allowed after a commit, not emulated. */
  public static final String REVERSE_REPLICATE = "ReverseReplicate";

  /**
   * A protected VM and its replica; {@code item} is its replicated item's name (a stable GUID, as
   * in the spec's {@code ReplicationProtectedItems_Get.json}).
   */
  public record Pair(VirtualMachine source, VirtualMachine target, String item) {
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

  /** The scenario name Azure shows in {@code currentScenario} and the job for an operation. */
  public static String scenarioName(String operation) {
    return operation.equals(COMMIT) ? COMMIT_SCENARIO : operation;
  }

  /**
   * Azure's {@code allowedOperations} at {@code t}: none while a job runs; after a test failover
   * (also while its job is suspended waiting for it) only the cleanup; after a failover commit or
   * cancel; after a commit only reprotect. A failed or cancelled job leaves the plan as it was.
   */
  public List<String> allowedOperations(Instant t) {
    Optional<Scenario> last = last();
    if (last.isPresent()) {
      ReplicationJob job = last.get().job();
      if (job.stateAt(t).equals("Suspended")) {
        return last.get().operation().equals(TEST_FAILOVER) ? List.of(TEST_FAILOVER_CLEANUP) : List.of();
      }
      if (!job.doneAt(t)) {
        return List.of();
      }
    }
    String op = lastSucceeded(t).map(Scenario::operation).orElse(TEST_FAILOVER_CLEANUP);
    return switch (op) {
      case TEST_FAILOVER -> List.of(TEST_FAILOVER_CLEANUP);
      case PLANNED_FAILOVER, UNPLANNED_FAILOVER -> List.of(COMMIT, CANCEL_FAILOVER);
      case COMMIT -> List.of(REVERSE_REPLICATE);
      default -> List.of(PLANNED_FAILOVER, UNPLANNED_FAILOVER, TEST_FAILOVER);
    };
  }

  private Optional<Scenario> lastSucceeded(Instant t) {
    for (int i = history.size() - 1; i >= 0; i--) {
      if (history.get(i).job().succeededAt(t)) {
        return Optional.of(history.get(i));
      }
    }
    return Optional.empty();
  }

  /** True once a planned/unplanned failover has succeeded and was not cancelled since. */
  public boolean failedOverAt(Instant t) {
    boolean failedOver = false;
    for (Scenario s : history) {
      if (!s.job().succeededAt(t)) {
        continue;
      }
      switch (s.operation()) {
        case PLANNED_FAILOVER, UNPLANNED_FAILOVER -> failedOver = true;
        case CANCEL_FAILOVER -> failedOver = false;
        default -> { }
      }
    }
    return failedOver;
  }
}
