package dev.gameday.sandbox.internal.arm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.sandbox.internal.world.Operations.Operation;
import dev.gameday.sandbox.internal.world.RecoveryPlan;
import dev.gameday.sandbox.internal.world.RecoveryPoint;
import dev.gameday.sandbox.internal.world.ReplicationJob;
import dev.gameday.sandbox.internal.world.SiteRecovery;
import dev.gameday.sandbox.internal.world.Vault;
import dev.gameday.sandbox.internal.world.VirtualNetwork;
import java.util.List;
import java.util.Map;

/** {@code Microsoft.RecoveryServices}: vaults, recovery plans and their actions, replication jobs. */
final class SiteRecoveryApi {

  private static final String VAULTS = Route.RG + "/providers/Microsoft\\.RecoveryServices/vaults";
  private static final String VAULT = VAULTS + "/(?<vault>[^/]+)";
  private static final String PLAN = VAULT + "/replicationRecoveryPlans/(?<plan>[^/]+)";
  /** {@code ReplicationProtectedItems_Get}. */
  private static final String PROTECTED_ITEM = VAULT + "/replicationFabrics/[^/]+/replicationProtectionContainers/"
      + "[^/]+/replicationProtectedItems/(?<item>[^/]+)";
  /** Action path (lower case) to Azure's allowed-operation name for it. */
  private static final Map<String, String> ACTIONS = Map.of(
      "testfailover", RecoveryPlan.TEST_FAILOVER,
      "testfailovercleanup", RecoveryPlan.TEST_FAILOVER_CLEANUP,
      "plannedfailover", RecoveryPlan.PLANNED_FAILOVER,
      "unplannedfailover", RecoveryPlan.UNPLANNED_FAILOVER,
      "failovercommit", RecoveryPlan.COMMIT,
      "failovercancel", RecoveryPlan.CANCEL_FAILOVER,
      "reprotect", RecoveryPlan.REVERSE_REPLICATE);
  private static final List<String> RECOVERY_POINT_TYPES = RecoveryPoint.TYPES;
  private static final String LATEST = "Latest";

  private SiteRecoveryApi() {
  }

  static List<Route> routes() {
    ApiVersions v = ApiVersions.SITE_RECOVERY;
    return List.of(
        Route.of("GET", VAULTS, ApiVersions.VAULTS, call -> {
          call.requireResourceGroup();
          return ArmResponse.list(call.world().vaults().stream()
              .filter(x -> x.id().resourceGroup().equalsIgnoreCase(call.group("rg")))
              .map(SiteRecoveryJson::vault).toList());
        }),
        Route.of("GET", VAULT, ApiVersions.VAULTS, call -> ArmResponse.ok(SiteRecoveryJson.vault(vault(call)))),
        Route.of("GET", VAULT + "/replicationRecoveryPlans", v, call -> ArmResponse.list(vault(call).plans().stream()
            .map(p -> SiteRecoveryJson.plan(p, call.now())).toList())),
        Route.of("GET", PLAN, v, call -> ArmResponse.ok(SiteRecoveryJson.plan(plan(call), call.now()))),
        Route.of("POST", PLAN + "/(?<action>[A-Za-z]+)", v, SiteRecoveryApi::action),
        Route.of("GET", PROTECTED_ITEM, v, SiteRecoveryApi::protectedItem),
        Route.of("GET", VAULT + "/replicationJobs", v, call -> ArmResponse.list(vault(call).jobs().stream()
            .map(j -> SiteRecoveryJson.job(j, call.now())).toList())),
        Route.of("GET", VAULT + "/replicationJobs/(?<job>[^/]+)", v, call -> {
          ReplicationJob job = vault(call).job(call.group("job")).orElseThrow(() -> ArmException.notFound(
              "NotFound", "The job '" + call.group("job") + "' was not found in vault '" + call.group("vault") + "'."));
          return ArmResponse.ok(SiteRecoveryJson.job(job, call.now()));
        }),
        Route.of("GET", VAULT + "/replicationOperationStatus/(?<id>[^/]+)", ApiVersions.ANY,
            SiteRecoveryApi::operationStatus),
        Route.of("GET", VAULT + "/replicationOperationResults/(?<id>[^/]+)", ApiVersions.ANY, call -> {
          Vault vault = vault(call);
          return LongRunningOperations.result(call, op -> ArmResponse.ok(SiteRecoveryJson.plan(
              vault.plans().stream().filter(p -> p.history().stream().anyMatch(s -> s.job().name()
                  .equals(op.name()))).findFirst().orElseThrow(), call.now())));
        }));
  }

