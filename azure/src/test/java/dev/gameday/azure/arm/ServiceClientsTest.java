package dev.gameday.azure.arm;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.resourcemanager.network.fluent.models.NetworkSecurityGroupInner;
import com.azure.resourcemanager.resources.fluent.models.GenericResourceInner;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.gameday.azure.fault.NsgDenyFault;
import dev.gameday.azure.support.ArmStub;
import dev.gameday.azure.support.WithArmStub;
import dev.gameday.azure.sweep.LeftoverSweeper;
import dev.gameday.azure.target.Picker;
import dev.gameday.azure.target.ResolvedResource;
import dev.gameday.azure.target.TargetResolver;
import dev.gameday.core.model.FaultAction.NsgRef;
import dev.gameday.core.model.TargetSpec;
import dev.gameday.core.model.TargetSpec.Pick;
import dev.gameday.core.model.TargetSpec.ResourceType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SDK's typed clients Gameday reads with go through the same pipeline and the same
 * resilience as its direct calls, and send exactly the api-versions of {@link ApiVersions}
 * (which each library version hard-codes: a library upgrade that changes one fails here).
 */
class ServiceClientsTest extends WithArmStub {
  static final String RG = "/subscriptions/" + ArmStub.SUB + "/resourceGroups/rg-shop";
  static final String VMS = RG + "/providers/Microsoft.Compute/virtualMachines";
  static final String VNET = RG + "/providers/Microsoft.Network/virtualNetworks/vnet-shop";

  ArmClient arm;
  ServiceClients services;

  @BeforeEach
  void clients() {
    arm = stub.client(ArmStub.fast());
    services = arm.services(ArmStub.SUB);
  }

  @Test
  void gamedaysTypedReadsSendTheApiVersionsOfTheTableWithThePipelinesTokenAndAgent()
      throws Exception {
    String nsgs = "/subscriptions/" + ArmStub.SUB
        + "/providers/Microsoft.Network/networkSecurityGroups";
    stub.server.stubFor(get(urlPathEqualTo(VMS)).willReturn(okJson("{\"value\":[{\"id\":\""
        + VMS + "/vm-1\",\"tags\":{\"tier\":\"web\"}}]}")));
    stub.server.stubFor(get(urlPathEqualTo(VMS + "/vm-1"))
        .willReturn(okJson("{\"id\":\"" + VMS + "/vm-1\",\"tags\":{\"tier\":\"web\"}}")));
    stub.server.stubFor(get(urlPathEqualTo(VNET + "/subnets/snet-app"))
        .willReturn(okJson("{\"id\":\"" + VNET + "/subnets/snet-app\"}")));
    stub.server.stubFor(get(urlPathEqualTo(nsgs)).willReturn(okJson("{\"value\":[]}")));
    TargetResolver resolver = new TargetResolver(arm, ArmStub.SUB, new Picker(() -> 1L));

    assertThat(resolver.resolve(new TargetSpec("web", ResourceType.VIRTUAL_MACHINE, List.of(),
        Optional.of("rg-shop"), Map.of("tier", "web"), Optional.empty(), new Pick.All())))
        .extracting(ResolvedResource::id).containsExactly(VMS + "/vm-1");
    assertThat(resolver.resolve(new TargetSpec("web", ResourceType.VIRTUAL_MACHINE,
        List.of(VMS + "/vm-1"), Optional.empty(), Map.of(), Optional.empty(), new Pick.All())))
        .singleElement().satisfies(r -> assertThat(r.tags()).containsEntry("tier", "web"));
    assertThat(NsgDenyFault.nsgOfSubnet(arm, ArmStub.SUB,
        new NsgRef.BySubnet("rg-shop", "vnet-shop", "snet-app"))).isEmpty();
    new LeftoverSweeper(arm).sweep(ArmStub.SUB, Optional.empty(), true, run -> false,
        Instant.now());

    for (String call : List.of(VMS + "?api-version=" + ApiVersions.COMPUTE,
        VMS + "/vm-1?api-version=" + ApiVersions.COMPUTE,
        VNET + "/subnets/snet-app?api-version=" + ApiVersions.NETWORK,
        nsgs + "?api-version=" + ApiVersions.NETWORK)) {
      stub.server.verify(1, getRequestedFor(urlEqualTo(call))
          .withHeader("Authorization", equalTo("Bearer " + ArmStub.TOKEN))
          .withHeader("User-Agent", containing("gameday"))
          .withHeader("x-ms-client-request-id", matching(".+")));
    }
    assertThat(stub.server.getAllServeEvents()).hasSize(4);
  }

