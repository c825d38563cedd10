package dev.gameday.azure.fault;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static dev.gameday.azure.support.Arm.RG;
import static dev.gameday.azure.support.Arm.vmId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.gameday.azure.support.ArmStub;
import dev.gameday.azure.support.SpecExamples;
import dev.gameday.azure.support.WithArmStub;
import dev.gameday.azure.target.PermissionCheck;
import dev.gameday.core.event.TimelineEvent.ChangeRestored;
import dev.gameday.core.event.TimelineEvent.FaultEffective;
import dev.gameday.core.event.TimelineEvent.OperationAccepted;
import dev.gameday.core.event.TimelineEvent.PlatformRestored;
import dev.gameday.core.event.TimelineEvent.ResourceHealthChanged;
import dev.gameday.core.model.FaultAction.Direction;
import dev.gameday.core.model.FaultAction.NsgDeny;
import dev.gameday.core.model.FaultAction.NsgRef;
import dev.gameday.core.model.FaultAction.Protocol;
import dev.gameday.core.port.PlatformException;
import dev.gameday.core.port.RunClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Azure's own REST examples ({@code azure-spec-examples/}, verbatim from
 * Azure/azure-rest-api-specs) served by WireMock to the faults and the preflight: the Compute
 * power actions' 202 with a {@code location} only and the instance view, the Network subnet,
 * security group (its GET and PUT) and rule answers, Resource Health's availability status and
 * the permissions list. Where
 * the stub derives an answer from an example (a power state other than the example's, ids at the
 * stub's paths), the test says so.
 */
class SpecExamplesReplayTest extends WithArmStub {
  static final String VM = vmId("myVM");
  static final String NSG = RG + "/providers/Microsoft.Network/networkSecurityGroups/testnsg";

  /**
   * {@code GET {vm}?$expand=instanceView}: the VM with {@code properties.instanceView}, a
   * {@code VirtualMachineInstanceView} (ComputeRP {@code virtualMachine.json}), here the
   * instance view of {@code VirtualMachine_Get_InstanceView.json} with its power state status
   * set to {@code powerState}.
   */
  static ResponseDefinitionBuilder vmWithExampleInstanceView(String powerState) {
    ObjectNode view = (ObjectNode) SpecExamples.example(
        "compute/VirtualMachine_Get_InstanceView.json").at("/responses/200/body").deepCopy();
    for (JsonNode s : view.withArray("statuses")) {
      if (s.path("code").asText().startsWith("PowerState/")) {
        ((ObjectNode) s).put("code", "PowerState/" + powerState);
      }
    }
    ObjectNode vm = dev.gameday.azure.arm.Json.object();
    vm.put("id", VM).put("name", "myVM");
    vm.putObject("properties").set("instanceView", view);
    return okJson(vm.toString());
  }

  /** The example's 202: a {@code location} header only (here on the stub, not foo.com). */
  static ResponseDefinitionBuilder acceptedAsInExample(String example, String opPath) {
    JsonNode headers = SpecExamples.example(example).at("/responses/202/headers");
    assertThat(headers.fieldNames()).toIterable().containsExactly("location");
    return aResponse().withStatus(202).withHeader("location", stub.endpoint() + opPath);
  }

  @Test
  void theInstanceViewOfComputesExampleReadsAsRunning() {
    stub.server.stubFor(get(urlPathEqualTo(VM)).withQueryParam("$expand", equalTo("instanceView"))
        .willReturn(vmWithExampleInstanceView("running")));

    assertThat(VmPower.read(stub.faults().arm(), VM)).isEqualTo("running");
  }

  @Test
  void aPowerOffAndStartAcceptedAsInComputesExamplesAreFollowedToTheirEnd() throws Exception {
    var s = stub.server;
    s.stubFor(get(urlPathEqualTo(VM)).inScenario("vm").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(vmWithExampleInstanceView("running")));
    s.stubFor(post(urlPathEqualTo(VM + "/powerOff")).withQueryParam("skipShutdown", equalTo("true"))
        .inScenario("vm").willSetStateTo("stopped").willReturn(acceptedAsInExample(
            "compute/VirtualMachine_PowerOff_MaximumSet_Gen.json", "/operationstatus/off")));
    s.stubFor(get(urlPathEqualTo(VM)).inScenario("vm").whenScenarioStateIs("stopped")
        .willReturn(vmWithExampleInstanceView("stopped")));
    s.stubFor(post(urlPathEqualTo(VM + "/start")).inScenario("vm").willSetStateTo("running")
        .willReturn(acceptedAsInExample("compute/VirtualMachine_Start_MaximumSet_Gen.json",
            "/operationstatus/on")));
    s.stubFor(get(urlPathEqualTo(VM)).inScenario("vm").whenScenarioStateIs("running")
        .willReturn(vmWithExampleInstanceView("running")));
    // A Location URL answers 202 while the operation runs, then 200 (ARM's async contract).
    s.stubFor(get(urlPathMatching("/operationstatus/.*")).willReturn(aResponse().withStatus(200)));
    s.stubFor(get(urlPathMatching(".*/availabilityStatuses/current"))
        .willReturn(aResponse().withStatus(404)));
    VmPowerFault f = new VmPowerFault("off", VmAction.POWER_OFF, true, List.of(VM),
        stub.faults());

    f.inject(events);
    f.awaitEffective(events, Instant.now().plusSeconds(5));
    f.revert(events, Instant.now().plusSeconds(5));
    f.awaitRestored(events, Instant.now().plusSeconds(5));

    assertThat(events.of(OperationAccepted.class)).extracting(OperationAccepted::httpStatus,
        a -> a.operationId().orElse("")).containsExactly(
            org.assertj.core.groups.Tuple.tuple(202, "off"),
            org.assertj.core.groups.Tuple.tuple(202, "on"));
    assertThat(events.of(FaultEffective.class)).singleElement()
        .satisfies(e -> assertThat(e.evidence()).isEqualTo("PowerState/stopped"));
    assertThat(events.of(ChangeRestored.class)).singleElement()
        .satisfies(c -> assertThat(c.evidence()).isEqualTo("PowerState/running"));
  }

  /**
   * {@code action} on the VM, accepted as in {@code example} (a 202 with a {@code location} whose
   * operation is done at once): injected and awaited, it is one accepted 202 naming the operation.
   */
  void acceptedAsInExampleAndEffective(VmAction action, String example, String op)
      throws Exception {
    var s = stub.server;
    s.stubFor(post(urlPathEqualTo(VM + "/" + action.action())).inScenario("vm")
        .willSetStateTo("acted").willReturn(acceptedAsInExample(example, "/operationstatus/" + op)));
    // The Location URL of the example's 202 answers 200 once the operation is done.
    s.stubFor(get(urlPathMatching("/operationstatus/.*")).willReturn(aResponse().withStatus(200)));
    s.stubFor(get(urlPathMatching(".*/availabilityStatuses/current"))
        .willReturn(aResponse().withStatus(404)));
    VmPowerFault f = new VmPowerFault(op, action, false, List.of(VM), stub.faults());

    f.inject(events);
    f.awaitEffective(events, Instant.now().plusSeconds(5));

    assertThat(events.of(OperationAccepted.class)).singleElement().satisfies(a -> {
      assertThat(a.httpStatus()).isEqualTo(202);
      assertThat(a.operationId()).contains(op);
    });
  }

  @Test
  void aDeallocateAcceptedAsInComputesExampleIsFollowedToDeallocated() throws Exception {
    stub.server.stubFor(get(urlPathEqualTo(VM)).inScenario("vm")
        .whenScenarioStateIs(Scenario.STARTED).willReturn(vmWithExampleInstanceView("running")));
    stub.server.stubFor(get(urlPathEqualTo(VM)).inScenario("vm").whenScenarioStateIs("acted")
        .willReturn(vmWithExampleInstanceView("deallocated")));

    acceptedAsInExampleAndEffective(VmAction.DEALLOCATE,
        "compute/VirtualMachine_Deallocate_MaximumSet_Gen.json", "dealloc");

    stub.server.verify(postRequestedFor(urlPathEqualTo(VM + "/deallocate"))
        .withQueryParam("hibernate", equalTo("false")));
    assertThat(events.of(FaultEffective.class)).singleElement()
        .satisfies(e -> assertThat(e.evidence()).isEqualTo("PowerState/deallocated"));
  }

  @Test
  void aRestartAcceptedAsInComputesExampleIsEffectiveWhenItsOperationSucceeded() throws Exception {
    stub.server.stubFor(get(urlPathEqualTo(VM)).willReturn(vmWithExampleInstanceView("running")));

    acceptedAsInExampleAndEffective(VmAction.RESTART,
        "compute/VirtualMachine_Restart_MinimumSet_Gen.json", "reboot");

    assertThat(events.of(FaultEffective.class)).hasSize(1);
  }

  /** An answer whose body is the example's, with the example's ids moved under the stub's RG. */
  static ResponseDefinitionBuilder example(String file, int status) {
    String body = SpecExamples.body(file, status)
        .replace("/subscriptions/subid/resourceGroups/rg1", RG)
        .replace("/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1", RG);
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
        .withBody(body);
  }

  /** The rule is absent, then its PUT and GET answer as Network's rule examples. */
  void ruleCreatedAsInNetworksExamples(String rule) {
    var s = stub.server;
    s.stubFor(get(urlPathEqualTo(rule)).inScenario("rule").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(404)));
    s.stubFor(put(urlPathEqualTo(rule)).inScenario("rule").willSetStateTo("created")
        .willReturn(example("network/NetworkSecurityGroupRuleCreate.json", 201)));
    s.stubFor(get(urlPathEqualTo(rule)).inScenario("rule").whenScenarioStateIs("created")
        .willReturn(example("network/NetworkSecurityGroupRuleGet.json", 200)));
  }

  @Test
  void aDenyRuleIsWrittenNextToTheNsgOfNetworksExamplesAndDeletedAsTheExampleDeletes()
      throws Exception {
    var s = stub.server;
    String rule = NSG + "/securityRules/gameday-run-1-cut";
    s.stubFor(get(urlPathEqualTo(NSG)).willReturn(example(
        "network/NetworkSecurityGroupGet.json", 200)));
    ruleCreatedAsInNetworksExamples(rule);
    JsonNode deleted = SpecExamples.example("network/NetworkSecurityGroupRuleDelete.json")
        .at("/responses/202/headers");
    s.stubFor(delete(urlPathEqualTo(rule)).inScenario("rule").willSetStateTo("gone")
        .willReturn(aResponse().withStatus(202).withHeader("Azure-AsyncOperation",
            stub.endpoint() + java.net.URI.create(deleted.path("Azure-AsyncOperation").asText())
                .getRawPath() + "?api-version=2025-03-01")));
    s.stubFor(get(urlPathEqualTo(rule)).inScenario("rule").whenScenarioStateIs("gone")
        .willReturn(aResponse().withStatus(404)));
    NsgDenyFault f = new NsgDenyFault("cut", new NsgDeny(new NsgRef.ByName("rg-shop", "testnsg"),
        Direction.Inbound, List.of(), List.of("10.0.0.0/8"), List.of("80"), Protocol.Tcp,
        Optional.empty(), false), ArmStub.SUB, "run-1", Duration.ofMinutes(10), stub.faults());

    f.inject(events);
    f.awaitEffective(events, Instant.now().plusSeconds(5));
    f.revert(events, Instant.now().plusSeconds(5));
    f.awaitRestored(events, Instant.now().plusSeconds(5));

    // The example NSG holds rule1 at priority 130 inbound: the lowest free one is 100.
    s.verify(putRequestedFor(urlPathEqualTo(rule)).withRequestBody(matchingJsonPath(
        "$.properties.priority", equalTo("100"))));
    assertThat(events.of(FaultEffective.class)).hasSize(1);
    assertThat(events.of(OperationAccepted.class)).extracting(OperationAccepted::httpStatus)
        .containsExactly(201, 202);
    assertThat(events.of(PlatformRestored.class)).hasSize(1);
  }

  /**
   * A subnet as in {@code SubnetGet.json} with an NSG attached: the example's subnet has none, so
   * {@code properties.networkSecurityGroup} is added as {@code SubnetPropertiesFormat} defines it
   * (a {@code NetworkSecurityGroup}, of which the module reads the {@code id}).
   */
  static ResponseDefinitionBuilder subnetGuardedBy(String nsg) {
    ObjectNode subnet = (ObjectNode) SpecExamples.example("network/SubnetGet.json")
        .at("/responses/200/body").deepCopy();
    ((ObjectNode) subnet.path("properties")).putObject("networkSecurityGroup").put("id", nsg);
    return okJson(subnet.toString());
  }

  /** The NSG of {@code NetworkSecurityGroupGet.json} with {@code flushConnection} as given. */
  static ResponseDefinitionBuilder nsgFlushing(boolean flush) {
    ObjectNode nsg = (ObjectNode) SpecExamples.example("network/NetworkSecurityGroupGet.json")
        .at("/responses/200/body").deepCopy();
    ((ObjectNode) nsg.path("properties")).put("flushConnection", flush);
    return okJson(nsg.toString());
  }

  @Test
  void aRuleOnTheNsgOfTheExamplesSubnetTurnsFlushOnAndOffWithPutsAnsweredAsTheExample()
      throws Exception {
    var s = stub.server;
    String subnet = RG + "/providers/Microsoft.Network/virtualNetworks/vnetname/subnets/subnet1";
    String rule = NSG + "/securityRules/gameday-run-1-cut";
    s.stubFor(get(urlPathEqualTo(subnet)).willReturn(subnetGuardedBy(NSG)));
    s.stubFor(get(urlPathEqualTo(NSG)).inScenario("nsg").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(example("network/NetworkSecurityGroupGet.json", 200)));
    s.stubFor(put(urlPathEqualTo(NSG)).inScenario("nsg")
        .withRequestBody(matchingJsonPath("$.properties.flushConnection", equalTo("true")))
        .willSetStateTo("flushed")
        .willReturn(example("network/NetworkSecurityGroupCreate.json", 200)));
    s.stubFor(get(urlPathEqualTo(NSG)).inScenario("nsg").whenScenarioStateIs("flushed")
        .willReturn(nsgFlushing(true)));
    s.stubFor(put(urlPathEqualTo(NSG)).inScenario("nsg")
        .withRequestBody(matchingJsonPath("$.properties.flushConnection", equalTo("false")))
        .willSetStateTo("unflushed")
        .willReturn(example("network/NetworkSecurityGroupCreate.json", 200)));
    s.stubFor(get(urlPathEqualTo(NSG)).inScenario("nsg").whenScenarioStateIs("unflushed")
        .willReturn(example("network/NetworkSecurityGroupCreate.json", 200)));
    ruleCreatedAsInNetworksExamples(rule);
    s.stubFor(delete(urlPathEqualTo(rule)).inScenario("rule").willSetStateTo("gone")
        .willReturn(aResponse().withStatus(204)));
    s.stubFor(get(urlPathEqualTo(rule)).inScenario("rule").whenScenarioStateIs("gone")
        .willReturn(aResponse().withStatus(404)));
    NsgDenyFault f = new NsgDenyFault("cut", new NsgDeny(new NsgRef.BySubnet("rg-shop", "vnetname",
        "subnet1"), Direction.Inbound, List.of(), List.of("10.0.0.0/8"), List.of("80"),
        Protocol.Tcp, Optional.empty(), true), ArmStub.SUB, "run-1", Duration.ofMinutes(10),
        stub.faults());

    f.inject(events);
    f.awaitEffective(events, Instant.now().plusSeconds(5));
    f.revert(events, Instant.now().plusSeconds(5));
    f.awaitRestored(events, Instant.now().plusSeconds(5));

    s.verify(1, putRequestedFor(urlPathEqualTo(NSG)).withRequestBody(matchingJsonPath(
        "$.properties.flushConnection", equalTo("true"))));
    s.verify(1, putRequestedFor(urlPathEqualTo(NSG)).withRequestBody(matchingJsonPath(
        "$.properties.flushConnection", equalTo("false"))));
    assertThat(events.of(ChangeRestored.class)).extracting(ChangeRestored::resource)
        .contains(NSG, rule);
  }

  @Test
  void resourceHealthReadsTheAvailabilityStateOfTheExamplesStatuses() {
    JsonNode statuses = SpecExamples.example(
        "resourcehealth/AvailabilityStatuses_ListByResourceGroup.json").at("/responses/200/body/value");
    ResourceHealthWatcher health = new ResourceHealthWatcher(stub.faults(), "off");
    for (JsonNode status : statuses) {
      stub.server.stubFor(get(urlPathEqualTo(VM
          + "/providers/Microsoft.ResourceHealth/availabilityStatuses/current"))
          .willReturn(okJson(status.toString())));

      assertThat(health.observe(VM, events)).contains(status.at("/properties/availabilityState")
          .asText());
    }
    assertThat(events.of(ResourceHealthChanged.class)).extracting(ResourceHealthChanged::state)
        .containsExactly("Available", "Unavailable");
  }

  @Test
  void thePermissionsOfTheExampleGrantNothingAndAreReadOverEveryPage() throws Exception {
    String rg = "/subscriptions/" + ArmStub.SUB + "/resourceGroups/rg-shop";
    String path = rg + "/providers/Microsoft.Authorization/permissions";
    ObjectNode first = (ObjectNode) SpecExamples.example("authorization/GetPermissions.json")
        .at("/responses/200/body").deepCopy();
    // The example's nextLink is a placeholder ("nextlink"); here it is the stub's second page.
    first.put("nextLink", stub.endpoint() + path + "?api-version=2022-04-01&page=2");
    stub.server.stubFor(get(urlPathEqualTo(path)).withQueryParam("page", absent())
        .willReturn(okJson(first.toString())));
    stub.server.stubFor(get(urlPathEqualTo(path)).withQueryParam("page", equalTo("2"))
        .willReturn(okJson("{\"value\":[{\"actions\":[\"Microsoft.Compute/virtualMachines/*\"],"
            + "\"notActions\":[]}]}")));
    PermissionCheck check = new PermissionCheck(stub.faults().arm(), RunClock.SYSTEM);

    check.verify(Map.of(rg, Set.of("Microsoft.Compute/virtualMachines/powerOff/action")),
        events);
    assertThatThrownBy(() -> check.verify(Map.of(rg,
        Set.of("Microsoft.Network/networkSecurityGroups/read")), events))
        .isInstanceOf(PlatformException.class)
        .hasMessageContaining("Microsoft.Network/networkSecurityGroups/read on " + rg);
  }
}
