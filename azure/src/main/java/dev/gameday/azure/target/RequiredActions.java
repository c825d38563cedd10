package dev.gameday.azure.target;

import dev.gameday.core.model.FaultAction;
import dev.gameday.core.model.FaultAction.AfterFailover;
import dev.gameday.core.model.FaultAction.FailoverType;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Azure RBAC actions Gameday's calls need: the one list from which both the permission
 * preflight and {@code scripts/azure/gameday-role.json} come (a test checks that the role file
 * is {@link #role()}). Each action is there because a call the code makes needs it:
 *
 * <ul>
 *   <li>VMs: {@code GET {vm}} (also with {@code $expand=instanceView}) {@code virtualMachines/read};
 *       the action and the revert's {@code start}; polling {@code Azure-AsyncOperation} at
 *       {@code Microsoft.Compute/locations/{l}/operations/{id}} {@code locations/operations/read}.
 *   <li>NSG rules: read the NSG and the rule, PUT and DELETE the rule, the subnet to find the NSG
 *       by subnet; {@code networkSecurityGroups/write} only for {@code flushConnections} (not in
 *       the role).
 *   <li>Site Recovery: read the plan, the failover action and its cleanup/commit, read jobs and
 *       the action's {@code replicationOperationStatus}; the protected items (their last
 *       replication RPO, read before the failover) recommended, not required.
 *   <li>Resource Health ({@code {vm}/providers/Microsoft.ResourceHealth/availabilityStatuses/current}):
 *       recommended, not required; without it the run goes on with one WARN note.
 *   <li>Every run: the preflight's own {@code Microsoft.Authorization/permissions} read, and
 *       Resource Graph for {@code query:} targets.
 * </ul>
 */
public final class RequiredActions {
  static final String COMPUTE = "Microsoft.Compute/";
  static final String NETWORK = "Microsoft.Network/";
  static final String PLAN = "Microsoft.RecoveryServices/vaults/replicationRecoveryPlans/";
  /** The protected items' last replication RPO, read before a failover (evidence only). */
  static final String PROTECTED_ITEMS = "Microsoft.RecoveryServices/vaults/replicationFabrics/"
      + "replicationProtectionContainers/replicationProtectedItems/read";
  /** Read the current Resource Health of one resource. */
  public static final String RESOURCE_HEALTH =
      "Microsoft.ResourceHealth/AvailabilityStatuses/current/read";
  /** The preflight's own call, {@code GET {scope}/providers/Microsoft.Authorization/permissions}. */
  public static final String PERMISSIONS_READ = "Microsoft.Authorization/permissions/read";
  /** Resource Graph queries (targets with {@code query:}), at subscription scope. */
  public static final String RESOURCE_GRAPH = "Microsoft.ResourceGraph/resources/read";

  private RequiredActions() {}

  /** The actions a fault needs on its resource group; a missing one refuses the run. */
  public static Set<String> of(FaultAction action) {
    Set<String> a = new LinkedHashSet<>();
    switch (action) {
      case FaultAction.VmPowerOff p -> vm(a, "powerOff");
      case FaultAction.VmDeallocate d -> vm(a, "deallocate");
      case FaultAction.VmRestart r -> vm(a, "restart");
      case FaultAction.NsgDeny n -> {
        a.add(NETWORK + "networkSecurityGroups/read");
        a.add(NETWORK + "networkSecurityGroups/securityRules/read");
        a.add(NETWORK + "networkSecurityGroups/securityRules/write");
        a.add(NETWORK + "networkSecurityGroups/securityRules/delete");
        if (n.nsg() instanceof FaultAction.NsgRef.BySubnet) {
          a.add(NETWORK + "virtualNetworks/subnets/read");
        }
        if (n.flushConnections()) {
          a.add(NETWORK + "networkSecurityGroups/write");
        }
      }
      case FaultAction.SiteRecoveryFailover f -> {
        a.add(PLAN + "read");
        a.add(PLAN + switch (f.type()) {
          case test -> "testFailover/action";
          case planned -> "plannedFailover/action";
          case unplanned -> "unplannedFailover/action";
        });
        if (f.type() == FailoverType.test && f.then() != AfterFailover.none) {
          a.add(PLAN + "testFailoverCleanup/action");
        }
        if (f.type() != FailoverType.test && f.then() == AfterFailover.commit) {
          a.add(PLAN + "failoverCommit/action");
        }
        a.add("Microsoft.RecoveryServices/vaults/replicationJobs/read");
        a.add("Microsoft.RecoveryServices/vaults/replicationOperationStatus/read");
      }
      case FaultAction.Pause p -> { }
    }
    return a;
  }

  /** Actions a fault uses when granted and does without otherwise (one WARN note). */
  public static Set<String> recommended(FaultAction action) {
    return switch (action) {
      case FaultAction.VmPowerOff p -> Set.of(RESOURCE_HEALTH);
      case FaultAction.VmDeallocate d -> Set.of(RESOURCE_HEALTH);
      case FaultAction.VmRestart r -> Set.of(RESOURCE_HEALTH);
      case FaultAction.NsgDeny n -> Set.of();
      case FaultAction.SiteRecoveryFailover f -> Set.of(PROTECTED_ITEMS);
      case FaultAction.Pause p -> Set.of();
    };
  }

  /**
   * The least-privilege role: everything every fault kind needs (each failover type with its
   * revert, NSGs found by subnet), the recommended actions and the run's own reads; without the
   * optional {@code networkSecurityGroups/write} of {@code flushConnections}. Sorted.
   */
  public static Set<String> role() {
    Set<String> all = new TreeSet<>(List.of(PERMISSIONS_READ, RESOURCE_GRAPH));
    for (FaultAction a : everyKind()) {
      all.addAll(of(a));
      all.addAll(recommended(a));
    }
    return all;
  }

  /** One action of every kind and variant whose needs differ, with flushConnections off. */
  static List<FaultAction> everyKind() {
    var bySubnet = new FaultAction.NsgRef.BySubnet("rg", "vnet", "snet");
    List<FaultAction> kinds = new java.util.ArrayList<>(List.of(
        new FaultAction.VmPowerOff("t", false), new FaultAction.VmDeallocate("t", false),
        new FaultAction.VmRestart("t"),
        new FaultAction.NsgDeny(bySubnet, FaultAction.Direction.Inbound, List.of(), List.of(),
            List.of(), FaultAction.Protocol.Tcp, java.util.Optional.empty(), false)));
    for (FailoverType type : FailoverType.values()) {
      for (AfterFailover then : AfterFailover.values()) {
        if (type == FailoverType.test ? then != AfterFailover.commit
            : then != AfterFailover.cleanup) {
          kinds.add(new FaultAction.SiteRecoveryFailover("rg", "v", "p", type,
              FaultAction.FailoverDirection.PrimaryToRecovery,
              type == FailoverType.test ? java.util.Optional.of("/subscriptions/s/resourceGroups/"
                  + "rg/providers/Microsoft.Network/virtualNetworks/n") : java.util.Optional.empty(),
              FaultAction.RecoveryPoint.Latest, then));
        }
      }
    }
    return kinds;
  }

  private static void vm(Set<String> a, String verb) {
    a.add(COMPUTE + "virtualMachines/read");
    a.add(COMPUTE + "virtualMachines/" + verb + "/action");
    a.add(COMPUTE + "virtualMachines/start/action");
    a.add(COMPUTE + "locations/operations/read");
  }
}
