package dev.gameday.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The bits of ARM's contract clients rely on: auth, api-versions, error bodies, async headers, throttling. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArmContractTest {

  private Sandbox sandbox;
  private SandboxClients clients;
  private String vms;

  @BeforeAll
  void start() throws Exception {
    sandbox = SandboxClients.start(20);
    clients = new SandboxClients(sandbox);
    vms = clients.rg("rg-shop-weu") + "/providers/Microsoft.Compute/virtualMachines";
  }

  @AfterAll
  void stop() {
    sandbox.close();
  }

  private static JsonNode json(HttpResponse<String> r) throws Exception {
    return SandboxClients.JSON.readTree(r.body());
  }

  @Test
  void callsWithoutABearerTokenGet401() throws Exception {
    HttpResponse<String> none = clients.armWith("GET", vms + "/vm-web-weu-1?api-version=2025-04-01", null, null);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(json(none).at("/error/code").asText()).isEqualTo("AuthenticationFailed");
    assertThat(clients.armWith("GET", vms + "?api-version=2025-04-01", null, "Bearer ").statusCode()).isEqualTo(401);
    assertThat(clients.armWith("GET", vms + "?api-version=2025-04-01", null, "Bearer anything").statusCode())
        .isEqualTo(200);
  }

  @Test
  void unknownApiVersionsAreRefusedWithArmsErrorBody() throws Exception {
    HttpResponse<String> r = clients.arm("GET", vms + "/vm-web-weu-1?api-version=2015-01-01", null);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r).at("/error/code").asText()).isEqualTo("NoRegisteredProviderFound");
    assertThat(json(r).at("/error/message").asText()).contains("2025-04-01");
    HttpResponse<String> bad = clients.arm("GET", clients.rg("rg-shop-weu") + "?api-version=yesterday", null);
    assertThat(json(bad).at("/error/code").asText()).isEqualTo("InvalidApiVersionParameter");
    assertThat(clients.arm("GET", vms + "/vm-web-weu-1?api-version=2024-11-01", null).statusCode()).isEqualTo(200);
    assertThat(clients.arm("GET", "/subscriptions/" + clients.sub + "?api-version=2022-12-01", null).statusCode())
        .isEqualTo(200);
  }

  @Test
  void anUnknownVmIs404WithAResourceNotFoundBody() throws Exception {
    HttpResponse<String> r = clients.arm("GET", vms + "/vm-nope?api-version=2025-04-01", null);
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(json(r).at("/error/code").asText()).isEqualTo("ResourceNotFound");
    assertThat(json(r).at("/error/message").asText()).contains("vm-nope");
  }

  @Test
  void aSecondRuleWithTheSamePriorityAndDirectionIsAConflict() throws Exception {
    String nsg = clients.rg("rg-shop-weu") + "/providers/Microsoft.Network/networkSecurityGroups/nsg-app";
    String body = "{\"properties\":{\"protocol\":\"Tcp\",\"access\":\"Deny\",\"direction\":\"Inbound\","
        + "\"priority\":200,\"sourceAddressPrefix\":\"*\",\"sourcePortRange\":\"*\",\"destinationAddressPrefix\":\"*\","
        + "\"destinationPortRange\":\"22\"}}";
    HttpResponse<String> r = clients.arm("PUT", nsg + "/securityRules/dup?api-version=2025-03-01", body);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r).at("/error/code").asText()).isEqualTo("SecurityRuleConflict");
    assertThat(json(r).at("/error/message").asText()).contains("AllowHttpInbound");

    HttpResponse<String> lowPriority = clients.arm("PUT", nsg + "/securityRules/low?api-version=2025-03-01",
        body.replace("200", "50"));
    assertThat(json(lowPriority).at("/error/code").asText()).isEqualTo("SecurityRuleInvalidPriority");
    HttpResponse<String> badPrefix = clients.arm("PUT", nsg + "/securityRules/bad?api-version=2025-03-01",
        body.replace("200", "300").replace("\"destinationAddressPrefix\":\"*\"",
            "\"destinationAddressPrefix\":\"10.10.2.0/33\""));
    assertThat(json(badPrefix).at("/error/code").asText()).isEqualTo("SecurityRuleInvalidAddressPrefix");
    HttpResponse<String> noProtocol = clients.arm("PUT", nsg + "/securityRules/np?api-version=2025-03-01",
        body.replace("\"protocol\":\"Tcp\",", "").replace("200", "301"));
    assertThat(noProtocol.statusCode()).isEqualTo(400);
  }

  @Test
  void powerOffAnswers202WithAsyncOperationHeaders() throws Exception {
    HttpResponse<String> r = clients.arm("POST", vms + "/vm-web-weu-2/powerOff?api-version=2025-04-01", null);
    assertThat(r.statusCode()).isEqualTo(202);
    String async = r.headers().firstValue("Azure-AsyncOperation").orElseThrow();
    assertThat(async).startsWith(sandbox.armEndpoint().toString()).contains("/providers/Microsoft.Compute/locations/"
        + "westeurope/operations/");
    assertThat(r.headers().firstValue("Location")).isPresent();
    assertThat(r.headers().firstValue("Retry-After")).isPresent();
    String statusPath = async.substring(sandbox.armEndpoint().toString().length() - 1);
    JsonNode status = clients.armJson("GET", statusPath, null);
    assertThat(status.at("/status").asText()).isEqualTo("InProgress");
    assertThat(status.has("startTime")).isTrue();
    SandboxClients.await(java.time.Duration.ofSeconds(3), "powerOff to succeed", () ->
        clients.armJson("GET", statusPath, null).at("/status").asText().equals("Succeeded"));
    JsonNode vm = clients.armJson("GET", vms + "/vm-web-weu-2/instanceView?api-version=2025-04-01", null);
    assertThat(vm.at("/statuses/1/code").asText()).isEqualTo("PowerState/stopped");
    clients.arm("POST", vms + "/vm-web-weu-2/start?api-version=2025-04-01", null);
  }

  @Test
  void throttleKnobAnswers429WithRetryAfterForTheNextTwoCallsThenNormally() throws Exception {
    sandbox.knobs().throttleNext(2, "GET /virtualMachines/vm-web-weu-1$", 7);
    String url = vms + "/vm-web-weu-1?api-version=2025-04-01";
    for (int i = 0; i < 2; i++) {
      HttpResponse<String> r = clients.arm("GET", url, null);
      assertThat(r.statusCode()).isEqualTo(429);
      assertThat(r.headers().firstValue("Retry-After")).contains("7");
      assertThat(json(r).at("/error/code").asText()).isEqualTo("TooManyRequests");
    }
    assertThat(clients.arm("GET", url, null).statusCode()).isEqualTo(200);
  }

  @Test
  void knobsOverHttpInjectErrorsAndResets() throws Exception {
    HttpResponse<String> added = clients.armWith("POST", "/_sandbox/faults",
        "{\"match\":\"GET /vm-web-weu-1$\",\"mode\":\"error\",\"count\":1}", null);
    assertThat(added.statusCode()).isEqualTo(201);
    String url = vms + "/vm-web-weu-1?api-version=2025-04-01";
    assertThat(clients.arm("GET", url, null).statusCode()).isEqualTo(500);
    assertThat(clients.arm("GET", url, null).statusCode()).isEqualTo(200);

    sandbox.knobs().resetNext(1, "POST /vm-web-weu-1/restart$");
    String restart = vms + "/vm-web-weu-1/restart?api-version=2025-04-01";
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> clients.arm("POST", restart, null))
        .isInstanceOf(java.io.UncheckedIOException.class);
    assertThat(clients.arm("POST", restart, null).statusCode()).isEqualTo(202);

    JsonNode state = SandboxClients.JSON.readTree(clients.armWith("GET", "/_sandbox/state", null, null).body());
    assertThat(state.at("/virtualMachines").size()).isEqualTo(4);
  }

  @Test
  void resourceGraphFiltersVmsByTypeGroupAndTag() throws Exception {
    String query = "{\"subscriptions\":[\"" + clients.sub + "\"],\"query\":\"Resources | where type =~ "
        + "'microsoft.compute/virtualmachines' | where resourceGroup =~ 'RG-SHOP-WEU' | where tags['chaos'] =~ "
        + "'allowed' | project name, id\",\"options\":{\"resultFormat\":\"objectArray\"}}";
    JsonNode r = clients.armJson("POST", "/providers/Microsoft.ResourceGraph/resources?api-version=2024-04-01", query);
    assertThat(r.at("/count").asInt()).isEqualTo(2);
    assertThat(r.at("/data/0/name").asText()).isEqualTo("vm-web-weu-1");
  }

  @Test
  void resourceHealthSaysAvailableForARunningVm() throws Exception {
    JsonNode r = clients.armJson("GET", vms + "/vm-web-weu-1/providers/Microsoft.ResourceHealth/availabilityStatuses"
        + "/current?api-version=2025-05-01", null);
    assertThat(r.at("/properties/availabilityState").asText()).isEqualTo("Available");
    assertThat(r.at("/properties/occuredTime").asText()).isNotEmpty();
    JsonNode neu = clients.armJson("GET", clients.rg("rg-shop-neu") + "/providers/Microsoft.Compute/virtualMachines"
        + "/vm-web-neu-1/providers/Microsoft.ResourceHealth/availabilityStatuses/current?api-version=2025-05-01", null);
    assertThat(neu.at("/properties/availabilityState").asText()).isEqualTo("Unavailable");
    assertThat(neu.at("/properties/reasonType").asText()).isEqualTo("Customer Initiated");
  }

  @Test
  void subnetsNameTheNsgThatGuardsThem() throws Exception {
    JsonNode subnet = clients.armJson("GET", clients.rg("rg-shop-weu") + "/providers/Microsoft.Network"
        + "/virtualNetworks/vnet-shop-weu/subnets/snet-app?api-version=2025-03-01", null);
    assertThat(subnet.at("/properties/networkSecurityGroup/id").asText()).endsWith("/networkSecurityGroups/nsg-app");
    JsonNode token = SandboxClients.JSON.readTree(clients.armWith("POST", "/" + sandbox.tenantId()
        + "/oauth2/v2.0/token", "grant_type=client_credentials", null).body());
    assertThat(token.at("/access_token").asText()).isNotBlank();
  }
}
