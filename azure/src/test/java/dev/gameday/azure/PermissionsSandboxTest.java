package dev.gameday.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gameday.azure.support.WithSandboxPlatform;
import dev.gameday.azure.target.RequiredActions;
import dev.gameday.azure.support.RoleFile;
import dev.gameday.core.event.TimelineEvent.Level;
import dev.gameday.core.event.TimelineEvent.Note;
import dev.gameday.core.model.FaultAction;
import dev.gameday.core.model.FaultAction.AfterFailover;
import dev.gameday.core.model.FaultAction.FailoverType;
import dev.gameday.core.model.FaultStep;
import dev.gameday.core.port.Fault;
import dev.gameday.core.port.PlatformException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The shipped role against the permission preflight, on the sandbox (whose default world grants
 * exactly scripts/azure/gameday-role.json): enough for every fault kind, and one action less is
 * refused before anything is written, naming the action.
 */
class PermissionsSandboxTest extends WithSandboxPlatform {

  /** One step of every fault kind and variant, on the sandbox's resources. */
  List<FaultStep> everyKind() {
    List<FaultStep> steps = new ArrayList<>(List.of(
        step("off", new FaultAction.VmPowerOff("web", false)),
        step("dealloc", new FaultAction.VmDeallocate("web", false)),
        step("restart", new FaultAction.VmRestart("web")),
        step("cut", new FaultAction.NsgDeny(new FaultAction.NsgRef.BySubnet("rg-shop-weu",
            "vnet-shop-weu", "snet-app"), FaultAction.Direction.Outbound, List.of(),
            List.of("10.10.2.0/24"), List.of("1433"), FaultAction.Protocol.Tcp, Optional.empty(),
            false)),
        step("cut-named", new FaultAction.NsgDeny(new FaultAction.NsgRef.ByName("rg-shop-weu",
            "nsg-app"), FaultAction.Direction.Inbound, List.of(), List.of(), List.of("80"),
            FaultAction.Protocol.Tcp, Optional.empty(), false))));
    for (FailoverType type : FailoverType.values()) {
      for (AfterFailover then : List.of(AfterFailover.none,
          type == FailoverType.test ? AfterFailover.cleanup : AfterFailover.commit)) {
        steps.add(step("dr-" + type + "-" + then, new FaultAction.SiteRecoveryFailover("rg-dr",
            "rsv-shop", "rp-shop", type, FaultAction.FailoverDirection.PrimaryToRecovery,
            type == FailoverType.test ? Optional.of(rg("rg-shop-neu")
                + "/providers/Microsoft.Network/virtualNetworks/vnet-shop-neu-test")
                : Optional.empty(), FaultAction.RecoveryPoint.Latest, then)));
      }
    }
    return steps;
  }

  Map<String, List<String>> targets() throws Exception {
    return platform.resolveTargets(experiment());
  }

  @Test
  void theShippedRolePassesThePreflightOfEveryFaultKindWithoutAWarning() throws Exception {
    sandbox.knobs().grantOnly(RoleFile.actions());
    for (FaultStep step : everyKind()) {
      platform.preflight(experiment(step), targets(), events);
    }

    assertThat(events.of(Note.class)).isEmpty();
  }

  @Test
  void anIdentityLackingOneActionIsRefusedNamingIt() throws Exception {
    for (FaultStep step : everyKind()) {
      for (String action : RequiredActions.of(step.action())) {
        sandbox.knobs().resetWorld();
        sandbox.knobs().revoke(action);

        assertThatThrownBy(() -> platform.preflight(experiment(step), targets(), events))
            .as(step.name() + " without " + action).isInstanceOf(PlatformException.class)
            .hasMessageContaining(action);
      }
    }
  }

  @Test
  void withoutResourceHealthAVmFaultRunsWithOneWarning() throws Exception {
    sandbox.knobs().revoke(RequiredActions.RESOURCE_HEALTH);
    FaultStep off = step("off", new FaultAction.VmPowerOff("web", true));
    Map<String, List<String>> targets = targets();
    platform.preflight(experiment(off), targets, events);
    assertThat(events.of(Note.class)).singleElement().satisfies(n -> {
      assertThat(n.level()).isEqualTo(Level.WARN);
      assertThat(n.message()).contains(RequiredActions.RESOURCE_HEALTH);
    });

    Fault f = platform.fault(off, targets, "run-perm");
    f.inject(events);
    f.awaitEffective(events, in(10));
    f.revert(events, in(10));
    f.awaitRestored(events, in(10));

    assertThat(events.of(Note.class)).hasSize(2).last()
        .satisfies(n -> assertThat(n.message()).contains("403", RequiredActions.RESOURCE_HEALTH));
  }
}
