package dev.gameday.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** NSG etags change with every write, and a write with a stale If-Match is 412. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NsgEtagTest {
  private static final String V = "?api-version=2025-03-01";
  private Sandbox sandbox;
  private SandboxClients clients;
  private String nsg;

  @BeforeAll
  void start() throws Exception {
    sandbox = SandboxClients.start(20);
    clients = new SandboxClients(sandbox);
    nsg = clients.rg("rg-shop-weu") + "/providers/Microsoft.Network/networkSecurityGroups/nsg-app";
  }

  @AfterAll
  void stop() {
    sandbox.close();
  }

  static String rule(int priority) {
    return "{\"properties\":{\"protocol\":\"Tcp\",\"access\":\"Deny\",\"direction\":\"Inbound\",\"priority\":"
        + priority + ",\"sourceAddressPrefix\":\"*\",\"sourcePortRange\":\"*\",\"destinationAddressPrefix\":\"*\","
        + "\"destinationPortRange\":\"22\"}}";
  }

  @Test
  void aWriteWithTheEtagItReadPassesAndOneWithAStaleEtagIs412() throws Exception {
    JsonNode before = clients.armJson("GET", nsg + V, null);
    String etag = before.path("etag").asText();
    assertThat(etag).startsWith("W/\"");
    assertThat(before.at("/properties/securityRules/0/etag").asText()).isEqualTo(etag);

    HttpResponse<String> put = clients.armWithHeader("PUT", nsg + "/securityRules/etag-a" + V, rule(3000),
        "If-Match", etag);
    assertThat(put.statusCode()).isEqualTo(201);
    String after = clients.armJson("GET", nsg + V, null).path("etag").asText();
    assertThat(after).isNotEqualTo(etag);

    HttpResponse<String> stale = clients.armWithHeader("PUT", nsg + "/securityRules/etag-b" + V, rule(3001),
        "If-Match", etag);
    assertThat(stale.statusCode()).isEqualTo(412);
    assertThat(SandboxClients.JSON.readTree(stale.body()).at("/error/code").asText()).isEqualTo("PreconditionFailed");
    assertThat(clients.armWithHeader("DELETE", nsg + "/securityRules/etag-a" + V, null, "If-Match", "*")
        .statusCode()).isEqualTo(202);
  }
}
