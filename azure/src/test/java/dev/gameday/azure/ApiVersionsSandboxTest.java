package dev.gameday.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gameday.azure.arm.ApiVersions;
import dev.gameday.azure.arm.ArmHttpException;
import dev.gameday.azure.arm.ArmRequest;
import dev.gameday.azure.support.WithSandboxPlatform;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sandbox accepts every api-version the azure module speaks, on a call of each provider, and
 * refuses a version Azure does not serve with ARM's error body, which the module reads as its
 * code and message.
 */
class ApiVersionsSandboxTest extends WithSandboxPlatform {

  /** A read of each provider the module calls, with the module's api-version for it. */
  Map<String, ArmRequest> readsOfEachProvider() {
    String weu = rg("rg-shop-weu");
    String vm = weu + "/providers/Microsoft.Compute/virtualMachines/vm-web-weu-1";
    return Map.of(
        "compute", ArmRequest.get(vm, ApiVersions.COMPUTE),
        "network", ArmRequest.get(weu + "/providers/Microsoft.Network/networkSecurityGroups/nsg-app",
            ApiVersions.NETWORK),
        "site recovery", ArmRequest.get(rg("rg-dr") + "/providers/Microsoft.RecoveryServices/vaults/"
            + "rsv-shop/replicationRecoveryPlans/rp-shop", ApiVersions.SITE_RECOVERY),
        "resource health", ArmRequest.get(vm + "/providers/Microsoft.ResourceHealth/"
            + "availabilityStatuses/current", ApiVersions.RESOURCE_HEALTH),
        "authorization", ArmRequest.get(weu + "/providers/Microsoft.Authorization/permissions",
            ApiVersions.AUTHORIZATION));
  }

  @Test
  void everyApiVersionTheModuleSpeaksIsAccepted() {
    readsOfEachProvider().forEach((provider, request) ->
        assertThat(platform.arm().send(request).status()).as(provider).isEqualTo(200));
  }

  @Test
  void aVersionAzureDoesNotServeIsRefusedWithArmsErrorBody() {
    String vm = rg("rg-shop-weu") + "/providers/Microsoft.Compute/virtualMachines/vm-web-weu-1";

    assertThatThrownBy(() -> platform.arm().send(ArmRequest.get(vm, "2015-01-01")))
        .isInstanceOfSatisfying(ArmHttpException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.code()).contains("NoRegisteredProviderFound");
          assertThat(e.detail().orElse("")).contains("2015-01-01");
        });
  }
}
