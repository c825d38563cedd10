package dev.gameday.azure.fault;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.azure.arm.Json;
import dev.gameday.core.model.FaultAction.AfterFailover;
import dev.gameday.core.model.FaultAction.FailoverType;
import dev.gameday.core.model.FaultAction.SiteRecoveryFailover;
import java.util.List;
import java.util.Optional;

/**
 * A recovery-plan action with the three names Azure gives it: the action path
 * ({@code POST {plan}/failoverCommit}), the name in the plan's {@code allowedOperations}
 * ({@code Commit}) and the {@code currentScenario.scenarioName} of its job ({@code CommitFailover}).
 * Sources: {@code specification/recoveryservicessiterecovery/resource-manager/Microsoft.RecoveryServices/SiteRecovery/stable/2026-05-01/service.json}
 * (paths; the {@code ReplicationProtectedItemOperation} enum for allowed operations) and its
 * examples {@code ReplicationRecoveryPlans_PlannedFailover.json}, {@code _UnplannedFailover.json}
 * ({@code "Commit"} allowed after a failover), {@code _FailoverCommit.json} (scenario
 * {@code CommitFailover}), {@code _FailoverCancel.json} (scenario {@code CancelFailover}),
 * {@code _TestFailover.json} and {@code _TestFailoverCleanup.json}.
 */
enum RecoveryPlanAction {
  TEST_FAILOVER("testFailover", "TestFailover", "TestFailover"),
  TEST_FAILOVER_CLEANUP("testFailoverCleanup", "TestFailoverCleanup", "TestFailoverCleanup"),
  PLANNED_FAILOVER("plannedFailover", "PlannedFailover", "PlannedFailover"),
  UNPLANNED_FAILOVER("unplannedFailover", "UnplannedFailover", "UnplannedFailover"),
  COMMIT("failoverCommit", "Commit", "CommitFailover"),
  CANCEL("failoverCancel", "CancelFailover", "CancelFailover");

  private final String path;
  private final String allowedName;
  private final String scenario;

  RecoveryPlanAction(String path, String allowedName, String scenario) {
    this.path = path;
    this.allowedName = allowedName;
    this.scenario = scenario;
  }

  /** The last segment of {@code POST {plan}/{path}}. */
  String path() {
    return path;
  }

  /** The name of the action in the plan's {@code allowedOperations}. */
  String allowedName() {
    return allowedName;
  }

  /** The {@code scenarioName} of the plan's current scenario while (and after) this action runs. */
  String scenario() {
    return scenario;
  }

  /** The action that starts the failover of {@code type}. */
  static RecoveryPlanAction failover(FailoverType type) {
    return switch (type) {
      case test -> TEST_FAILOVER;
      case planned -> PLANNED_FAILOVER;
      case unplanned -> UNPLANNED_FAILOVER;
    };
  }

  /** The action that ends the failover on revert: cleanup, commit, or nothing. */
  static Optional<RecoveryPlanAction> revert(SiteRecoveryFailover spec) {
    if (spec.type() == FailoverType.test) {
      return spec.then() == AfterFailover.none ? Optional.empty() : Optional.of(TEST_FAILOVER_CLEANUP);
    }
    return spec.then() == AfterFailover.commit ? Optional.of(COMMIT) : Optional.empty();
  }

  /** Whether the plan lists this action among its {@code allowedOperations}. */
  boolean allowedOn(JsonNode plan) {
    return allowedOperations(plan).stream().anyMatch(allowedName::equalsIgnoreCase);
  }

  /** Whether the plan's current scenario is this action's. */
  boolean isCurrentOn(JsonNode plan) {
    return scenario.equalsIgnoreCase(currentScenario(plan));
  }

  static List<String> allowedOperations(JsonNode plan) {
    return Json.elements(plan, "/properties/allowedOperations").stream().map(JsonNode::asText).toList();
  }

  static String currentScenario(JsonNode plan) {
    return Json.text(plan, "/properties/currentScenario/scenarioName").orElse("none");
  }

  /** How the plan stands, for messages: scenario, its status and the allowed operations. */
  static String describe(JsonNode plan) {
    return "current scenario " + currentScenario(plan) + " "
        + Json.text(plan, "/properties/currentScenarioStatus").orElse("") + Json.text(plan,
            "/properties/currentScenarioStatusDescription").map(d -> " (" + d + ")").orElse("")
        + ", allowed operations " + allowedOperations(plan);
  }
}
