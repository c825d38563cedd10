package dev.gameday.azure.fault;

import dev.gameday.azure.support.WithArmStub;
import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static dev.gameday.azure.support.Arm.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.gameday.azure.support.ArmStub;
import dev.gameday.core.event.TimelineEvent.ChangeRecorded;
import dev.gameday.core.event.TimelineEvent.ChangeRestored;
import dev.gameday.core.event.TimelineEvent.FaultEffective;
import dev.gameday.core.event.TimelineEvent.OperationAccepted;
import dev.gameday.core.event.TimelineEvent.PlatformRestored;
import dev.gameday.core.event.TimelineEvent.RevertFailed;
import dev.gameday.core.event.TimelineEvent.RevertRequested;
import dev.gameday.core.model.FaultAction.Direction;
import dev.gameday.core.model.FaultAction.NsgDeny;
import dev.gameday.core.model.FaultAction.NsgRef;
import dev.gameday.core.model.FaultAction.Protocol;
import dev.gameday.core.port.FaultException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NsgDenyFaultTest extends WithArmStub {
  static final String NSG = RG + "/providers/Microsoft.Network/networkSecurityGroups/nsg-app";
  static final String RULE = NSG + "/securityRules/gameday-run-1-cut-sql";
  static final String EXISTING_RULES = "[{\"name\":\"allow-https\",\"properties\":{\"priority\":100,"
      + "\"direction\":\"Inbound\",\"access\":\"Allow\"}},"
      + "{\"name\":\"allow-dns\",\"properties\":{\"priority\":100,\"direction\":\"Outbound\"}},"
      + "{\"name\":\"allow-sql\",\"properties\":{\"priority\":101,\"direction\":\"Outbound\"}}]";


  static NsgDeny cutSql(Optional<Integer> priority, boolean flush) {
    return new NsgDeny(new NsgRef.ByName("rg-shop", "nsg-app"), Direction.Outbound,
        List.of(), List.of("10.10.2.0/24"), List.of("1433"), Protocol.Tcp, priority, flush);
  }

  NsgDenyFault fault(NsgDeny deny) {
    return new NsgDenyFault("cut-sql", deny, ArmStub.SUB, "run-1", Duration.ofMinutes(10),
        stub.faults());
  }

  void nsg(String rules, boolean flush) {
    stub.server.stubFor(get(urlPathEqualTo(NSG)).willReturn(okJson("{\"id\":\"" + NSG
        + "\",\"etag\":\"W/\\\"e1\\\"\",\"properties\":{\"flushConnection\":" + flush
        + ",\"securityRules\":" + rules + "}}")));
  }

  void ruleLifecycle() {
    var s = stub.server;
    s.stubFor(put(urlPathEqualTo(RULE)).inScenario("rule").willSetStateTo("updating")
        .willReturn(aResponse().withStatus(201).withHeader("x-ms-correlation-request-id", "c-put")
            .withHeader("Azure-AsyncOperation", stub.endpoint() + "/ops/put?api-version=x")
            .withBody("{\"properties\":{\"provisioningState\":\"Updating\"}}")));
    s.stubFor(get(urlPathEqualTo(RULE)).inScenario("rule").whenScenarioStateIs("updating")
        .willSetStateTo("ready")
        .willReturn(okJson("{\"properties\":{\"provisioningState\":\"Updating\"}}")));
    s.stubFor(get(urlPathEqualTo(RULE)).inScenario("rule").whenScenarioStateIs("ready")
        .willReturn(okJson("{\"properties\":{\"provisioningState\":\"Succeeded\","
            + "\"priority\":102}}")));
    s.stubFor(delete(urlPathEqualTo(RULE)).inScenario("rule").willSetStateTo("gone")
        .willReturn(accepted(stub, "/ops/del")));
    s.stubFor(get(urlPathEqualTo(RULE)).inScenario("rule").whenScenarioStateIs("gone")
        .willReturn(armNotFound()));
  }

  /** The fault as rollback builds it: with the changes the journal recorded. */
  NsgDenyFault recorded(boolean flushChanged) {
    NsgDenyFault f = fault(cutSql(Optional.empty(), flushChanged));
    var at = stub.faults().stamp();
    var changes = new java.util.ArrayList<ChangeRecorded>();
    if (flushChanged) {
      changes.add(new ChangeRecorded(at, "cut-sql", NSG, "flushConnection", "false", Map.of()));
    }
    changes.add(new ChangeRecorded(at, "cut-sql", RULE, "securityRule", "absent", Map.of()));
    f.restoreFrom(changes);
    return f;
  }

  static Instant in(int seconds) {
    return Instant.now().plusSeconds(seconds);
  }

  @Test
  void addsOneDenyRuleAtTheLowestFreePriorityAndDeletesItOnRevert() throws Exception {
    nsg(EXISTING_RULES, false);
    ruleLifecycle();
    NsgDenyFault f = fault(cutSql(Optional.empty(), false));

    f.inject(events);
    f.awaitEffective(events, in(5));
    f.revert(events, in(5));
    f.awaitRestored(events, in(5));

    stub.server.verify(putRequestedFor(urlPathEqualTo(RULE))
        .withQueryParam("api-version", equalTo("2025-03-01"))
        .withRequestBody(equalToJson("""
            {"properties": {"description": "${json-unit.any-string}", "protocol": "Tcp",
              "access": "Deny", "direction": "Outbound", "priority": 102,
              "sourceAddressPrefix": "*", "sourcePortRange": "*",
              "destinationAddressPrefix": "10.10.2.0/24", "destinationPortRange": "1433"}}"""))
        .withRequestBody(matchingJsonPath("$.properties.description", matching(
            "gameday run run-1; expires \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ;"
                + " remove with 'gameday sweep'"))));
    stub.server.verify(1, deleteRequestedFor(urlPathEqualTo(RULE))
        .withQueryParam("api-version", equalTo("2025-03-01")));
    stub.server.verify(0, putRequestedFor(urlPathEqualTo(NSG)));
    assertThat(events.kinds()).containsExactly("FaultRequested", "ChangeRecorded",
        "OperationAccepted", "FaultEffective", "RevertRequested", "OperationAccepted",
        "ChangeRestored", "PlatformRestored");
    assertThat(events.of(OperationAccepted.class).get(0).correlationId()).contains("c-put");
    assertThat(events.of(FaultEffective.class).get(0).evidence())
        .contains("provisioningState Succeeded").contains("new connections only");
    assertThat(events.of(PlatformRestored.class).get(0).evidence()).contains("gone (404)");
  }

  @Test
  void writesSeveralPrefixesAndPortsAsPluralPropertiesAndAnyAsStar() throws Exception {
    nsg("[]", false);
    ruleLifecycle();
    NsgDeny deny = new NsgDeny(new NsgRef.ByName("rg-shop", "nsg-app"), Direction.Inbound,
        List.of("VirtualNetwork", "10.0.0.0/8"), List.of(), List.of("80", "443"), Protocol.Any,
        Optional.of(250), false);

    fault(deny).inject(events);

    stub.server.verify(putRequestedFor(urlPathEqualTo(RULE)).withRequestBody(equalToJson("""
        {"properties": {"description": "${json-unit.any-string}", "protocol": "*",
          "access": "Deny", "direction": "Inbound", "priority": 250,
          "sourceAddressPrefixes": ["VirtualNetwork", "10.0.0.0/8"], "sourcePortRange": "*",
          "destinationAddressPrefix": "*", "destinationPortRanges": ["80", "443"]}}""")));
  }

  @Test
  void refusesAPriorityAnotherRuleHolds() {
    nsg(EXISTING_RULES, false);

    assertThatThrownBy(() -> fault(cutSql(Optional.of(101), false)).inject(events))
        .isInstanceOf(FaultException.class)
        .hasMessageContaining("priority 101 is already used by rule 'allow-sql'");
    stub.server.verify(0, putRequestedFor(urlPathEqualTo(RULE)));
  }

  @Test
  void findsItsOwnRuleAfterACrashInsteadOfAddingASecond() throws Exception {
    nsg("[{\"name\":\"gameday-run-1-cut-sql\",\"properties\":{\"priority\":102,"
        + "\"direction\":\"Outbound\",\"provisioningState\":\"Succeeded\"}}]", false);

    fault(cutSql(Optional.empty(), false)).inject(events);

    stub.server.verify(0, putRequestedFor(urlPathEqualTo(RULE)));
  }

  @Test
  void findsTheNsgThroughTheSubnetItGuards() throws Exception {
    String subnet = RG + "/providers/Microsoft.Network/virtualNetworks/vnet-shop/subnets/snet-app";
    stub.server.stubFor(get(urlPathEqualTo(subnet)).willReturn(okJson(
        "{\"properties\":{\"networkSecurityGroup\":{\"id\":\"" + NSG + "\"}}}")));
    nsg("[]", false);
    ruleLifecycle();
    NsgDeny deny = new NsgDeny(new NsgRef.BySubnet("rg-shop", "vnet-shop", "snet-app"),
        Direction.Outbound, List.of(), List.of("10.10.2.0/24"), List.of(), Protocol.Tcp,
        Optional.empty(), false);

    fault(deny).inject(events);

    stub.server.verify(putRequestedFor(urlPathEqualTo(RULE))
        .withRequestBody(matchingJsonPath("$.properties.priority", equalTo("100"))));
  }

  @Test
  void turnsFlushConnectionOnForTheHoldAndBackOffAfter() throws Exception {
    ruleLifecycle();
    nsgFlushWorld(false);
    NsgDenyFault f = fault(cutSql(Optional.empty(), true));

    f.inject(events);
    stub.server.verify(putRequestedFor(urlPathEqualTo(NSG))
        .withHeader("If-Match", equalTo("W/\"e1\""))
        .withRequestBody(matchingJsonPath("$.properties.flushConnection", equalTo("true"))));
    f.awaitEffective(events, in(5));
    f.revert(events, in(5));
    f.awaitRestored(events, in(5));

    stub.server.verify(putRequestedFor(urlPathEqualTo(NSG))
        .withHeader("If-Match", equalTo("W/\"e2\""))
        .withRequestBody(matchingJsonPath("$.properties.flushConnection", equalTo("false"))));
    assertThat(events.of(FaultEffective.class).get(0).evidence()).contains("flushConnection on");
    assertThat(events.of(ChangeRecorded.class)).extracting(ChangeRecorded::change)
        .containsExactly("flushConnection", "securityRule");
    assertThat(events.of(ChangeRestored.class)).extracting(ChangeRestored::change)
        .containsExactlyInAnyOrder("flushConnection", "securityRule");
    assertThat(events.kinds()).containsSubsequence("FaultRequested", "ChangeRecorded",
        "ChangeRecorded", "OperationAccepted");
  }

  /**
   * The partition ends when the rule is gone; the flush is Gameday's own setting. The revert
   * names the rule alone, and reports it restored at the look that saw it gone, not after the
   * flush's PUT: every resource of revert.requested gets its platform.restored.
   */
  @Test
  void aRevertWithAFlushReportsTheRuleRestoredWhenSeenGoneNotAfterTheFlush() throws Exception {
    ruleLifecycle();
    nsgFlushWorld(false);
    NsgDenyFault f = fault(cutSql(Optional.empty(), true));

    f.inject(events);
    f.awaitEffective(events, in(5));
    f.revert(events, in(5));
    f.awaitRestored(events, in(5));

    assertThat(events.of(RevertRequested.class)).singleElement()
        .satisfies(r -> assertThat(r.resources()).containsExactly(RULE));
    assertThat(events.of(PlatformRestored.class)).singleElement()
        .satisfies(r -> assertThat(r.resource()).isEqualTo(RULE));
    assertThat(events.events()).map(e -> e instanceof ChangeRestored c ? c.change()
            : e.getClass().getSimpleName())
        .containsSubsequence("RevertRequested", "securityRule", "PlatformRestored",
            "flushConnection");
  }

  @Test
  void aRollbackOfAFlushAloneReportsTheNsgRestoredWhenTheFlushIsOff() throws Exception {
    stub.server.stubFor(get(urlPathEqualTo(RULE)).willReturn(armNotFound()));
    nsgFlushWorld(false);
    stub.server.setScenarioState("flush", "on");
    NsgDenyFault f = fault(cutSql(Optional.empty(), true));
    f.restoreFrom(List.of(new ChangeRecorded(stub.faults().stamp(), "cut-sql", NSG,
        "flushConnection", "false", Map.of())));

    f.revert(events, in(5));
    f.awaitRestored(events, in(5));

    assertThat(events.of(RevertRequested.class)).singleElement()
        .satisfies(r -> assertThat(r.resources()).containsExactly(NSG));
    assertThat(events.of(PlatformRestored.class)).singleElement()
        .satisfies(r -> assertThat(r.resource()).isEqualTo(NSG));
  }

  /** An NSG whose flushConnection follows the PUTs: etag e1 before the hold, e2 during, e3 after. */
  void nsgFlushWorld(boolean anotherRunsRuleBeingDeleted) {
    String deleting = anotherRunsRuleBeingDeleted ? "{\"name\":\"gameday-other-run\","
        + "\"properties\":{\"priority\":200,\"direction\":\"Outbound\","
        + "\"provisioningState\":\"Deleting\"}}" : "";
    var s = stub.server;
    s.stubFor(get(urlPathEqualTo(NSG)).inScenario("flush").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson(nsgBody("e1", false, ""))));
    s.stubFor(put(urlPathEqualTo(NSG)).inScenario("flush").whenScenarioStateIs(Scenario.STARTED)
        .withRequestBody(matchingJsonPath("$.properties.flushConnection", equalTo("true")))
        .willSetStateTo("on").willReturn(okJson("{}")));
    s.stubFor(get(urlPathEqualTo(NSG)).inScenario("flush").whenScenarioStateIs("on")
        .willReturn(okJson(nsgBody("e2", true, deleting))));
    s.stubFor(put(urlPathEqualTo(NSG)).inScenario("flush").whenScenarioStateIs("on")
        .withHeader("If-Match", equalTo("W/\"e2\""))
        .willSetStateTo("off").willReturn(okJson("{}")));
    s.stubFor(get(urlPathEqualTo(NSG)).inScenario("flush").whenScenarioStateIs("off")
        .willReturn(okJson(nsgBody("e3", false, ""))));
  }

  static String nsgBody(String etag, boolean flush, String rules) {
    return "{\"id\":\"" + NSG + "\",\"etag\":\"W/\\\"" + etag + "\\\"\",\"properties\":"
        + "{\"flushConnection\":" + flush + ",\"securityRules\":[" + rules + "]}}";
  }

  @Test
  void flushRestoreReadsAgainAfterA412AndNeverPutsBackARuleBeingDeleted() throws Exception {
    stub.server.stubFor(get(urlPathEqualTo(RULE)).willReturn(armNotFound()));
    nsgFlushWorld(true);
    stub.server.setScenarioState("flush", "on");
    stub.server.stubFor(put(urlPathEqualTo(NSG)).inScenario("flush").whenScenarioStateIs("on")
        .withHeader("If-Match", equalTo("W/\"e2\"")).willSetStateTo("changed")
        .willReturn(aResponse().withStatus(412).withBody("{\"error\":{\"code\":"
            + "\"PreconditionFailed\",\"message\":\"etag mismatch\"}}")));
    stub.server.stubFor(get(urlPathEqualTo(NSG)).inScenario("flush").whenScenarioStateIs("changed")
        .willReturn(okJson(nsgBody("e4", true, ""))));
    stub.server.stubFor(put(urlPathEqualTo(NSG)).inScenario("flush").whenScenarioStateIs("changed")
        .withHeader("If-Match", equalTo("W/\"e4\"")).willSetStateTo("off")
        .willReturn(okJson("{}")));

    NsgDenyFault f = recorded(true);
    f.revert(events, in(5));

    stub.server.verify(2, putRequestedFor(urlPathEqualTo(NSG)));
    stub.server.verify(0, putRequestedFor(urlPathEqualTo(NSG))
        .withRequestBody(containing("gameday-other-run")));
    assertThat(events.of(ChangeRestored.class)).extracting(ChangeRestored::change)
        .contains("flushConnection");
  }

  @Test
  void rollbackLeavesAFlushItDidNotChangeAsItIs() throws Exception {
    ruleLifecycle();
    stub.server.setScenarioState("rule", "ready");
    nsg("[]", true);

    NsgDenyFault f = recorded(false);
    f.revert(events, in(5));
    f.awaitRestored(events, in(5));

    stub.server.verify(0, putRequestedFor(urlPathEqualTo(NSG)));
    stub.server.verify(1, deleteRequestedFor(urlPathEqualTo(RULE)));
    assertThat(events.of(ChangeRestored.class)).singleElement()
        .satisfies(r -> assertThat(r.change()).isEqualTo("securityRule"));
  }

  @Test
  void aFailedFlushRestoreNamesTheAzCommandThatFinishesIt() {
    stub.server.stubFor(get(urlPathEqualTo(RULE)).willReturn(armNotFound()));
    stub.server.stubFor(get(urlPathEqualTo(NSG)).willReturn(okJson(nsgBody("e2", true, ""))));
    stub.server.stubFor(put(urlPathEqualTo(NSG)).willReturn(aResponse().withStatus(500)));

    NsgDenyFault f = recorded(true);
    assertThatThrownBy(() -> f.revert(events, Instant.now().plusMillis(600)))
        .isInstanceOf(FaultException.class);
    assertThat(events.of(RevertFailed.class)).singleElement().satisfies(r ->
        assertThat(r.manualCommand()).isEqualTo("az network nsg update --subscription "
            + ArmStub.SUB + " --resource-group rg-shop --name nsg-app --set flushConnection=false"));
  }

  @Test
  void rollbackWithNothingRecordedSendsNothing() throws Exception {
    NsgDenyFault f = fault(cutSql(Optional.empty(), true));
    f.restoreFrom(List.of());
    f.revert(events, in(3));
    f.awaitRestored(events, in(3));

    assertThat(stub.server.getAllServeEvents()).isEmpty();
  }

  @Test
  void revertSurvivesAConnectionResetAndTreats404AsDone() throws Exception {
    stub.server.stubFor(get(urlPathEqualTo(RULE)).inScenario("r")
        .whenScenarioStateIs(Scenario.STARTED).willReturn(okJson("{\"properties\":{}}")));
    stub.server.stubFor(delete(urlPathEqualTo(RULE)).inScenario("r")
        .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("reset-once")
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    stub.server.stubFor(delete(urlPathEqualTo(RULE)).inScenario("r")
        .whenScenarioStateIs("reset-once").willReturn(armNotFound()));

    recorded(false).revert(events, in(5));

    stub.server.verify(2, deleteRequestedFor(urlPathEqualTo(RULE)));
    assertThat(events.of(RevertFailed.class)).isEmpty();
  }

  @Test
  void revertThatCannotFinishSaysWhichAzCommandRemovesTheRule() {
    stub.server.stubFor(get(urlPathEqualTo(RULE)).willReturn(okJson("{\"properties\":{}}")));
    stub.server.stubFor(delete(urlPathEqualTo(RULE)).willReturn(aResponse().withStatus(500)));
    String expected = "az network nsg rule delete --subscription " + ArmStub.SUB
        + " --resource-group rg-shop --nsg-name nsg-app --name gameday-run-1-cut-sql";

    NsgDenyFault f = recorded(false);
    assertThatThrownBy(() -> f.revert(events, Instant.now().plusMillis(500)))
        .isInstanceOfSatisfying(FaultException.class,
            e -> assertThat(e.manualCommand()).contains(expected));
    assertThat(events.of(RevertFailed.class)).singleElement()
        .satisfies(r -> assertThat(r.manualCommand()).isEqualTo(expected));
  }

  @Test
  void injectFailingOnAnErrorLeavesNoRuleBehind() {
    nsg("[]", false);
    stub.server.stubFor(put(urlPathEqualTo(RULE)).willReturn(aResponse().withStatus(400)
        .withBody("{\"error\":{\"code\":\"SecurityRuleInvalidAddressPrefix\",\"message\":\"bad\"}}")));

    assertThatThrownBy(() -> fault(cutSql(Optional.empty(), false)).inject(events))
        .isInstanceOf(FaultException.class).hasMessageContaining("SecurityRuleInvalidAddressPrefix");
    assertThat(events.kinds()).containsExactly("FaultRequested", "ChangeRecorded", "FaultFailed");
  }
}
