package dev.gameday.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Azure's own Site Recovery examples (azure-spec-examples/recoveryservicessiterecovery, verbatim
 * from Azure/azure-rest-api-specs) replayed against the sandbox: the same status code and LRO
 * headers for each action, and the plan and job fields the azure module reads, with the same
 * types and Azure's names (allowed operations, scenario names, suspended test failover).
 */
class SiteRecoverySpecReplayTest {
  private static final String API = "?api-version=2026-05-01";
  private static final String SR = "/recoveryservicessiterecovery/";

  private Sandbox sandbox;
  private SandboxClients clients;
  private String plan;

  @BeforeEach
  void start() throws Exception {
    sandbox = SandboxClients.start(100);
    clients = new SandboxClients(sandbox);
    plan = clients.rg("rg-dr") + "/providers/Microsoft.RecoveryServices/vaults/rsv-shop/replicationRecoveryPlans/rp-shop";
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  static JsonNode example(String name) throws Exception {
    try (InputStream in = SiteRecoverySpecReplayTest.class.getResourceAsStream(SR + name)) {
      return SandboxClients.JSON.readTree(in);
    }
  }

  static JsonNode exampleBody(String name) throws Exception {
    return example(name).at("/responses/200/body");
  }

  /** The plan fields the azure module reads, present in both with the same JSON type. */
  static final List<String> PLAN_FIELDS = List.of("/id", "/name", "/properties/allowedOperations",
      "/properties/currentScenario/scenarioName", "/properties/currentScenario/jobId",
      "/properties/currentScenario/startTime", "/properties/currentScenarioStatus",
      "/properties/currentScenarioStatusDescription");

  static void sameShape(JsonNode actual, JsonNode example, List<String> pointers) {
    for (String p : pointers) {
      assertThat(actual.at(p).getNodeType()).as(p).isEqualTo(example.at(p).getNodeType());
    }
  }

  /**
   * The action answers as the example's 202: Azure-AsyncOperation on replicationOperationStatus
   * (with the request's api-version, as the examples of each version show theirs), Retry-After;
   * and as the 202 the spec declares for the actions (SiteRecovery/stable/2026-05-01/service.json:
   * Location and Retry-After, final-state-via location), whose Location ends in the plan.
   */
  HttpResponse<String> act(String action, String body, String example) throws Exception {
    HttpResponse<String> r = clients.arm("POST", plan + "/" + action + API, body);
    JsonNode accepted = example(example).at("/responses/202/headers");
    String status = accepted.path("Azure-AsyncOperation").asText();
    assertThat(r.statusCode()).as(action).isEqualTo(202);
    assertThat(status).contains("/replicationOperationStatus/");
    assertThat(r.headers().firstValue("Azure-AsyncOperation")).get().asString()
        .contains("/replicationOperationStatus/").endsWith(API.substring(1));
    assertThat(status).contains("?api-version=" + example(example).at("/parameters/api-version").asText());
    assertThat(accepted.path("Retry-After").isNumber()).isTrue();
    assertThat(r.headers().firstValue("Retry-After")).get().asString().matches("\\d+");
    assertThat(r.headers().firstValue("Location")).as("Location").isPresent();
    return r;
  }

  /** GET of the action's Location: 202 while its job runs, then 200 with the plan. */
  JsonNode finalState(HttpResponse<String> accepted) {
    java.net.URI url = java.net.URI.create(accepted.headers().firstValue("Location").orElseThrow());
    String location = url.getRawPath() + "?" + url.getRawQuery();
    SandboxClients.await(Duration.ofSeconds(10), "final state", () ->
        clients.arm("GET", location, null).statusCode() == 200);
    return clients.armJson("GET", location, null);
  }

  JsonNode plan() {
    return clients.armJson("GET", plan + API, null);
  }

  void awaitScenario(String scenario, String status) {
    SandboxClients.await(Duration.ofSeconds(10), scenario + " " + status, () -> {
      JsonNode p = plan().path("properties");
      return p.at("/currentScenario/scenarioName").asText().equals(scenario)
          && p.path("currentScenarioStatus").asText().equals(status);
    });
  }

  String testFailoverBody() {
    return "{\"properties\":{\"failoverDirection\":\"PrimaryToRecovery\",\"networkType\":\"VmNetworkAsInput\","
        + "\"networkId\":\"" + clients.rg("rg-shop-neu") + "/providers/Microsoft.Network/virtualNetworks/"
        + "vnet-shop-neu-test\",\"providerSpecificDetails\":[{\"instanceType\":\"A2A\","
        + "\"recoveryPointType\":\"Latest\"}]}}";
  }

  static final String FAILOVER = "{\"properties\":{\"failoverDirection\":\"PrimaryToRecovery\","
      + "\"sourceSiteOperations\":\"NotRequired\",\"providerSpecificDetails\":[{\"instanceType\":\"A2A\","
      + "\"recoveryPointType\":\"Latest\"}]}}";

  @Test
  void aPlanAtRestAnswersAsTheSpecsRecoveryPlanGet() throws Exception {
    JsonNode example = exampleBody("ReplicationRecoveryPlans_Get.json");
    JsonNode actual = plan();

    sameShape(actual, example, List.of("/id", "/name", "/type", "/properties/allowedOperations",
        "/properties/friendlyName", "/properties/groups", "/properties/groups/2/replicationProtectedItems",
        "/properties/groups/2/replicationProtectedItems/0/id"));
    assertThat(actual.path("type").asText()).isEqualTo(example.path("type").asText());
    assertThat(actual.at("/properties/allowedOperations"))
        .isEqualTo(example.at("/properties/allowedOperations"));
  }

  @Test
  void everyStableVersionIsServedAlikeAndAnotherIsRefused() throws Exception {
    for (String v : List.of("2025-08-01", "2026-02-01", "2026-05-01")) {
      JsonNode p = clients.armJson("GET", plan + "?api-version=" + v, null);
      assertThat(p.at("/properties/allowedOperations")).as(v).isEqualTo(plan().at("/properties/allowedOperations"));
    }
    HttpResponse<String> refused = clients.arm("GET", plan + "?api-version=2026-04-01", null);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("NoRegisteredProviderFound").contains("2026-05-01");
  }

  @Test
  void eachProtectedItemOfThePlanIsServedLikeTheSpecsItemWithItsA2aRpo() throws Exception {
    JsonNode example = exampleBody("ReplicationProtectedItems_Get.json");
    List<JsonNode> items = new java.util.ArrayList<>();
    plan().at("/properties/groups").forEach(g -> g.path("replicationProtectedItems").forEach(items::add));
    assertThat(items).isNotEmpty();

    for (JsonNode ref : items) {
      String id = ref.path("id").asText();
      HttpResponse<String> r = clients.arm("GET", id + API, null);
      assertThat(r.statusCode()).as(id).isEqualTo(200);
      JsonNode item = SandboxClients.JSON.readTree(r.body());
      sameShape(item, example, List.of("/id", "/name", "/type", "/properties/friendlyName",
          "/properties/protectionState", "/properties/replicationHealth",
          "/properties/providerSpecificDetails/instanceType"));
      assertThat(item.path("id").asText()).isEqualTo(id);
      assertThat(item.path("type").asText()).isEqualTo(example.path("type").asText());
      JsonNode a2a = item.at("/properties/providerSpecificDetails");
      assertThat(a2a.path("instanceType").asText()).isEqualTo("A2A");
      assertThat(a2a.path("fabricObjectId").asText()).isEqualTo(ref.path("virtualMachineId").asText());
      assertThat(a2a.path("rpoInSeconds").isIntegralNumber()).as(a2a.toString()).isTrue();
      assertThat(java.time.Instant.parse(a2a.path("lastRpoCalculatedTime").asText()))
          .isBeforeOrEqualTo(java.time.Instant.now().plusSeconds(1));
    }
    String missing = items.get(0).path("id").asText().replaceAll("/[^/]+$", "/no-such-item");
    assertThat(clients.arm("GET", missing + API, null).statusCode()).isEqualTo(404);
  }

  @Test
  void aTestFailoverWaitingForItsCleanupLooksLikeTheSpecsExample() throws Exception {
    sandbox.knobs().haltNextJob("TestFailover", "Finalize", "Suspended");
    act("testFailover", testFailoverBody(), "ReplicationRecoveryPlans_TestFailover.json");
    awaitScenario("TestFailover", "Suspended");

    JsonNode example = exampleBody("ReplicationRecoveryPlans_TestFailover.json");
    JsonNode actual = plan();
    sameShape(actual, example, PLAN_FIELDS);
    assertThat(actual.at("/properties/allowedOperations")).isEqualTo(example.at("/properties/allowedOperations"));
    assertThat(actual.at("/properties/currentScenarioStatusDescription"))
        .isEqualTo(example.at("/properties/currentScenarioStatusDescription"));

    JsonNode cleanup = example("ReplicationRecoveryPlans_TestFailoverCleanup.json");
    HttpResponse<String> cleaning = act("testFailoverCleanup",
        cleanup.at("/parameters/input").toString(), "ReplicationRecoveryPlans_TestFailoverCleanup.json");
    JsonNode cleaned = finalState(cleaning);
    JsonNode cleanedExample = exampleBody("ReplicationRecoveryPlans_TestFailoverCleanup.json");
    sameShape(cleaned, cleanedExample, PLAN_FIELDS);
    assertThat(cleaned.at("/properties/currentScenario/scenarioName"))
        .isEqualTo(cleanedExample.at("/properties/currentScenario/scenarioName"));
    assertThat(cleaned.at("/properties/currentScenarioStatus"))
        .isEqualTo(cleanedExample.at("/properties/currentScenarioStatus"));
    assertThat(cleaned.at("/properties/allowedOperations"))
        .isEqualTo(cleanedExample.at("/properties/allowedOperations"));
  }

  @Test
  void aFailoverAllowsCommitAndTheCommitIsTheCommitFailoverScenario() throws Exception {
    act("unplannedFailover", FAILOVER, "ReplicationRecoveryPlans_PlannedFailover.json");
    awaitScenario("UnplannedFailover", "Succeeded");
    JsonNode failedOver = plan();
    sameShape(failedOver, exampleBody("ReplicationRecoveryPlans_PlannedFailover.json"), PLAN_FIELDS);
    assertThat(failedOver.at("/properties/allowedOperations").toString()).contains("\"Commit\"");

    act("failoverCommit", null, "ReplicationRecoveryPlans_FailoverCommit.json");
    JsonNode example = exampleBody("ReplicationRecoveryPlans_FailoverCommit.json");
    awaitScenario(example.at("/properties/currentScenario/scenarioName").asText(), "Succeeded");
    sameShape(plan(), example, PLAN_FIELDS);

    String job = plan().at("/properties/currentScenario/jobId").asText();
    JsonNode actualJob = clients.armJson("GET", job + API, null);
    JsonNode exampleJob = exampleBody("ReplicationJobs_Get.json");
    sameShape(actualJob, exampleJob, List.of("/name", "/id", "/properties/state", "/properties/scenarioName",
        "/properties/startTime", "/properties/endTime", "/properties/errors", "/properties/tasks",
        "/properties/tasks/0/name", "/properties/tasks/0/friendlyName", "/properties/tasks/0/state",
        "/properties/tasks/0/startTime", "/properties/tasks/0/endTime"));
    assertThat(actualJob.at("/properties/state").asText()).isEqualTo(exampleJob.at("/properties/state").asText());
  }

  @Test
  void aCancelledFailoverIsTheCancelFailoverScenario() throws Exception {
    act("unplannedFailover", FAILOVER, "ReplicationRecoveryPlans_PlannedFailover.json");
    awaitScenario("UnplannedFailover", "Succeeded");
    assertThat(plan().at("/properties/allowedOperations").toString()).contains("\"CancelFailover\"");

    act("failoverCancel", null, "ReplicationRecoveryPlans_FailoverCancel.json");
    JsonNode example = exampleBody("ReplicationRecoveryPlans_FailoverCancel.json");
    awaitScenario(example.at("/properties/currentScenario/scenarioName").asText(), "Succeeded");
    sameShape(plan(), example, PLAN_FIELDS);
    assertThat(plan().at("/properties/allowedOperations").toString()).contains("\"PlannedFailover\"");
  }
}
