package dev.gameday.azure.target;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gameday.azure.support.Arm;
import dev.gameday.azure.support.ArmStub;
import dev.gameday.azure.support.WithArmStub;
import dev.gameday.core.model.TargetSpec;
import dev.gameday.core.model.TargetSpec.Pick;
import dev.gameday.core.model.TargetSpec.ResourceType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TargetResolverTest extends WithArmStub {
  TargetResolver resolver() {
    return new TargetResolver(stub.client(ArmStub.fast()), ArmStub.SUB, new Picker(() -> 1L));
  }

  static String vm(String name, String tier) {
    return "{\"id\":\"" + Arm.vmId(name) + "\",\"tags\":{\"Tier\":\"" + tier
        + "\",\"chaos\":\"allowed\"}}";
  }

  @Test
  void listsTheResourceGroupAndKeepsTheVmsWithTheTags() throws Exception {
    stub.server.stubFor(get(urlPathEqualTo(Arm.RG + "/providers/Microsoft.Compute/virtualMachines"))
        .withQueryParam("api-version", equalTo("2025-04-01"))
        .willReturn(okJson("{\"value\":[" + vm("web-1", "web") + "," + vm("db-1", "db")
            + "],\"nextLink\":\"" + stub.endpoint() + "/page2?api-version=2025-04-01\"}")));
    stub.server.stubFor(get(urlPathEqualTo("/page2"))
        .willReturn(okJson("{\"value\":[" + vm("web-2", "web") + "]}")));
    TargetSpec spec = new TargetSpec("web", ResourceType.VIRTUAL_MACHINE, List.of(),
        Optional.of("rg-shop"), Map.of("tier", "web"), Optional.empty(), new Pick.All());

    assertThat(resolver().resolve(spec)).extracting(ResolvedResource::id)
        .containsExactly(Arm.vmId("web-1"), Arm.vmId("web-2"));
  }

  @Test
  void checksThatExplicitIdsExist() {
    stub.server.stubFor(get(urlPathEqualTo(Arm.vmId("ghost"))).willReturn(Arm.armNotFound()));
    TargetSpec spec = new TargetSpec("web", ResourceType.VIRTUAL_MACHINE,
        List.of(Arm.vmId("ghost")), Optional.empty(), Map.of(), Optional.empty(), new Pick.All());

    assertThatThrownBy(() -> resolver().resolve(spec)).isInstanceOf(TargetNotFound.class)
        .hasMessageContaining("ghost does not exist");
  }

  @Test
  void asksResourceGraphForAQuery() throws Exception {
    String q = "Resources | where type =~ 'microsoft.compute/virtualmachines'";
    stub.server.stubFor(post(urlPathEqualTo("/providers/Microsoft.ResourceGraph/resources"))
        .withQueryParam("api-version", equalTo("2024-04-01"))
        .withRequestBody(equalToJson("{\"subscriptions\":[\"" + ArmStub.SUB + "\"],\"query\":\""
            + q + "\",\"options\":{\"resultFormat\":\"objectArray\"}}"))
        .willReturn(okJson("{\"totalRecords\":1,\"data\":[" + vm("web-1", "web") + "]}")));
    TargetSpec spec = new TargetSpec("web", ResourceType.VIRTUAL_MACHINE, List.of(),
        Optional.empty(), Map.of(), Optional.of(q), new Pick.Count(1, Optional.of(3L)));

    assertThat(resolver().resolve(spec)).singleElement()
        .satisfies(r -> assertThat(r.tags()).containsEntry("chaos", "allowed"));
  }

  @Test
  void saysSoWhenNothingMatches() {
    stub.server.stubFor(get(urlPathEqualTo(Arm.RG + "/providers/Microsoft.Compute/virtualMachines"))
        .willReturn(okJson("{\"value\":[]}")));
    TargetSpec spec = new TargetSpec("web", ResourceType.VIRTUAL_MACHINE, List.of(),
        Optional.of("rg-shop"), Map.of("tier", "web"), Optional.empty(), new Pick.All());

    assertThatThrownBy(() -> resolver().resolve(spec)).isInstanceOf(TargetNotFound.class)
        .hasMessageContaining("matched no virtualMachine (resource group rg-shop with tags");
  }
}
