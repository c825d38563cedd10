package dev.gameday.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The caller's permissions: the shipped role by default, served and enforced where Azure does. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermissionsTest {
  private static final String HEALTH = "/providers/Microsoft.Compute/virtualMachines/vm-web-weu-1"
      + "/providers/Microsoft.ResourceHealth/availabilityStatuses/current?api-version=2025-05-01";

  private Sandbox sandbox;
  private SandboxClients clients;
  private String permissions;

  @BeforeAll
  void start() throws Exception {
    sandbox = SandboxClients.start(20);
    clients = new SandboxClients(sandbox);
    permissions = clients.rg("rg-shop-weu") + "/providers/Microsoft.Authorization/permissions";
  }

  @BeforeEach
  void reset() {
    sandbox.knobs().resetWorld();
  }

  @AfterAll
  void stop() {
    sandbox.close();
  }

  static List<String> shippedRole() throws Exception {
    JsonNode role = SandboxClients.JSON.readTree(Files.readString(Path.of("../scripts/azure/gameday-role.json")));
    List<String> actions = new ArrayList<>();
    role.path("Actions").forEach(a -> actions.add(a.asText()));
    return actions;
  }

  @Test
  void theDefaultWorldGrantsTheShippedRolePlusTheOptionalFlushWrite() throws Exception {
    HttpResponse<String> r = clients.arm("GET", permissions + "?api-version=2022-04-01", null);

    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = SandboxClients.JSON.readTree(r.body());
    List<String> actions = new ArrayList<>();
    body.at("/value/0/actions").forEach(a -> actions.add(a.asText()));
    List<String> expected = new ArrayList<>(shippedRole());
    expected.add("Microsoft.Network/networkSecurityGroups/write");
    assertThat(actions).containsExactlyElementsOf(expected);
    assertThat(body.at("/value/0/notActions").isArray()).isTrue();
    assertThat(body.at("/value/0/dataActions").isArray()).isTrue();
    assertThat(body.at("/value/0/notDataActions").isArray()).isTrue();
  }

  @Test
  void permissionsNeedTheirOwnReadActionAndAnExistingGroupAndAStableVersion() throws Exception {
    assertThat(clients.arm("GET", clients.rg("rg-nope") + "/providers/Microsoft.Authorization/permissions"
        + "?api-version=2022-04-01", null).statusCode()).isEqualTo(404);
    assertThat(clients.arm("GET", permissions + "?api-version=2015-07-01", null).statusCode()).isEqualTo(200);
    assertThat(clients.arm("GET", permissions + "?api-version=2018-01-01-preview", null).statusCode())
        .isEqualTo(400);
    sandbox.knobs().revoke("Microsoft.Authorization/permissions/read");

    HttpResponse<String> r = clients.arm("GET", permissions + "?api-version=2022-04-01", null);

    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(SandboxClients.JSON.readTree(r.body()).at("/error/code").asText()).isEqualTo("AuthorizationFailed");
  }

  @Test
  void resourceHealthIsForbiddenWithoutItsActionAndWildcardsGrantIt() throws Exception {
    String health = clients.rg("rg-shop-weu") + HEALTH;
    assertThat(clients.arm("GET", health, null).statusCode()).isEqualTo(200);

    sandbox.knobs().revoke("Microsoft.ResourceHealth/AvailabilityStatuses/current/read");
    HttpResponse<String> denied = clients.arm("GET", health, null);
    assertThat(denied.statusCode()).isEqualTo(403);
    assertThat(SandboxClients.JSON.readTree(denied.body()).at("/error/message").asText())
        .contains("Microsoft.ResourceHealth/AvailabilityStatuses/current/read");

    sandbox.knobs().grantOnly(List.of("Microsoft.ResourceHealth/*"));
    assertThat(clients.arm("GET", health, null).statusCode()).isEqualTo(200);
  }
}
