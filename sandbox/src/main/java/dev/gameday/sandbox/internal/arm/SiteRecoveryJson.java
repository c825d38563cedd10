package dev.gameday.sandbox.internal.arm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gameday.sandbox.internal.world.JobTask;
import dev.gameday.sandbox.internal.world.RecoveryPlan;
import dev.gameday.sandbox.internal.world.RecoveryPoint;
import dev.gameday.sandbox.internal.world.ReplicationJob;
import dev.gameday.sandbox.internal.world.Vault;
import java.time.Instant;
import java.util.Locale;

/** Renders vaults, recovery plans and replication jobs as {@code Microsoft.RecoveryServices} JSON. */
final class SiteRecoveryJson {

  private SiteRecoveryJson() {
  }

  static ObjectNode vault(Vault vault) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("id", vault.id().id());
    node.put("name", vault.id().name());
    node.put("type", "Microsoft.RecoveryServices/vaults");
    node.put("location", vault.location());
    node.putObject("tags");
    node.putObject("sku").put("name", "RS0").put("tier", "Standard");
    ObjectNode p = node.putObject("properties");
    p.put("provisioningState", "Succeeded");
    p.put("publicNetworkAccess", "Enabled");
    p.putObject("redundancySettings").put("standardTierStorageRedundancy", "GeoRedundant")
        .put("crossRegionRestore", "Disabled");
    return node;
  }

  static ObjectNode plan(RecoveryPlan plan, Instant now) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("id", plan.id());
    node.put("name", plan.name());
    node.put("type", "Microsoft.RecoveryServices/vaults/replicationRecoveryPlans");
    ObjectNode p = node.putObject("properties");
    p.put("friendlyName", plan.name());
    p.put("primaryFabricId", fabric(plan, plan.primaryLocation()));
    p.put("primaryFabricFriendlyName", friendlyRegion(plan.primaryLocation()));
    p.put("recoveryFabricId", fabric(plan, plan.recoveryLocation()));
    p.put("recoveryFabricFriendlyName", friendlyRegion(plan.recoveryLocation()));
    p.put("failoverDeploymentModel", "ResourceManager");
    p.putArray("replicationProviders").add("A2A");
    ArrayNode allowed = p.putArray("allowedOperations");
    plan.allowedOperations(now).forEach(allowed::add);
    plan.lastOf(RecoveryPlan.TEST_FAILOVER).ifPresent(s -> p.put("lastTestFailoverTime", time(s)));
    plan.lastOf(RecoveryPlan.PLANNED_FAILOVER).ifPresent(s -> p.put("lastPlannedFailoverTime", time(s)));
    plan.lastOf(RecoveryPlan.UNPLANNED_FAILOVER).ifPresent(s -> p.put("lastUnplannedFailoverTime", time(s)));
    plan.last().ifPresentOrElse(s -> {
      p.putObject("currentScenario").put("scenarioName", s.job().scenarioName()).put("jobId", s.job().id())
          .put("startTime", ArmTime.format(s.job().startTime()));
      String state = s.job().stateAt(now);
      p.put("currentScenarioStatus", state);
      p.put("currentScenarioStatusDescription", scenarioStatusDescription(s, state));
    }, () -> {
        p.put("currentScenarioStatus", "Succeeded");
        p.put("currentScenarioStatusDescription", "Protected");
      });
    ArrayNode groups = p.putArray("groups");
    groups.addObject().put("groupType", "Shutdown").putArray("replicationProtectedItems");
    groups.addObject().put("groupType", "Failover").putArray("replicationProtectedItems");
    ObjectNode boot = groups.addObject().put("groupType", "Boot");
    ArrayNode items = boot.putArray("replicationProtectedItems");
    for (RecoveryPlan.Pair pair : plan.pairs()) {
      items.addObject().put("id", protectedItemId(plan, pair))
          .put("virtualMachineId", pair.source().id().id());
    }
    p.putArray("providerSpecificDetails").addObject().put("instanceType", "A2A")
        .put("primaryZone", pair0Zone(plan)).put("recoveryZone", pair0Zone(plan));
    return node;
  }

  /**
   * As in the spec's examples: {@code Completed} once done; a test failover whose job is suspended
   * waits for its cleanup, {@code WaitingForStopTestFailover} ({@code ReplicationRecoveryPlans_TestFailover.json}).
   */
  private static String scenarioStatusDescription(RecoveryPlan.Scenario s, String state) {
    return switch (state) {
      case "InProgress" -> "In progress";
      case "Suspended" -> s.operation().equals(RecoveryPlan.TEST_FAILOVER) ? "WaitingForStopTestFailover" : "Suspended";
      default -> "Completed";
    };
  }

  private static String pair0Zone(RecoveryPlan plan) {
    return plan.pairs().isEmpty() || plan.pairs().get(0).source().zone() == null ? ""
        : plan.pairs().get(0).source().zone();
  }

  private static String time(RecoveryPlan.Scenario s) {
    return ArmTime.format(s.job().startTime());
  }

  /** The replicated item of {@code pair}: under the primary fabric's A2A protection container. */
  static String protectedItemId(RecoveryPlan plan, RecoveryPlan.Pair pair) {
    return fabric(plan, plan.primaryLocation()) + "/replicationProtectionContainers/asr-a2a-default-"
        + plan.primaryLocation() + "-container/replicationProtectedItems/" + pair.item();
  }

  /**
   * A replicated item as {@code ReplicationProtectedItems_Get} returns it (the shape of the spec's
   * {@code ReplicationProtectedItems_Get.json}), with the A2A {@code providerSpecificDetails} of
   * {@code A2AReplicationDetails} ({@code SiteRecovery/stable/2026-02-01/service.json}): the
   * VM ({@code fabricObjectId}), its fabrics' locations and its last RPO.
   */
  static ObjectNode protectedItem(RecoveryPlan plan, RecoveryPlan.Pair pair, RecoveryPoint.LastRpo rpo) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("id", protectedItemId(plan, pair));
    node.put("name", pair.item());
    node.put("type", "Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers/"
        + "replicationProtectedItems");
    ObjectNode p = node.putObject("properties");
    p.put("friendlyName", pair.source().name());
    p.put("primaryFabricFriendlyName", friendlyRegion(plan.primaryLocation()));
    p.put("recoveryFabricFriendlyName", friendlyRegion(plan.recoveryLocation()));
    p.put("recoveryFabricId", fabric(plan, plan.recoveryLocation()));
    p.put("protectionState", "Protected");
    p.put("protectionStateDescription", "Protected");
    p.put("replicationHealth", "Normal");
    p.putObject("providerSpecificDetails").put("instanceType", "A2A")
        .put("fabricObjectId", pair.source().id().id())
        .put("primaryFabricLocation", plan.primaryLocation())
        .put("recoveryFabricLocation", plan.recoveryLocation())
        .put("rpoInSeconds", rpo.seconds())
        .put("lastRpoCalculatedTime", ArmTime.format(rpo.calculatedAt()));
    return node;
  }

  private static String fabric(RecoveryPlan plan, String location) {
    return plan.vault().id() + "/replicationFabrics/asr-a2a-default-" + location;
  }

  private static String friendlyRegion(String location) {
    return switch (location.toLowerCase(Locale.ROOT)) {
      case "westeurope" -> "West Europe";
      case "northeurope" -> "North Europe";
      default -> location;
    };
  }

  static ObjectNode job(ReplicationJob job, Instant now) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("id", job.id());
    node.put("name", job.name());
    node.put("type", "Microsoft.RecoveryServices/vaults/replicationJobs");
    ObjectNode p = node.putObject("properties");
    p.put("activityId", job.activityId() + " ActivityId: " + job.activityId());
    p.put("scenarioName", job.scenarioName());
    p.put("friendlyName", job.friendlyName());
    String state = job.stateAt(now);
    p.put("state", state);
    p.put("stateDescription", switch (state) {
      case "InProgress" -> "InProgress";
      case "Suspended" -> "Suspended";
      default -> "Completed";
    });
    ArrayNode tasks = p.putArray("tasks");
    for (int i = 0; i < job.tasks().size(); i++) {
      tasks.add(task(job, i, now));
    }
    ArrayNode errors = p.putArray("errors");
    if (state.equals("Failed")) {
      errors.add(error(job, now));
    }
    p.put("startTime", ArmTime.format(job.startTime()));
    if (job.doneAt(now)) {
      p.put("endTime", ArmTime.format(job.endTime().orElseThrow()));
    }
    ArrayNode actions = p.putArray("allowedActions");
    if (state.equals("InProgress")) {
      actions.add("Cancel");
    }
    if (state.equals("Suspended")) {
      actions.add("Resume");
    }
    p.put("targetObjectId", job.targetObjectId());
    p.put("targetObjectName", job.targetObjectName());
    p.put("targetInstanceType", "RecoveryPlan");
    p.set("customDetails", customDetails(job, now));
    return node;
  }

  /**
   * {@code JobDetails} by the job's scenario ({@code SiteRecovery/stable/2025-08-01/service.json}):
   * {@code TestFailoverJobDetails} and {@code FailoverJobDetails} carry
   * {@code protectedItemDetails} ({@code FailoverReplicationProtectedItemDetails}: the protected
   * item's {@code name} and {@code friendlyName}, {@code recoveryPointId},
   * {@code recoveryPointTime}) once the failover task has started; other jobs
   * {@code AsrJobDetails}, as in {@code examples/ReplicationJobs_Get.json}.
   */
  private static ObjectNode customDetails(ReplicationJob job, Instant now) {
    ObjectNode d = JsonNodeFactory.instance.objectNode();
    boolean test = job.scenarioName().equals(RecoveryPlan.TEST_FAILOVER);
    boolean failover = test || job.scenarioName().equals(RecoveryPlan.PLANNED_FAILOVER)
        || job.scenarioName().equals(RecoveryPlan.UNPLANNED_FAILOVER);
    if (!failover) {
      return d.put("instanceType", "AsrJobDetails");
    }
    d.put("instanceType", test ? "TestFailoverJobDetails" : "FailoverJobDetails");
    ArrayNode items = d.putArray("protectedItemDetails");
    for (RecoveryPoint rp : job.recoveryPointsAt(now)) {
      ObjectNode item = items.addObject().put("name", rp.protectedItem())
          .put("friendlyName", rp.friendlyName());
      if (test) {
        item.put("testVmName", rp.friendlyName() + "-test").put("testVmFriendlyName", rp.friendlyName() + "-test");
      }
      item.put("recoveryPointId", rp.id()).put("recoveryPointTime", ArmTime.format(rp.time()));
    }
    return d;
  }

  /** {@code JobErrorDetails} of the spec: {@code serviceErrorDetails} with code and message, level, time, task. */
  private static ObjectNode error(ReplicationJob job, Instant now) {
    int index = job.halt().orElseThrow().task();
    JobTask task = job.tasks().get(index);
    ObjectNode e = JsonNodeFactory.instance.objectNode();
    e.putObject("serviceErrorDetails").put("code", "SandboxJobFailed")
        .put("message", "The task '" + task.friendlyName() + "' failed (a sandbox knob made this job fail).")
        .put("possibleCauses", "The sandbox was told to fail the next " + job.scenarioName() + " job.")
        .put("recommendedAction", "Run the operation again.");
    e.put("errorLevel", "Error");
    e.put("creationTime", ArmTime.format(task.start()));
    e.put("taskId", task.taskId());
    return e;
  }

  private static ObjectNode task(ReplicationJob job, int index, Instant now) {
    JobTask task = job.tasks().get(index);
    ObjectNode t = JsonNodeFactory.instance.objectNode();
    t.put("taskId", task.taskId());
    t.put("name", task.name());
    String state = job.taskStateAt(index, now);
    if (!state.equals("NotStarted")) {
      t.put("startTime", ArmTime.format(task.start()));
    }
    job.taskEndAt(index, now).ifPresent(end -> t.put("endTime", ArmTime.format(end)));
    t.putArray("allowedActions");
    t.put("friendlyName", task.friendlyName());
    t.put("state", state);
    t.put("stateDescription", switch (state) {
      case "NotStarted" -> "Not started";
      case "InProgress" -> "In progress";
      case "Suspended" -> "Suspended";
      default -> "Completed";
    });
    t.put("taskType", "TaskTypeDetails");
    t.putObject("customDetails").put("instanceType", "JobTaskDetails");
    t.putArray("errors");
    return t;
  }
}