  @Test
  void aTypedReadIsRetriedAfterRetryAfterLikeADirectOne() {
    stub.server.stubFor(get(urlPathEqualTo(VNET + "/subnets/snet-app"))
        .inScenario("throttled").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0.05")
            .withBody("{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"slow down\"}}"))
        .willSetStateTo("after"));
    stub.server.stubFor(get(urlPathEqualTo(VNET + "/subnets/snet-app"))
        .inScenario("throttled").whenScenarioStateIs("after")
        .willReturn(okJson("{\"id\":\"" + VNET + "/subnets/snet-app\",\"properties\":{"
            + "\"networkSecurityGroup\":{\"id\":\"" + RG
            + "/providers/Microsoft.Network/networkSecurityGroups/nsg-app\"}}}")));

    Optional<String> nsg = NsgDenyFault.nsgOfSubnet(arm, ArmStub.SUB,
        new NsgRef.BySubnet("rg-shop", "vnet-shop", "snet-app"));

    assertThat(nsg).contains(RG + "/providers/Microsoft.Network/networkSecurityGroups/nsg-app");
    stub.server.verify(2, getRequestedFor(urlPathEqualTo(VNET + "/subnets/snet-app")));
  }

  @Test
  void anErrorAnswerBecomesArmHttpExceptionWithArmsCodeAndA404AnEmptyResult() {
    stub.server.stubFor(get(urlPathEqualTo(VMS + "/ghost")).willReturn(aResponse()
        .withStatus(404).withHeader("x-ms-correlation-request-id", "corr-404")
        .withBody("{\"error\":{\"code\":\"ResourceNotFound\",\"message\":\"not here\"}}")));
    stub.server.stubFor(get(urlPathEqualTo(VMS + "/locked")).willReturn(aResponse()
        .withStatus(403).withHeader("x-ms-correlation-request-id", "corr-403")
        .withBody("{\"error\":{\"code\":\"AuthorizationFailed\",\"message\":\"no read\"}}")));

    Optional<GenericResourceInner> ghost = arm.findCall(ArmRequest.get(VMS + "/ghost",
        ApiVersions.COMPUTE), () -> services.resources().getResources()
            .getByIdAsync(VMS.substring(1) + "/ghost", ApiVersions.COMPUTE));

    assertThat(ghost).isEmpty();
    assertThatThrownBy(() -> arm.call(ArmRequest.get(VMS + "/locked", ApiVersions.COMPUTE),
        () -> services.resources().getResources().getByIdAsync(VMS.substring(1) + "/locked",
            ApiVersions.COMPUTE)))
        .isInstanceOfSatisfying(ArmHttpException.class, e -> {
          assertThat(e.status()).isEqualTo(403);
          assertThat(e.code()).contains("AuthorizationFailed");
          assertThat(e.correlationId()).contains("corr-403");
          assertThat(e.getMessage()).startsWith("GET " + VMS + "/locked?api-version=")
              .contains("no read");
        });
    stub.server.verify(1, getRequestedFor(urlPathEqualTo(VMS + "/locked")));
  }

  @Test
  void aNextPageOnAnotherHostIsNotFollowedSoTheTokenStaysWithArm() {
    stub.server.stubFor(get(urlPathEqualTo(VMS)).willReturn(okJson("{\"value\":[{\"id\":\""
        + VMS + "/vm-1\"}],\"nextLink\":\"https://attacker.example/page2\"}")));

    assertThatThrownBy(() -> arm.pages(ArmRequest.get(VMS, ApiVersions.COMPUTE),
        services.compute().getVirtualMachines().listByResourceGroupAsync("rg-shop")))
        .isInstanceOf(ArmTransportException.class)
        .hasMessageContaining("outside 127.0.0.1");
  }

  @Test
  void aListFollowsItsPagesOnTheEndpoint() {
    String nsg = RG + "/providers/Microsoft.Network/networkSecurityGroups/";
    stub.server.stubFor(get(urlPathEqualTo("/subscriptions/" + ArmStub.SUB
        + "/providers/Microsoft.Network/networkSecurityGroups")).willReturn(okJson(
            "{\"value\":[{\"id\":\"" + nsg + "a\"}],\"nextLink\":\"" + stub.endpoint()
            + "/nsg-page2?api-version=2025-03-01\"}")));
    stub.server.stubFor(get(urlPathEqualTo("/nsg-page2")).willReturn(okJson(
        "{\"value\":[{\"id\":\"" + nsg + "b\"}]}")));

    List<NetworkSecurityGroupInner> nsgs = arm.pages(ArmRequest.get("/subscriptions/"
            + ArmStub.SUB + "/providers/Microsoft.Network/networkSecurityGroups",
        ApiVersions.NETWORK), services.network().getNetworkSecurityGroups().listAsync());

    assertThat(nsgs).extracting(NetworkSecurityGroupInner::id).containsExactly(nsg + "a",
        nsg + "b");
  }

  @Test
  void theClientsOfASubscriptionAreBuiltOnceAndSharedWithADeadlineCopy() {
    assertThat(arm.services(ArmStub.SUB)).isSameAs(services);
    assertThat(arm.until(java.time.Instant.MAX, java.time.Instant::now).services(ArmStub.SUB))
        .isSameAs(services);
  }
}