  /**
   * The status of a recovery-plan action follows its job: InProgress while it runs or waits
   * (suspended), then Succeeded, Failed (with the job's error) or Canceled.
   */
  private static ArmResponse operationStatus(ArmCall call) {
    Vault vault = vault(call);
    Operation op = LongRunningOperations.find(call);
    ReplicationJob job = vault.job(op.name()).orElseThrow(() -> ArmException.notFound("OperationNotFound",
        "The operation '" + op.id() + "' could not be found."));
    String state = job.stateAt(call.now());
    String status = switch (state) {
      case "Succeeded", "Failed" -> state;
      case "Cancelled" -> "Canceled";
      default -> "InProgress";
    };
    com.fasterxml.jackson.databind.node.ObjectNode body = LongRunningOperations.statusBody(op, call.now());
    body.put("status", status);
    body.remove("endTime");
    body.remove("error");
    if (!status.equals("InProgress")) {
      body.put("endTime", ArmTime.format(job.endTime().orElseThrow()));
    }
    if (status.equals("Failed")) {
      body.putObject("error").put("code", "SandboxJobFailed").put("message", "The " + job.friendlyName()
          + " job " + job.name() + " failed.");
    }
    ArmResponse response = ArmResponse.ok(body);
    return status.equals("InProgress")
        ? response.header("Retry-After", Long.toString(LongRunningOperations.retryAfter(call, op))) : response;
  }

  private static Vault vault(ArmCall call) {
    call.requireResourceGroup();
    return call.world().vault(call.group("rg"), call.group("vault")).orElseThrow(() -> ArmException.notFound(
        "ResourceNotFound", "The Resource 'Microsoft.RecoveryServices/vaults/" + call.group("vault")
            + "' under resource group '" + call.group("rg") + "' was not found."));
  }

  private static RecoveryPlan plan(ArmCall call) {
    return vault(call).plan(call.group("plan")).orElseThrow(() -> ArmException.notFound("NotFound",
        "The recovery plan '" + call.group("plan") + "' was not found in vault '" + call.group("vault") + "'."));
  }

  /** A protected item of one of the vault's plans, found by its full id; else NotFound. */
  private static ArmResponse protectedItem(ArmCall call) {
    Vault vault = vault(call);
    for (RecoveryPlan plan : vault.plans()) {
      for (RecoveryPlan.Pair pair : plan.pairs()) {
        if (call.request().path().equalsIgnoreCase(SiteRecoveryJson.protectedItemId(plan, pair))) {
          return ArmResponse.ok(SiteRecoveryJson.protectedItem(plan, pair,
              RecoveryPoint.lastRpo(call.now(), call.world().origin(), call.world().delays())));
        }
      }
    }
    throw ArmException.notFound("NotFound", "The replication protected item '" + call.group("item")
        + "' was not found in vault '" + call.group("vault") + "'.");
  }

  private static ArmResponse action(ArmCall call) {
    RecoveryPlan plan = plan(call);
    String operation = ACTIONS.get(call.group("action").toLowerCase(java.util.Locale.ROOT));
    if (operation == null) {
      throw ArmException.notFound("InvalidResourceType", "The recovery plan action '" + call.group("action")
          + "' does not exist.");
    }
    if (operation.equals(RecoveryPlan.REVERSE_REPLICATE)) {
      throw ArmException.badRequest("OperationNotSupported", "Recovery plan reprotect is deprecated and no longer "
          + "supported. Reprotect each replication protected item instead (not emulated by the sandbox).");
    }
    JsonNode props = call.request().json().path("properties");
    SiteRecovery.Options options = switch (operation) {
      case RecoveryPlan.TEST_FAILOVER -> testFailover(call, plan, props);
      case RecoveryPlan.TEST_FAILOVER_CLEANUP -> {
        requireProperties(props);
        JsonNode comments = props.path("comments");
        if (!comments.isMissingNode() && !comments.isNull() && (!comments.isTextual()
            || comments.asText().length() > 1024)) {
          throw ArmException.badRequest("InvalidInput", "comments must be a string of at most 1024 characters.");
        }
        yield new SiteRecovery.Options(null, false, LATEST);
      }
      case RecoveryPlan.PLANNED_FAILOVER -> {
        requireProperties(props);
        direction(props);
        yield new SiteRecovery.Options(null, true, providerDetails(props));
      }
      case RecoveryPlan.UNPLANNED_FAILOVER -> {
        requireProperties(props);
        direction(props);
        String point = providerDetails(props);
        String ops = oneOf(props, "sourceSiteOperations", List.of("Required", "NotRequired"));
        yield new SiteRecovery.Options(null, ops.equals("Required"), point);
      }
      default -> new SiteRecovery.Options(null, false, LATEST);
    };
    ReplicationJob job = call.sim().siteRecovery().run(plan, operation, options);
    Operation op = call.world().operations().start(job.name(), plan.recoveryLocation(), job.startTime(),
        job.plannedTaskEnd(job.tasks().size() - 1).orElse(job.tasks().getLast().end()));
    return LongRunningOperations.siteRecoveryAccepted(call, plan.vault().id(), op);
  }

