package dev.gameday.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A security rule whose DELETE was accepted stays visible as {@code provisioningState: Deleting}
 * (Network {@code ProvisioningState}) until the delete takes effect, on its own and in its NSG.
 * At speed 1 the delete takes the world's 8 s, so the reads land inside it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NsgDeletingRuleTest {
  private static final String V = "?api-version=2025-03-01";
  private Sandbox sandbox;
  private SandboxClients clients;
  private String nsg;

  @BeforeAll
  void start() throws Exception {
    sandbox = SandboxClients.start(1);
    clients = new SandboxClients(sandbox);
    nsg = clients.rg("rg-shop-weu") + "/providers/Microsoft.Network/networkSecurityGroups/nsg-app";
  }

  @AfterAll
  void stop() {
    sandbox.close();
  }

  @Test
  void aRuleBeingDeletedReadsDeletingAndIsGoneAfterTheDelete() throws Exception {
    String rule = nsg + "/securityRules/AllowHttpInbound";
    JsonNode before = clients.armJson("GET", rule + V, null);
    assertThat(before.at("/properties/provisioningState").asText()).isEqualTo("Succeeded");

    assertThat(clients.arm("DELETE", rule + V, null).statusCode()).isEqualTo(202);

    assertThat(clients.armJson("GET", rule + V, null).at("/properties/provisioningState")
        .asText()).isEqualTo("Deleting");
    JsonNode inNsg = clients.armJson("GET", nsg + V, null).at("/properties/securityRules");
    assertThat(inNsg).anySatisfy(r -> {
      assertThat(r.path("name").asText()).isEqualTo("AllowHttpInbound");
      assertThat(r.at("/properties/provisioningState").asText()).isEqualTo("Deleting");
    });
    SandboxClients.await(Duration.ofSeconds(20), "the rule gone", () ->
        clients.arm("GET", rule + V, null).statusCode() == 404);
  }
}
