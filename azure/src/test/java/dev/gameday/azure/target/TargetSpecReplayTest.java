package dev.gameday.azure.target;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gameday.azure.support.Arm;
import dev.gameday.azure.support.ArmStub;
import dev.gameday.azure.support.SpecExamples;
import dev.gameday.azure.support.WithArmStub;
import dev.gameday.core.model.TargetSpec;
import dev.gameday.core.model.TargetSpec.Pick;
import dev.gameday.core.model.TargetSpec.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Target resolution against Azure's own examples ({@code azure-spec-examples/}, verbatim from
 * Azure/azure-rest-api-specs): Resource Graph's first and next page
 * ({@code ResourcesFirstPageQuery.json}, {@code ResourcesNextPageQuery.json}) and Compute's list
 * of a resource group's VMs ({@code VirtualMachine_List_MinimumSet_Gen.json}).
 */
class TargetSpecReplayTest extends WithArmStub {
  static final String FIRST = "resourcegraph/ResourcesFirstPageQuery.json";
  static final String NEXT = "resourcegraph/ResourcesNextPageQuery.json";
  static final String GRAPH = "/providers/Microsoft.ResourceGraph/resources";

  TargetResolver resolver() {
    return new TargetResolver(stub.client(ArmStub.fast()), ArmStub.SUB, new Picker(() -> 1L));
  }

  static List<String> ids(JsonNode page) {
    List<String> out = new ArrayList<>();
    page.path("data").forEach(row -> out.add(row.path("id").asText()));
    return out;
  }

  @Test
  void aQueryFollowsResourceGraphsSkipTokenAsTheNextPageExampleSendsIt() throws Exception {
    JsonNode first = SpecExamples.example(FIRST).at("/responses/200/body");
    JsonNode next = SpecExamples.example(NEXT);
    String firstToken = next.at("/parameters/query/options/$skipToken").asText();
    String nextToken = next.at("/responses/200/body/$skipToken").asText();
    // The examples end on a page that still has a $skipToken; the page after it is derived:
    // no rows and no $skipToken (QueryResponse in resourcegraph.json: the token is present only
    // when there are more rows).
    ObjectNode last = (ObjectNode) next.at("/responses/200/body").deepCopy();
    last.remove("$skipToken");
    last.put("count", 0).putArray("data");
    var s = stub.server;
    s.stubFor(post(urlPathEqualTo(GRAPH)).withQueryParam("api-version", equalTo("2024-04-01"))
        .withRequestBody(matchingJsonPath("$.options[?(!@.$skipToken)]"))
        .willReturn(okJson(first.toString())));
    s.stubFor(post(urlPathEqualTo(GRAPH)).withRequestBody(matchingJsonPath(
        "$.options.$skipToken", equalTo(firstToken)))
        .willReturn(okJson(next.at("/responses/200/body").toString())));
    s.stubFor(post(urlPathEqualTo(GRAPH)).withRequestBody(matchingJsonPath(
        "$.options.$skipToken", equalTo(nextToken))).willReturn(okJson(last.toString())));
    TargetSpec spec = new TargetSpec("any", ResourceType.VIRTUAL_MACHINE, List.of(),
        Optional.empty(), Map.of(), Optional.of(SpecExamples.example(FIRST)
            .at("/parameters/query/query").asText()), new Pick.All());

    List<String> expected = new ArrayList<>(ids(first));
    expected.addAll(ids(next.at("/responses/200/body")));
    assertThat(resolver().matches(spec)).extracting(ResolvedResource::id)
        .containsExactlyElementsOf(expected);
    s.verify(3, postRequestedFor(urlPathEqualTo(GRAPH)).withRequestBody(matchingJsonPath(
        "$.subscriptions[0]", equalTo(ArmStub.SUB))));
  }

  @Test
  void aResourceGroupsVmsAreTheExamplesListedIds() throws Exception {
    String list = Arm.RG + "/providers/Microsoft.Compute/virtualMachines";
    JsonNode example = SpecExamples.example("compute/VirtualMachine_List_MinimumSet_Gen.json")
        .at("/responses/200/body");
    stub.server.stubFor(get(urlPathEqualTo(list)).withQueryParam("api-version",
        equalTo("2025-04-01")).willReturn(okJson(example.toString())));
    TargetSpec spec = new TargetSpec("web", ResourceType.VIRTUAL_MACHINE, List.of(),
        Optional.of("rg-shop"), Map.of(), Optional.empty(), new Pick.All());

    assertThat(resolver().matches(spec)).extracting(ResolvedResource::id)
        .containsExactlyElementsOf(example.path("value").findValuesAsText("id"));
  }
}
