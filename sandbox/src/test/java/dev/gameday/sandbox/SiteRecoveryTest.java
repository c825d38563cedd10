package dev.gameday.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Site Recovery over an azure-core HttpPipeline, as Gameday calls it. */
class SiteRecoveryTest {

  private static final String API = "?api-version=2026-02-01";

  private Sandbox sandbox;
  private SandboxClients clients;
  private HttpPipeline pipeline;
  private String plan;

  @BeforeEach
  void start() throws Exception {
    sandbox = SandboxClients.start(100);
    clients = new SandboxClients(sandbox);
    pipeline = clients.pipeline();
    plan = clients.url(clients.rg("rg-dr") + "/providers/Microsoft.RecoveryServices/vaults/rsv-shop"
        + "/replicationRecoveryPlans/rp-shop");
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  record Reply(int status, String asyncOperation, String retryAfter, JsonNode body) {
  }

  private Reply send(HttpMethod method, String url, String body) throws Exception {
    HttpRequest request = new HttpRequest(method, url);
    if (body != null) {
      request.setHeader(HttpHeaderName.CONTENT_TYPE, "application/json").setBody(body);
    }
    try (HttpResponse response = pipeline.sendSync(request, Context.NONE)) {
      String text = response.getBodyAsBinaryData() == null ? "" : response.getBodyAsBinaryData().toString();
      return new Reply(response.getStatusCode(), response.getHeaderValue(HttpHeaderName.fromString("Azure-AsyncOperation")),
          response.getHeaderValue(HttpHeaderName.RETRY_AFTER),
          text.isEmpty() ? null : SandboxClients.JSON.readTree(text));
    }
  }

  @Test
  void testFailoverRunsAJobWhoseTasksProgressThenCleanupIsAllowed() throws Exception {
    JsonNode before = send(HttpMethod.GET, plan + API, null).body();
    assertThat(before.at("/properties/allowedOperations").toString()).contains("TestFailover");

    String network = clients.rg("rg-shop-neu") + "/providers/Microsoft.Network/virtualNetworks/vnet-shop-neu-test";
    Reply accepted = send(HttpMethod.POST, plan + "/testFailover" + API, "{\"properties\":{\"failoverDirection\":"
        + "\"PrimaryToRecovery\",\"networkType\":\"VmNetworkAsInput\",\"networkId\":\"" + network + "\","
        + "\"providerSpecificDetails\":[{\"instanceType\":\"A2A\",\"recoveryPointType\":\"Latest\"}]}}");
    assertThat(accepted.status()).isEqualTo(202);
    assertThat(accepted.asyncOperation()).contains("/replicationOperationStatus/");
    assertThat(accepted.retryAfter()).isNotNull();

    JsonNode current = send(HttpMethod.GET, plan + API, null).body().at("/properties");
    assertThat(current.at("/currentScenario/scenarioName").asText()).isEqualTo("TestFailover");
    assertThat(current.at("/currentScenarioStatus").asText()).isEqualTo("InProgress");
    String jobUrl = clients.url(current.at("/currentScenario/jobId").asText()) + API;

    Set<String> taskStatesSeen = new HashSet<>();
    List<String> taskNames = new ArrayList<>();
    SandboxClients.await(Duration.ofSeconds(8), "test failover job to succeed", () -> {
      try {
        JsonNode job = send(HttpMethod.GET, jobUrl, null).body().at("/properties");
        taskNames.clear();
        for (JsonNode task : job.at("/tasks")) {
          taskNames.add(task.at("/friendlyName").asText());
          taskStatesSeen.add(task.at("/name").asText() + "=" + task.at("/state").asText());
        }
        return job.at("/state").asText().equals("Succeeded");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    assertThat(taskNames).contains("Start the test failover", "Start the replica virtual machines");
    assertThat(taskStatesSeen).contains("StartReplicaVms=NotStarted", "StartReplicaVms=InProgress",
        "StartReplicaVms=Succeeded");
    JsonNode status = send(HttpMethod.GET, accepted.asyncOperation(), null).body();
    assertThat(status.at("/status").asText()).isEqualTo("Succeeded");
    assertThat(status.has("endTime")).isTrue();

    JsonNode after = send(HttpMethod.GET, plan + API, null).body().at("/properties");
    assertThat(after.at("/allowedOperations").toString()).isEqualTo("[\"TestFailoverCleanup\"]");
    assertThat(send(HttpMethod.POST, plan + "/plannedFailover" + API,
        "{\"properties\":{\"failoverDirection\":\"PrimaryToRecovery\"}}").status()).isEqualTo(409);

    Reply cleanup = send(HttpMethod.POST, plan + "/testFailoverCleanup" + API,
        "{\"properties\":{\"comments\":\"gameday drill\"}}");
    assertThat(cleanup.status()).isEqualTo(202);
    SandboxClients.await(Duration.ofSeconds(5), "cleanup to finish", () -> {
      try {
        return send(HttpMethod.GET, plan + API, null).body().at("/properties/allowedOperations").toString()
            .contains("PlannedFailover");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    JsonNode jobs = send(HttpMethod.GET, clients.url(clients.rg("rg-dr")
        + "/providers/Microsoft.RecoveryServices/vaults/rsv-shop/replicationJobs") + API, null).body();
    assertThat(jobs.at("/value").size()).isEqualTo(2);
  }

  @Test
  void testFailoverBodiesAreValidated() throws Exception {
    Reply noNetwork = send(HttpMethod.POST, plan + "/testFailover" + API,
        "{\"properties\":{\"failoverDirection\":\"PrimaryToRecovery\",\"networkType\":\"VmNetworkAsInput\"}}");
    assertThat(noNetwork.status()).isEqualTo(400);
    assertThat(noNetwork.body().at("/error/code").asText()).isEqualTo("InvalidNetworkId");

    Reply noRecoveryPoint = send(HttpMethod.POST, plan + "/unplannedFailover" + API,
        "{\"properties\":{\"failoverDirection\":\"PrimaryToRecovery\",\"sourceSiteOperations\":\"NotRequired\","
            + "\"providerSpecificDetails\":[{\"instanceType\":\"A2A\"}]}}");
    assertThat(noRecoveryPoint.status()).isEqualTo(400);
    assertThat(noRecoveryPoint.body().at("/error/message").asText()).contains("recoveryPointType");

    Reply unknownVersion = send(HttpMethod.GET, plan + "?api-version=2016-08-10", null);
    assertThat(unknownVersion.status()).isEqualTo(400);
    assertThat(unknownVersion.body().at("/error/code").asText()).isEqualTo("NoRegisteredProviderFound");

    Reply cleanupFirst = send(HttpMethod.POST, plan + "/testFailoverCleanup" + API, "{\"properties\":{}}");
    assertThat(cleanupFirst.status()).isEqualTo(409);
    assertThat(cleanupFirst.body().at("/error/message").asText()).contains("TestFailover");
  }
}
