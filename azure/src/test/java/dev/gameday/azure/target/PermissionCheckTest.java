package dev.gameday.azure.target;

import dev.gameday.azure.support.WithArmStub;
import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gameday.azure.support.Arm;
import dev.gameday.azure.support.ArmStub;
import dev.gameday.core.event.TimelineEvent.Level;
import dev.gameday.core.event.TimelineEvent.Note;
import dev.gameday.core.model.FaultAction;
import dev.gameday.core.port.PlatformException;
import dev.gameday.core.port.RunClock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PermissionCheckTest extends WithArmStub {
  static final String PERMS = Arm.RG + "/providers/Microsoft.Authorization/permissions";


  PermissionCheck check() {
    return new PermissionCheck(stub.client(ArmStub.fast()), RunClock.SYSTEM);
  }

  @Test
  void passesWhenWildcardsGrantEveryActionAndNoNotActionTakesOneAway() throws Exception {
    stub.server.stubFor(get(urlPathEqualTo(PERMS))
        .withQueryParam("api-version", equalTo("2022-04-01"))
        .willReturn(okJson("{\"value\":[{\"actions\":[\"Microsoft.Compute/virtualMachines/*\","
            + "\"Microsoft.Compute/locations/operations/read\"],"
            + "\"notActions\":[\"Microsoft.Compute/virtualMachines/delete\"]}]}")));

    check().verify(Map.of(Arm.RG, RequiredActions.of(new FaultAction.VmPowerOff("web", true))),
        events);
  }

  @Test
  void namesEveryMissingActionAndTheRoleFile() {
    stub.server.stubFor(get(urlPathEqualTo(PERMS)).willReturn(okJson(
        "{\"value\":[{\"actions\":[\"*/read\"],\"notActions\":[]},"
            + "{\"actions\":[\"*\"],\"notActions\":[\"Microsoft.Compute/*/action\"]}]}")));
    var needs = Map.of(Arm.RG, RequiredActions.of(new FaultAction.VmDeallocate("web", false)));

    assertThatThrownBy(() -> check().verify(needs, events))
        .isInstanceOf(PlatformException.class)
        .hasMessageContaining("Microsoft.Compute/virtualMachines/deallocate/action on " + Arm.RG)
        .hasMessageContaining("Microsoft.Compute/virtualMachines/start/action")
        .hasMessageContaining("scripts/azure/gameday-role.json");
  }

  @Test
  void aMissingRecommendedActionIsOneWarningNotARefusal() throws Exception {
    stub.server.stubFor(get(urlPathEqualTo(PERMS)).willReturn(okJson(
        "{\"value\":[{\"actions\":[\"Microsoft.Compute/*\"],\"notActions\":[]}]}")));
    var action = new FaultAction.VmRestart("web");

    check().verify(Map.of(Arm.RG, RequiredActions.of(action)),
        Map.of(Arm.RG, RequiredActions.recommended(action)), events);

    assertThat(events.of(Note.class)).singleElement().satisfies(n -> {
      assertThat(n.level()).isEqualTo(Level.WARN);
      assertThat(n.message()).contains(RequiredActions.RESOURCE_HEALTH);
    });
  }

  @Test
  void aForbiddenPermissionsReadNamesTheActionItNeeds() {
    stub.server.stubFor(get(urlPathEqualTo(PERMS)).willReturn(aResponse().withStatus(403).withBody(
        "{\"error\":{\"code\":\"AuthorizationFailed\",\"message\":\"no\"}}")));

    assertThatThrownBy(() -> check().verify(Map.of(Arm.RG,
        RequiredActions.of(new FaultAction.VmRestart("web"))), events))
        .isInstanceOf(PlatformException.class)
        .hasMessageContaining(RequiredActions.PERMISSIONS_READ);
  }

  @Test
  void warnsInsteadOfFailingWhenPermissionsCannotBeRead() throws Exception {
    stub.server.stubFor(get(urlPathEqualTo(PERMS)).willReturn(Arm.armNotFound()));

    check().verify(Map.of(Arm.RG, RequiredActions.of(new FaultAction.VmRestart("web"))), events);

    assertThat(events.of(Note.class)).singleElement()
        .satisfies(n -> assertThat(n.level()).isEqualTo(Level.WARN));
  }
}
