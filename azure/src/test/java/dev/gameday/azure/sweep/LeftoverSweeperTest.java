package dev.gameday.azure.sweep;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gameday.azure.support.Arm;
import dev.gameday.azure.support.ArmStub;
import dev.gameday.azure.support.SpecExamples;
import dev.gameday.azure.support.WithArmStub;
import dev.gameday.azure.sweep.SweepReport.Outcome;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LeftoverSweeperTest extends WithArmStub {
  static final String NSG = Arm.RG + "/providers/Microsoft.Network/networkSecurityGroups/nsg-app";
  static final String DEAD = "20261128t020000z-3f2a";
  static final String LIVE = "20261128t030000z-0b1c";
  static final String FRESH = "20261128t040000z-77aa";
  static final Instant NOW = Instant.parse("2026-11-28T05:00:00Z");

  static String rule(String name, String description) {
    return "{\"id\":\"" + NSG + "/securityRules/" + name + "\",\"name\":\"" + name
        + "\",\"properties\":{\"description\":\"" + description + "\"}}";
  }

  static String marker(String runId, String expires) {
    return "gameday run " + runId + "; expires " + expires + "; remove with 'gameday sweep'";
  }

  @BeforeEach
  void stubRules() {
    stub.server.stubFor(get(urlPathEqualTo("/subscriptions/" + ArmStub.SUB
        + "/providers/Microsoft.Network/networkSecurityGroups"))
        .withQueryParam("api-version", equalTo("2025-03-01"))
        .willReturn(okJson("{\"value\":[{\"id\":\"" + NSG + "\",\"properties\":{\"securityRules\":["
            + String.join(",",
                rule("allow-https", ""),
                rule("GameDay-Allow-Monitoring", "customer rule"),
                rule("gameday-notes", marker(DEAD, "2026-11-28T02:30:00Z")),
                rule("gameday-" + DEAD + "-cut-sql", marker(DEAD, "2026-11-28T02:30:00Z")),
                rule("gameday-" + DEAD + "-other", marker(LIVE, "2026-11-28T02:30:00Z")),
                rule("gameday-" + LIVE + "-cut-sql", marker(LIVE, "2026-11-28T03:30:00Z")),
                rule("gameday-" + FRESH + "-cut-sql", marker(FRESH, "2026-11-28T06:00:00Z")))
            + "]}}]}")));
    stub.server.stubFor(delete(anyUrl()).willReturn(aResponse().withStatus(202)));
  }

  Map<String, SweepReport.Entry> sweep(boolean dryRun) {
    SweepReport report = new LeftoverSweeper(stub.client(ArmStub.fast()))
        .sweep(ArmStub.SUB, Optional.empty(), dryRun, LIVE::equals, NOW);
    return report.entries().stream().collect(Collectors.toMap(
        e -> e.resourceId().substring(e.resourceId().lastIndexOf('/') + 1), Function.identity()));
  }

  @Test
  void removesOnlyAnExpiredRuleOfADeadRunThatGamedayCreated() {
    var entries = sweep(false);

    assertThat(entries.get("gameday-" + DEAD + "-cut-sql").outcome()).isEqualTo(Outcome.REMOVED);
    stub.server.verify(1, deleteRequestedFor(anyUrl()));
    stub.server.verify(1, deleteRequestedFor(urlPathEqualTo(NSG + "/securityRules/gameday-" + DEAD
        + "-cut-sql")));
    assertThat(entries).doesNotContainKey("allow-https");
  }

  @Test
  void leavesAloneACustomersRuleARunningRunsRuleAnUnexpiredOneAndAForgedOne() {
    var entries = sweep(false);

    assertThat(entries.get("GameDay-Allow-Monitoring").detail()).contains("not created by Gameday");
    assertThat(entries.get("gameday-notes").detail()).contains("not created by Gameday");
    assertThat(entries.get("gameday-" + DEAD + "-other").detail()).as("description names another run")
        .contains("not created by Gameday");
    assertThat(entries.get("gameday-" + LIVE + "-cut-sql").detail()).contains("is running");
    assertThat(entries.get("gameday-" + FRESH + "-cut-sql").detail()).contains("not expired until");
    assertThat(entries.values()).filteredOn(e -> e.outcome() == Outcome.LEFT_ALONE).hasSize(5);
  }

  @Test
  void dryRunDeletesNothing() {
    var entries = sweep(true);

    assertThat(entries.get("gameday-" + DEAD + "-cut-sql").outcome()).isEqualTo(Outcome.FOUND);
    stub.server.verify(0, deleteRequestedFor(anyUrl()));
  }

  @Test
  void sweepsTheSubscriptionsNsgsAsNetworksListAllExampleAnswers() {
    // NetworkSecurityGroupListAll.json (verbatim) with, in its second NSG, a rule of a dead run
    // in the shape of NetworkSecurityGroupRuleGet.json; the example's own rules are left alone.
    ObjectNode all = (ObjectNode) SpecExamples.example("network/NetworkSecurityGroupListAll.json")
        .at("/responses/200/body").deepCopy();
    ObjectNode nsg3 = (ObjectNode) all.path("value").get(1);
    String ruleName = "gameday-" + DEAD + "-cut-sql";
    ObjectNode rule = (ObjectNode) SpecExamples.example("network/NetworkSecurityGroupRuleGet.json")
        .at("/responses/200/body").deepCopy();
    rule.put("name", ruleName).put("id", nsg3.path("id").asText() + "/securityRules/" + ruleName);
    ((ObjectNode) rule.path("properties")).put("description", marker(DEAD, "2026-11-28T02:30:00Z"));
    ((ArrayNode) nsg3.at("/properties/securityRules")).add(rule);
    stub.server.stubFor(get(urlPathEqualTo("/subscriptions/" + ArmStub.SUB
        + "/providers/Microsoft.Network/networkSecurityGroups"))
        .willReturn(okJson(all.toString())));

    var entries = sweep(false);

    assertThat(entries).containsOnlyKeys(ruleName);
    assertThat(entries.get(ruleName).outcome()).isEqualTo(Outcome.REMOVED);
    stub.server.verify(1, deleteRequestedFor(urlPathEqualTo(rule.path("id").asText())));
  }
}
