package dev.gameday.azure.target;

import dev.gameday.core.model.FaultAction;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The Azure RBAC actions each fault needs; the same list as {@code scripts/azure/gameday-role.json}
 * (plus {@code networkSecurityGroups/write} when {@code flushConnections} is asked for).
 */
public final class RequiredActions {
  private RequiredActions() {}

  public static Set<String> of(FaultAction action) {
    Set<String> a = new LinkedHashSet<>();
    switch (action) {
      case FaultAction.VmPowerOff p -> vm(a, "powerOff");
      case FaultAction.VmDeallocate d -> vm(a, "deallocate");
      case FaultAction.VmRestart r -> vm(a, "restart");
      case FaultAction.NsgDeny n -> {
        a.add("Microsoft.Network/networkSecurityGroups/read");
        a.add("Microsoft.Network/networkSecurityGroups/securityRules/read");
        a.add("Microsoft.Network/networkSecurityGroups/securityRules/write");
        a.add("Microsoft.Network/networkSecurityGroups/securityRules/delete");
        if (n.nsg() instanceof FaultAction.NsgRef.BySubnet) {
          a.add("Microsoft.Network/virtualNetworks/subnets/read");
        }
        if (n.flushConnections()) {
          a.add("Microsoft.Network/networkSecurityGroups/write");
        }
      }
      case FaultAction.SiteRecoveryFailover f -> {
        String plan = "Microsoft.RecoveryServices/vaults/replicationRecoveryPlans/";
        a.add(plan + "read");
        a.add(plan + switch (f.type()) {
          case test -> "testFailover/action";
          case planned -> "plannedFailover/action";
          case unplanned -> "unplannedFailover/action";
        });
        if (f.type() == FaultAction.FailoverType.test && f.then() != FaultAction.AfterFailover.none) {
          a.add(plan + "testFailoverCleanup/action");
        }
        if (f.type() != FaultAction.FailoverType.test && f.then() == FaultAction.AfterFailover.commit) {
          a.add(plan + "failoverCommit/action");
        }
        a.add("Microsoft.RecoveryServices/vaults/replicationJobs/read");
      }
      case FaultAction.Pause p -> { }
    }
    return a;
  }

  private static void vm(Set<String> a, String verb) {
    a.add("Microsoft.Compute/virtualMachines/read");
    a.add("Microsoft.Compute/virtualMachines/" + verb + "/action");
    a.add("Microsoft.Compute/virtualMachines/start/action");
  }
}
