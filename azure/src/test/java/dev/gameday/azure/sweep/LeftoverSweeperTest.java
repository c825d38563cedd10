package dev.gameday.azure.sweep;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.azure.support.Arm;
import dev.gameday.azure.support.ArmStub;
import dev.gameday.azure.support.WithArmStub;
import dev.gameday.azure.sweep.SweepReport.Outcome;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LeftoverSweeperTest extends WithArmStub {
  static final String NSG = Arm.RG + "/providers/Microsoft.Network/networkSecurityGroups/nsg-app";

  @BeforeEach
  void stubRules() {
    stub.server.stubFor(get(urlPathEqualTo("/subscriptions/" + ArmStub.SUB
        + "/providers/Microsoft.Network/networkSecurityGroups"))
        .withQueryParam("api-version", equalTo("2025-03-01"))
        .willReturn(okJson("{\"value\":[{\"id\":\"" + NSG + "\",\"properties\":{"
            + "\"securityRules\":[{\"id\":\"" + NSG + "/securityRules/allow-https\","
            + "\"name\":\"allow-https\",\"properties\":{}},"
            + "{\"id\":\"" + NSG + "/securityRules/gameday-run-1-cut\",\"name\":\"gameday-run-1-cut\","
            + "\"properties\":{\"description\":\"gameday run run-1; expires 2026-03-02T03:00:00Z\"}},"
            + "{\"id\":\"" + NSG + "/securityRules/gameday-run-2-cut\",\"name\":\"gameday-run-2-cut\","
            + "\"properties\":{}}]}}]}")));
  }

  @Test
  void removesOnlyGamedayRulesAndReportsEach() {
    stub.server.stubFor(delete(urlPathEqualTo(NSG + "/securityRules/gameday-run-1-cut"))
        .willReturn(aResponse().withStatus(202)));
    stub.server.stubFor(delete(urlPathEqualTo(NSG + "/securityRules/gameday-run-2-cut"))
        .willReturn(Arm.armNotFound()));

    SweepReport report = new LeftoverSweeper(stub.client(ArmStub.fast()))
        .sweep(ArmStub.SUB, Optional.empty(), false);

    assertThat(report.entries()).extracting(SweepReport.Entry::outcome)
        .containsExactly(Outcome.REMOVED, Outcome.ALREADY_GONE);
    assertThat(report.entries().get(0).description()).contains("run-1");
    stub.server.verify(0, deleteRequestedFor(urlPathEqualTo(NSG + "/securityRules/allow-https")));
  }

  @Test
  void dryRunDeletesNothing() {
    SweepReport report = new LeftoverSweeper(stub.client(ArmStub.fast()))
        .sweep(ArmStub.SUB, Optional.empty(), true);

    assertThat(report.entries()).hasSize(2).allMatch(e -> e.outcome() == Outcome.FOUND);
    stub.server.verify(0, deleteRequestedFor(anyUrl()));
  }
}
