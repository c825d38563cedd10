package dev.gameday.azure.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gameday.azure.arm.ApiVersions;
import dev.gameday.azure.arm.ArmRequest;
import dev.gameday.azure.arm.ArmResponse;
import dev.gameday.azure.arm.Json;
import dev.gameday.core.model.FaultAction.FailoverType;
import dev.gameday.core.model.FaultAction.SiteRecoveryFailover;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Site Recovery requests of one failover step: the plan and vault paths, the action bodies
 * ({@code RecoveryPlanTestFailoverInput}, {@code RecoveryPlanPlannedFailoverInput},
 * {@code RecoveryPlanUnplannedFailoverInput}, {@code RecoveryPlanTestFailoverCleanupInput} of
 * {@code SiteRecovery/stable/2026-05-01/service.json}), reading the plan and the manual command.
 */
final class RecoveryPlanCalls {
  private final SiteRecoveryFailover spec;
  private final String step;
  private final String runId;
  private final FaultContext ctx;
  private final String vaultPath;
  private final String planPath;

  RecoveryPlanCalls(SiteRecoveryFailover spec, String subscription, String step, String runId,
      FaultContext ctx) {
    this.spec = spec;
    this.step = step;
    this.runId = runId;
    this.ctx = ctx;
    this.vaultPath = "/subscriptions/" + subscription + "/resourceGroups/"
        + spec.vaultResourceGroup() + "/providers/Microsoft.RecoveryServices/vaults/"
        + spec.vaultName();
    this.planPath = vaultPath + "/replicationRecoveryPlans/" + spec.recoveryPlan();
  }

  String planPath() {
    return planPath;
  }

  String vaultPath() {
    return vaultPath;
  }

  RecoveryPlanAction failoverAction() {
    return RecoveryPlanAction.failover(spec.type());
  }

  Optional<RecoveryPlanAction> revertAction() {
    return RecoveryPlanAction.revert(spec);
  }

  ObjectNode failoverBody() {
    ObjectNode props = Json.object();
    props.put("failoverDirection", spec.direction().name());
    if (spec.type() == FailoverType.test) {
      props.put("networkType", "VmNetworkAsInput");
      props.put("networkId", spec.testNetwork().orElseThrow());
    }
    if (spec.type() == FailoverType.unplanned) {
      props.put("sourceSiteOperations", "NotRequired");
    }
    ObjectNode a2a = Json.object();
    a2a.put("instanceType", "A2A");
    a2a.put("recoveryPointType", spec.recoveryPoint().name());
    props.set("providerSpecificDetails", Json.array().add(a2a));
    ObjectNode body = Json.object();
    body.set("properties", props);
    return body;
  }

  /** The body of an action: the failover input, the cleanup's comments, none for commit/cancel. */
  Optional<ObjectNode> body(RecoveryPlanAction action) {
    return switch (action) {
      case TEST_FAILOVER, PLANNED_FAILOVER, UNPLANNED_FAILOVER -> Optional.of(failoverBody());
      case TEST_FAILOVER_CLEANUP -> {
        ObjectNode props = Json.object();
        props.put("comments", "gameday run " + runId + " step " + step);
        ObjectNode body = Json.object();
        body.set("properties", props);
        yield Optional.of(body);
      }
      case COMMIT, CANCEL -> Optional.empty();
    };
  }

  ArmRequest request(RecoveryPlanAction action) {
    return ArmRequest.post(planPath + "/" + action.path(), ApiVersions.SITE_RECOVERY,
        body(action).orElse(null));
  }

  ArmResponse send(RecoveryPlanAction action) {
    return ctx.arm().send(request(action));
  }

  JsonNode plan() {
    return ctx.arm().send(ArmRequest.get(planPath, ApiVersions.SITE_RECOVERY)).body();
  }

  /** The job of the plan's current scenario, if that scenario is {@code action}'s. */
  Optional<String> currentJob(JsonNode plan, RecoveryPlanAction action) {
    if (!action.isCurrentOn(plan)) {
      return Optional.empty();
    }
    return Json.text(plan, "/properties/currentScenario/jobId")
        .map(id -> JobFollower.path(vaultPath, id));
  }

  /** The job id of the plan's current scenario, whatever it is. */
  static Optional<String> currentJobId(JsonNode plan) {
    return Json.text(plan, "/properties/currentScenario/jobId");
  }

  /** The failover's {@code failoverDirection}. */
  String direction() {
    return spec.direction().name();
  }

  /** The {@code az rest} command that sends {@code action} by hand. */
  String command(RecoveryPlanAction action) {
    return AzCommands.restPost(ctx.armUrl(), request(action).pathAndQuery(),
        body(action).map(Json::write).orElse(null));
  }

  List<String> plannedCalls() {
    List<String> calls = new ArrayList<>();
    RecoveryPlanAction failover = failoverAction();
    calls.add(ArmRequest.get(planPath, ApiVersions.SITE_RECOVERY).describe()
        + "  (allowedOperations must list " + failover.allowedName() + ")");
    calls.add(ArmRequest.get(vaultPath + "/replicationFabrics/{fabric}/replicationProtectionContainers"
        + "/{container}/replicationProtectedItems/{item}", ApiVersions.SITE_RECOVERY).describe()
        + "  (each item of the plan's groups, at most " + ReplicationRpo.MAX_ITEMS
        + ": its last rpoInSeconds, evidence only)");
    calls.add(request(failover).describe() + "  " + Json.write(failoverBody()));
    calls.add(JobFollower.request(vaultPath + "/replicationJobs/{currentScenario.jobId}")
        .describe() + "  (poll: tasks, until InProgress, then until Succeeded)");
    revertAction().ifPresentOrElse(a -> {
      calls.add(request(a).describe() + "  (revert, when allowedOperations lists "
          + a.allowedName() + ")" + body(a).map(b -> "  " + Json.write(b)).orElse(""));
      calls.add(JobFollower.request(vaultPath + "/replicationJobs/{" + a.scenario() + " job}")
          .describe() + "  (poll until Succeeded)");
    }, () -> calls.add("(revert: nothing; then: none leaves the plan failed over)"));
    return calls;
  }
}
