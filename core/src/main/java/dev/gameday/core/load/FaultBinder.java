package dev.gameday.core.load;

import static dev.gameday.core.load.ExperimentBinder.duration;
import static dev.gameday.core.load.ExperimentBinder.list;
import static dev.gameday.core.load.ExperimentBinder.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.core.model.FaultAction;
import dev.gameday.core.model.FaultStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds the {@link FaultStep}s and their {@link FaultAction}s from a validated tree. */
final class FaultBinder {

  List<FaultStep> faults(JsonNode faults) {
    List<FaultStep> out = new ArrayList<>();
    for (JsonNode f : faults) {
      out.add(new FaultStep(f.path("name").asText(), action(f),
          duration(f.path("hold")).orElse(BinderDefaults.HOLD),
          duration(f.path("recoveryTimeout")).orElse(FaultStep.DEFAULT_RECOVERY_TIMEOUT)));
    }
    return out;
  }

  private static FaultAction action(JsonNode f) {
    String kind = FaultCheck.ACTIONS.stream().filter(f::has).findFirst().orElseThrow();
    JsonNode a = f.path(kind);
    return switch (kind) {
      case "vm.powerOff" -> new FaultAction.VmPowerOff(a.path("target").asText(), a.path("skipShutdown").asBoolean(false));
      case "vm.deallocate" -> new FaultAction.VmDeallocate(a.path("target").asText(), a.path("hibernate").asBoolean(false));
      case "vm.restart" -> new FaultAction.VmRestart(a.path("target").asText());
      case "nsg.deny" -> nsgDeny(a);
      case "siteRecovery.failover" -> failover(a);
      default -> new FaultAction.Pause();
    };
  }

  private static FaultAction.NsgDeny nsgDeny(JsonNode a) {
    JsonNode ref = a.path("nsg");
    FaultAction.NsgRef nsg = ref.has("name")
        ? new FaultAction.NsgRef.ByName(ref.path("resourceGroup").asText(), ref.path("name").asText())
        : new FaultAction.NsgRef.BySubnet(ref.path("resourceGroup").asText(), ref.path("virtualNetwork").asText(),
            ref.path("subnet").asText());
    String protocol = text(a.path("protocol")).orElse("Any");
    return new FaultAction.NsgDeny(nsg, FaultAction.Direction.valueOf(a.path("direction").asText()),
        list(a.path("from")), list(a.path("to")), list(a.path("ports")),
        protocol.equals("*") ? FaultAction.Protocol.Any : FaultAction.Protocol.valueOf(protocol),
        a.has("priority") ? Optional.of(a.path("priority").asInt()) : Optional.empty(),
        a.path("flushConnections").asBoolean(false));
  }

  private static FaultAction.SiteRecoveryFailover failover(JsonNode a) {
    FaultAction.FailoverType type = FaultAction.FailoverType.valueOf(a.path("type").asText());
    FaultAction.AfterFailover defaultThen =
        type == FaultAction.FailoverType.test ? FaultAction.AfterFailover.cleanup : FaultAction.AfterFailover.none;
    return new FaultAction.SiteRecoveryFailover(
        a.path("vault").path("resourceGroup").asText(), a.path("vault").path("name").asText(),
        a.path("recoveryPlan").asText(), type,
        text(a.path("direction")).map(FaultAction.FailoverDirection::valueOf).orElse(FaultAction.FailoverDirection.PrimaryToRecovery),
        text(a.path("testNetwork")),
        text(a.path("recoveryPoint")).map(FaultAction.RecoveryPoint::valueOf).orElse(FaultAction.RecoveryPoint.Latest),
        text(a.path("then")).map(FaultAction.AfterFailover::valueOf).orElse(defaultThen));
  }
}
