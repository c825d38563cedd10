package dev.gameday.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Azure's own Compute, Network, Resource Health, Authorization and Resource Graph examples
 * (azure-spec-examples/, verbatim from Azure/azure-rest-api-specs) replayed against the sandbox:
 * for each call the azure module makes, the sandbox answers with a status code the example lists,
 * the LRO header the example shows, and the fields the module reads with the example's JSON
 * types.
 */
class ComputeNetworkSpecReplayTest {
  private static final String COMPUTE = "?api-version=2025-04-01";
  private static final String NETWORK = "?api-version=2025-03-01";

  private static Sandbox sandbox;
  private static SandboxClients clients;
  private static String vm;
  private static String nsg;

  @BeforeAll
  static void start() throws Exception {
    sandbox = SandboxClients.start(100);
    clients = new SandboxClients(sandbox);
    vm = clients.rg("rg-shop-weu") + "/providers/Microsoft.Compute/virtualMachines/vm-web-weu-1";
    nsg = clients.rg("rg-shop-weu") + "/providers/Microsoft.Network/networkSecurityGroups/nsg-app";
  }

  @BeforeEach
  void freshWorld() {
    sandbox.knobs().resetWorld();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  static JsonNode example(String file) throws Exception {
    try (InputStream in = ComputeNetworkSpecReplayTest.class.getResourceAsStream("/" + file)) {
      return SandboxClients.JSON.readTree(in);
    }
  }

  /** At each pointer the sandbox's answer has a value of the example's JSON type. */
  static void sameShape(JsonNode actual, JsonNode example, List<String> pointers) {
    for (String p : pointers) {
      assertThat(example.at(p).isMissingNode()).as("the example has " + p).isFalse();
      assertThat(actual.at(p).getNodeType()).as(p).isEqualTo(example.at(p).getNodeType());
    }
  }

  static List<String> statusCodes(JsonNode example) {
    List<String> out = new ArrayList<>();
    example.path("responses").fieldNames().forEachRemaining(out::add);
    return out;
  }

  /** The response headers the example names, present (any case) in the sandbox's answer. */
  static void sameHeaders(HttpResponse<String> actual, JsonNode exampleHeaders) {
    for (Iterator<String> names = exampleHeaders.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      assertThat(actual.headers().firstValue(name)).as(name).isPresent();
    }
  }

  @Test
  void theInstanceViewHasTheExamplesStatusesWithAPowerState() throws Exception {
    JsonNode view = clients.armJson("GET", vm + COMPUTE + "&$expand=instanceView", null)
        .at("/properties/instanceView");
    JsonNode example = example("compute/VirtualMachine_Get_InstanceView.json")
        .at("/responses/200/body");

    sameShape(view, example, List.of("/statuses", "/statuses/0/code", "/statuses/0/level",
        "/statuses/0/displayStatus", "/statuses/1/code"));
    assertThat(view.path("statuses").findValuesAsText("code"))
        .anyMatch(c -> c.startsWith("ProvisioningState/"))
        .anyMatch(c -> c.equals("PowerState/running"));
  }

  /** {@code POST {vm}/action} answers with a status code and the LRO headers of the example. */
  void actsAsInExample(String actionAndQuery, String file) throws Exception {
    JsonNode example = example(file);
    HttpResponse<String> r = clients.arm("POST", vm + "/" + actionAndQuery, null);
    assertThat(statusCodes(example)).as(actionAndQuery).contains(Integer.toString(r.statusCode()));
    sameHeaders(r, example.at("/responses/" + r.statusCode() + "/headers"));
  }

  void awaitPowerState(String state) {
    SandboxClients.await(java.time.Duration.ofSeconds(10), state, () -> clients
        .armJson("GET", vm + COMPUTE + "&$expand=instanceView", null)
        .at("/properties/instanceView/statuses").findValuesAsText("code")
        .contains("PowerState/" + state));
  }

  @Test
  void powerOffAndStartAnswerAsComputesExamples() throws Exception {
    actsAsInExample("powerOff" + COMPUTE + "&skipShutdown=true",
        "compute/VirtualMachine_PowerOff_MaximumSet_Gen.json");
    awaitPowerState("stopped");
    actsAsInExample("start" + COMPUTE, "compute/VirtualMachine_Start_MaximumSet_Gen.json");
  }

  @Test
  void deallocateRestartAndTheResourceGroupsVmListAnswerAsComputesExamples() throws Exception {
    actsAsInExample("deallocate" + COMPUTE + "&hibernate=false",
        "compute/VirtualMachine_Deallocate_MaximumSet_Gen.json");
    awaitPowerState("deallocated");
    clients.arm("POST", vm + "/start" + COMPUTE, null);
    awaitPowerState("running");
    actsAsInExample("restart" + COMPUTE, "compute/VirtualMachine_Restart_MinimumSet_Gen.json");

    JsonNode list = clients.armJson("GET", clients.rg("rg-shop-weu")
        + "/providers/Microsoft.Compute/virtualMachines" + COMPUTE, null);
    sameShape(list, example("compute/VirtualMachine_List_MinimumSet_Gen.json")
        .at("/responses/200/body"), List.of("/value", "/value/0/id", "/value/0/location"));
    assertThat(list.path("value").findValuesAsText("id")).contains(vm);
  }

  @Test
  void aSubnetAnswersAsNetworksExampleAndNamesItsNsg() throws Exception {
    JsonNode subnet = clients.armJson("GET", clients.rg("rg-shop-weu")
        + "/providers/Microsoft.Network/virtualNetworks/vnet-shop-weu/subnets/snet-app" + NETWORK,
        null);
    sameShape(subnet, example("network/SubnetGet.json").at("/responses/200/body"), List.of(
        "/name", "/id", "/properties/addressPrefix", "/properties/provisioningState"));
    // The example's subnet has no NSG; SubnetPropertiesFormat.networkSecurityGroup is a
    // NetworkSecurityGroup, of which the module reads the id (virtualNetwork.json, 2025-03-01).
    assertThat(subnet.at("/properties/networkSecurityGroup/id").asText()).isEqualTo(nsg);
  }

  @Test
  void anNsgPutOfFlushConnectionAnswersAsNetworksExample() throws Exception {
    JsonNode create = example("network/NetworkSecurityGroupCreate.json");
    com.fasterxml.jackson.databind.node.ObjectNode asRead =
        (com.fasterxml.jackson.databind.node.ObjectNode) clients.armJson("GET", nsg + NETWORK, null);
    ((com.fasterxml.jackson.databind.node.ObjectNode) asRead.path("properties"))
        .put("flushConnection", true);

    HttpResponse<String> put = clients.arm("PUT", nsg + NETWORK, asRead.toString());

    assertThat(statusCodes(create)).contains(Integer.toString(put.statusCode()));
    JsonNode body = SandboxClients.JSON.readTree(put.body());
    sameShape(body, create.at("/responses/" + put.statusCode() + "/body"), List.of("/name", "/id",
        "/type", "/location", "/properties/provisioningState", "/properties/flushConnection",
        "/properties/securityRules", "/properties/defaultSecurityRules"));
    SandboxClients.await(java.time.Duration.ofSeconds(10), "flushConnection on", () -> clients
        .armJson("GET", nsg + NETWORK, null).at("/properties/flushConnection").asBoolean());
  }

  JsonNode query(String options) {
    return clients.armJson("POST", "/providers/Microsoft.ResourceGraph/resources"
        + "?api-version=2024-04-01", "{\"subscriptions\":[\"" + sandbox.subscriptionId()
        + "\"],\"query\":\"Resources | project id, name, type, location\",\"options\":"
        + options + "}");
  }

  @Test
  void resourceGraphPagesAsTheFirstAndNextPageExamples() throws Exception {
    JsonNode first = example("resourcegraph/ResourcesFirstPageQuery.json");
    JsonNode next = example("resourcegraph/ResourcesNextPageQuery.json");
    List<String> page = List.of("/totalRecords", "/count", "/resultTruncated", "/facets",
        "/$skipToken", "/data", "/data/0/id", "/data/0/name", "/data/0/type", "/data/0/location");

    JsonNode one = query(first.at("/parameters/query/options").toString());
    sameShape(one, first.at("/responses/200/body"), page);
    assertThat(one.path("count").asInt()).isEqualTo(first.at("/parameters/query/options/$top")
        .asInt());
    JsonNode two = query("{\"$top\":3,\"$skipToken\":\"" + one.path("$skipToken").asText()
        + "\"}");
    sameShape(two, next.at("/responses/200/body"), page);
    assertThat(two.path("data").findValuesAsText("id"))
        .doesNotContainAnyElementsOf(one.path("data").findValuesAsText("id"));
    assertThat(two.path("totalRecords").asInt()).isEqualTo(one.path("totalRecords").asInt());
  }

  static final List<String> RULE_FIELDS = List.of("/name", "/id", "/properties/provisioningState",
      "/properties/protocol", "/properties/sourcePortRange", "/properties/destinationPortRange",
      "/properties/sourceAddressPrefix", "/properties/destinationAddressPrefix",
      "/properties/access", "/properties/priority", "/properties/direction");

  @Test
  void theNsgItsListAndARulesLifeAnswerAsNetworksExamples() throws Exception {
    JsonNode get = example("network/NetworkSecurityGroupGet.json").at("/responses/200/body");
    JsonNode actual = clients.armJson("GET", nsg + NETWORK, null);
    sameShape(actual, get, List.of("/name", "/id", "/type", "/location",
        "/properties/provisioningState", "/properties/securityRules",
        "/properties/defaultSecurityRules", "/properties/defaultSecurityRules/0/properties/priority"));
    for (JsonNode rule : actual.at("/properties/securityRules")) {
      sameShape(rule, get.at("/properties/securityRules/0"), List.of("/name", "/id",
          "/properties/provisioningState", "/properties/access", "/properties/priority",
          "/properties/direction"));
    }
    JsonNode list = clients.armJson("GET", clients.rg("rg-shop-weu")
        + "/providers/Microsoft.Network/networkSecurityGroups" + NETWORK, null);
    sameShape(list, example("network/NetworkSecurityGroupList.json").at("/responses/200/body"),
        List.of("/value", "/value/0/id", "/value/0/properties/securityRules"));
    JsonNode all = clients.armJson("GET", "/subscriptions/" + sandbox.subscriptionId()
        + "/providers/Microsoft.Network/networkSecurityGroups" + NETWORK, null);
    sameShape(all, example("network/NetworkSecurityGroupListAll.json").at("/responses/200/body"),
        List.of("/value", "/value/0/id", "/value/0/name", "/value/0/properties/securityRules"));

    JsonNode create = example("network/NetworkSecurityGroupRuleCreate.json");
    String rule = nsg + "/securityRules/replayed-rule";
    HttpResponse<String> put = clients.arm("PUT", rule + NETWORK, create.at(
        "/parameters/securityRuleParameters").toString().replace("\"priority\":100",
            "\"priority\":4000"));
    assertThat(statusCodes(create)).contains(Integer.toString(put.statusCode()));
    sameShape(SandboxClients.JSON.readTree(put.body()), create.at("/responses/" + put.statusCode()
        + "/body"), RULE_FIELDS);
    SandboxClients.await(java.time.Duration.ofSeconds(10), "rule provisioned", () -> clients
        .armJson("GET", rule + NETWORK, null).at("/properties/provisioningState").asText()
        .equals("Succeeded"));
    sameShape(clients.armJson("GET", rule + NETWORK, null),
        example("network/NetworkSecurityGroupRuleGet.json").at("/responses/200/body"), RULE_FIELDS);

    JsonNode delete = example("network/NetworkSecurityGroupRuleDelete.json");
    HttpResponse<String> del = clients.arm("DELETE", rule + NETWORK, null);
    assertThat(statusCodes(delete)).contains(Integer.toString(del.statusCode()));
    sameHeaders(del, delete.at("/responses/" + del.statusCode() + "/headers"));
    SandboxClients.await(java.time.Duration.ofSeconds(10), "rule gone", () ->
        clients.arm("GET", rule + NETWORK, null).statusCode() == 404);
  }

  JsonNode health() {
    return clients.armJson("GET", vm
        + "/providers/Microsoft.ResourceHealth/availabilityStatuses/current?api-version=2025-05-01",
        null);
  }

  @Test
  void resourceHealthAnswersAsTheExamplesAvailableAndUnavailableStatuses() throws Exception {
    JsonNode statuses = example("resourcehealth/AvailabilityStatuses_ListByResourceGroup.json")
        .at("/responses/200/body/value");
    List<String> fields = List.of("/id", "/name", "/type", "/location",
        "/properties/availabilityState", "/properties/title", "/properties/summary",
        "/properties/occuredTime", "/properties/reportedTime");

    JsonNode available = health();
    sameShape(available, statuses.get(0), fields);
    assertThat(available.at("/properties/availabilityState").asText()).isEqualTo("Available");

    clients.arm("POST", vm + "/powerOff" + COMPUTE + "&skipShutdown=true", null);
    SandboxClients.await(java.time.Duration.ofSeconds(10), "unavailable", () -> health()
        .at("/properties/availabilityState").asText().equals("Unavailable"));
    List<String> unavailableFields = new ArrayList<>(fields);
    unavailableFields.addAll(List.of("/properties/reasonType", "/properties/reasonChronicity"));
    sameShape(health(), statuses.get(1), unavailableFields);
  }

  @Test
  void permissionsAnswerAsThePermissionsListOfTheExample() throws Exception {
    JsonNode actual = clients.armJson("GET", clients.rg("rg-shop-weu")
        + "/providers/Microsoft.Authorization/permissions?api-version=2022-04-01", null);

    sameShape(actual, example("authorization/GetPermissions.json").at("/responses/200/body"),
        List.of("/value", "/value/0/actions", "/value/0/notActions"));
  }
}