  private static SiteRecovery.Options testFailover(ArmCall call, RecoveryPlan plan, JsonNode props) {
    requireProperties(props);
    direction(props);
    String type = oneOf(props, "networkType", List.of("VmNetworkAsInput", "NoNetworkAttachAsInput"));
    String point = providerDetails(props);
    if (type.equals("NoNetworkAttachAsInput")) {
      return new SiteRecovery.Options(null, false, point);
    }
    String networkId = props.path("networkId").asText("");
    if (networkId.isBlank()) {
      throw ArmException.badRequest("InvalidNetworkId", "networkId is required when networkType is VmNetworkAsInput.");
    }
    VirtualNetwork network = call.world().vnetById(networkId).orElseThrow(() -> ArmException.badRequest(
        "InvalidNetworkId", "The network '" + networkId + "' does not exist."));
    if (!network.location().equalsIgnoreCase(plan.recoveryLocation())) {
      throw ArmException.badRequest("InvalidNetworkId", "The test failover network must be in the recovery region '"
          + plan.recoveryLocation() + "', but '" + network.id().name() + "' is in '" + network.location() + "'.");
    }
    if (network.subnets().isEmpty()) {
      throw ArmException.badRequest("InvalidNetworkId", "The network '" + network.id().name() + "' has no subnet.");
    }
    return new SiteRecovery.Options(network, false, point);
  }

  private static void requireProperties(JsonNode props) {
    if (!props.isObject()) {
      throw ArmException.badRequest("InvalidInput", "The request body must be {\"properties\":{...}}.");
    }
  }

  private static void direction(JsonNode props) {
    String direction = oneOf(props, "failoverDirection", List.of("PrimaryToRecovery", "RecoveryToPrimary"));
    if (!direction.equals("PrimaryToRecovery")) {
      throw ArmException.badRequest("InvalidFailoverDirection", "The recovery plan is protected from primary to "
          + "recovery; failoverDirection must be PrimaryToRecovery.");
    }
  }

  /** Checks the A2A details and returns their {@code recoveryPointType} ({@code Latest} without any). */
  private static String providerDetails(JsonNode props) {
    JsonNode details = props.path("providerSpecificDetails");
    String type = LATEST;
    if (details.isMissingNode() || details.isNull()) {
      return type;
    }
    if (!details.isArray()) {
      throw ArmException.badRequest("InvalidInput", "providerSpecificDetails must be an array.");
    }
    for (JsonNode d : details) {
      if (!"A2A".equals(d.path("instanceType").asText())) {
        throw ArmException.badRequest("InvalidProviderSpecificInput", "providerSpecificDetails[].instanceType must be "
            + "A2A for this recovery plan, was '" + d.path("instanceType").asText() + "'.");
      }
      JsonNode point = d.path("recoveryPointType");
      if (point.isMissingNode() || point.isNull()) {
        // RecoveryPlanA2AFailoverInput requires recoveryPointType (SiteRecovery/stable/2026-02-01/service.json).
        throw ArmException.badRequest("InvalidInput", "The required property 'recoveryPointType' of the A2A"
            + " providerSpecificDetails is missing. Allowed values: " + String.join(", ", RECOVERY_POINT_TYPES) + ".");
      }
      if (!RECOVERY_POINT_TYPES.contains(point.asText())) {
        throw ArmException.badRequest("InvalidProviderSpecificInput", "recoveryPointType must be one of "
            + String.join(", ", RECOVERY_POINT_TYPES) + ", was '" + point.asText() + "'.");
      }
      type = point.asText();
    }
    return type;
  }

  private static String oneOf(JsonNode props, String field, List<String> allowed) {
    String value = props.path(field).asText("");
    if (value.isBlank()) {
      throw ArmException.badRequest("InvalidInput", "The required property '" + field + "' is missing.");
    }
    return allowed.stream().filter(a -> a.equalsIgnoreCase(value)).findFirst().orElseThrow(() ->
        ArmException.badRequest("InvalidInput", "The value '" + value + "' of '" + field + "' is invalid. Allowed "
            + "values: " + String.join(", ", allowed) + "."));
  }
}
