package dev.gameday.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sample shop follows the emulated world. */
class ShopTest {

  private Sandbox sandbox;
  private SandboxClients clients;

  private void start(double speed) throws Exception {
    sandbox = SandboxClients.start(speed);
    clients = new SandboxClients(sandbox);
  }

  @AfterEach
  void stop() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  @Test
  void poweringOffOneWebVmGivesErrorsOnlyUntilTheProbeNotices() throws Exception {
    start(20);
    for (int i = 0; i < 4; i++) {
      assertThat(clients.shopGet("frontDoor", "/").status()).isEqualTo(200);
    }
    assertThat(clients.shopGet("primary", "/").body()).contains("Add to cart");

    assertThat(clients.arm("POST", clients.rg("rg-shop-weu")
        + "/providers/Microsoft.Compute/virtualMachines/vm-web-weu-1/powerOff?skipShutdown=true&api-version=2025-04-01",
        null).statusCode()).isEqualTo(202);
    long start = System.nanoTime();
    List<Integer> statuses = new ArrayList<>();
    int consecutiveOk = 0;
    while (consecutiveOk < 10 && System.nanoTime() - start < Duration.ofSeconds(5).toNanos()) {
      SandboxClients.ShopResponse r = clients.shopGet("frontDoor", "/");
      statuses.add(r.status());
      consecutiveOk = r.status() == 200 ? consecutiveOk + 1 : 0;
      if (r.status() == 200) {
        assertThat(r.servedBy()).isEqualTo("vm-web-weu-2");
      }
      SandboxClients.sleep(5);
    }
    assertThat(statuses).as("users see errors first").contains(502);
    assertThat(consecutiveOk).as("then the probe takes the VM out and all requests succeed").isEqualTo(10);
    for (int i = 0; i < 6; i++) {
      assertThat(clients.shopGet("primary", "/").servedBy()).isEqualTo("vm-web-weu-2");
    }
  }

  @Test
  void anOutboundDenyRuleToTheDatabaseBreaksCheckoutButNotTheStorefront() throws Exception {
    start(40);
    assertThat(clients.shopGet("frontDoor", "/checkout").status()).isEqualTo(200);
    String rule = "{\"properties\":{\"protocol\":\"Tcp\",\"access\":\"Deny\",\"direction\":\"Outbound\","
        + "\"priority\":100,\"sourceAddressPrefix\":\"VirtualNetwork\",\"sourcePortRange\":\"*\","
        + "\"destinationAddressPrefix\":\"10.10.2.0/24\",\"destinationPortRanges\":[\"1433\",\"1434\"]}}";
    String ruleUrl = clients.rg("rg-shop-weu") + "/providers/Microsoft.Network/networkSecurityGroups/nsg-app"
        + "/securityRules/deny-sql?api-version=2025-03-01";
    assertThat(clients.arm("PUT", ruleUrl, rule).statusCode()).isEqualTo(201);

    SandboxClients.await(Duration.ofSeconds(3), "checkout to fail", () ->
        clients.shopGet("frontDoor", "/checkout").status() == 503);
    assertThat(clients.shopGet("frontDoor", "/checkout").body()).contains("10.10.2.4:1433");
    assertThat(clients.shopGet("frontDoor", "/").status()).isEqualTo(200);
    assertThat(clients.shopGet("frontDoor", "/health").status()).isEqualTo(200);
    assertThat(clients.armJson("GET", ruleUrl, null).at("/properties/provisioningState").asText())
        .isEqualTo("Succeeded");

    clients.arm("DELETE", ruleUrl, null);
    SandboxClients.await(Duration.ofSeconds(3), "checkout to work again", () ->
        clients.shopGet("frontDoor", "/checkout").status() == 200);
    assertThat(clients.arm("GET", ruleUrl, null).statusCode()).isEqualTo(404);
  }

  @Test
  void aPlannedFailoverMovesTheFrontDoorToTheSecondaryRegion() throws Exception {
    start(150);
    assertThat(clients.shopGet("frontDoor", "/").servedBy()).startsWith("vm-web-weu-");
    assertThat(clients.shopGet("secondary", "/").status()).isEqualTo(503);

    var accepted = clients.arm("POST", clients.rg("rg-dr") + "/providers/Microsoft.RecoveryServices/vaults/rsv-shop"
        + "/replicationRecoveryPlans/rp-shop/plannedFailover?api-version=2025-08-01",
        "{\"properties\":{\"failoverDirection\":\"PrimaryToRecovery\"}}");
    assertThat(accepted.statusCode()).isEqualTo(202);

    SandboxClients.await(Duration.ofSeconds(8), "front door to serve from northeurope", () -> {
      String servedBy = clients.shopGet("frontDoor", "/").servedBy();
      return servedBy != null && servedBy.startsWith("vm-web-neu-");
    });
    assertThat(clients.shopGet("secondary", "/checkout").status()).isEqualTo(200);
    assertThat(clients.shopGet("primary", "/").status()).isIn(502, 503);
    assertThat(clients.armJson("GET", clients.rg("rg-dr") + "/providers/Microsoft.RecoveryServices/vaults/rsv-shop"
        + "/replicationRecoveryPlans/rp-shop?api-version=2025-08-01", null).at("/properties/allowedOperations")
        .toString()).contains("Commit", "CancelFailover");
  }
}
