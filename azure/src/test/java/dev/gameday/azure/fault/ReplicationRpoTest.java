package dev.gameday.azure.fault;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gameday.azure.support.SpecExamples;
import dev.gameday.azure.support.WithArmStub;
import dev.gameday.core.event.TimelineEvent.Level;
import dev.gameday.core.event.TimelineEvent.Note;
import dev.gameday.core.event.TimelineEvent.SiteRecoveryReplicationRpo;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The protected items' last replication RPO, read before a failover, from Azure's own examples:
 * the plan of {@code ReplicationRecoveryPlans_TestFailover.json} names two items; each is served
 * as {@code ReplicationProtectedItems_Get.json}, once as it is (Hyper-V to Azure: no RPO stated)
 * and once with A2A details ({@code A2AReplicationDetails} of the 2026-05-01 spec).
 */
class ReplicationRpoTest extends WithArmStub {
  static final String SR = "recoveryservicessiterecovery/";
  static final String VM = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/"
      + "virtualMachines/web-1";

  static JsonNode plan() {
    return SpecExamples.example(SR + "ReplicationRecoveryPlans_TestFailover.json")
        .at("/responses/200/body");
  }

  static List<String> items() {
    return ReplicationRpo.protectedItems(plan());
  }

  /** The example item, with the id asked for and, if {@code rpo} is set, A2A details. */
  static String item(String id, Integer rpo) {
    ObjectNode body = (ObjectNode) SpecExamples.example(SR + "ReplicationProtectedItems_Get.json")
        .at("/responses/200/body").deepCopy();
    body.put("id", id);
    if (rpo != null) {
      ObjectNode details = ((ObjectNode) body.path("properties")).putObject("providerSpecificDetails");
      details.put("instanceType", "A2A").put("fabricObjectId", VM).put("rpoInSeconds", rpo)
          .put("lastRpoCalculatedTime", "2026-03-02T01:58:00Z");
    }
    return body.toString();
  }

  @Test
  void theItemsOfThePlanAreTakenFromItsGroupsInOrderEachOnce() {
    assertThat(items()).hasSize(2).allSatisfy(id ->
        assertThat(id).startsWith("/Subscriptions/").contains("/replicationProtectedItems/"));
    assertThat(items().get(0)).endsWith("/f8491e4f-817a-40dd-a90c-af773978c75b");
  }

  @Test
  void aPlanAtRestAsInTheGetExampleNamesItsItemsLikeAPlanAfterItsTestFailover() {
    JsonNode atRest = SpecExamples.example(SR + "ReplicationRecoveryPlans_Get.json")
        .at("/responses/200/body");

    assertThat(ReplicationRpo.protectedItems(atRest)).containsExactlyElementsOf(items());
  }

  @Test
  void anAzureToAzureItemsLastRpoIsJournaledAndAnItemWithoutOneIsSkipped() {
    stub.server.stubFor(get(urlPathEqualTo(items().get(0)))
        .willReturn(okJson(item(items().get(0), null))));
    stub.server.stubFor(get(urlPathEqualTo(items().get(1)))
        .willReturn(okJson(item(items().get(1), 37))));

    int stated = ReplicationRpo.journal(stub.faults(), "dr", plan(), events);

    assertThat(stated).isEqualTo(1);
    assertThat(events.of(SiteRecoveryReplicationRpo.class)).singleElement().satisfies(e -> {
      assertThat(e.step()).isEqualTo("dr");
      assertThat(e.protectedItem()).isEqualTo("vm1");
      assertThat(e.virtualMachine()).contains(VM);
      assertThat(e.rpoSeconds()).isEqualTo(37);
      assertThat(e.calculatedAt()).contains(Instant.parse("2026-03-02T01:58:00Z"));
    });
    stub.server.verify(2, getRequestedFor(urlMatching(".*/replicationProtectedItems/.*"))
        .withQueryParam("api-version", equalTo("2026-05-01")));
    assertThat(events.of(Note.class)).isEmpty();
  }

  @Test
  void aRoleWithoutTheReadIsOneWarningAndNoMoreReads() {
    stub.server.stubFor(get(urlMatching(".*/replicationProtectedItems/.*")).willReturn(
        aResponse().withStatus(403).withHeader("Content-Type", "application/json").withBody(
            "{\"error\":{\"code\":\"AuthorizationFailed\",\"message\":\"no read\"}}")));

    int stated = ReplicationRpo.journal(stub.faults(), "dr", plan(), events);

    assertThat(stated).isZero();
    assertThat(events.of(SiteRecoveryReplicationRpo.class)).isEmpty();
    assertThat(events.of(Note.class)).singleElement().satisfies(n -> {
      assertThat(n.level()).isEqualTo(Level.WARN);
      assertThat(n.message()).contains("dr: could not read the protected items' replication RPO")
          .contains("403");
    });
    stub.server.verify(1, getRequestedFor(urlMatching(".*/replicationProtectedItems/.*")));
  }

  @Test
  void aPlanWithoutItemsReadsNothing() {
    int stated = ReplicationRpo.journal(stub.faults(), "dr",
        SpecExamples.example(SR + "ReplicationRecoveryPlans_TestFailover.json").path("nothing"),
        events);

    assertThat(stated).isZero();
    assertThat(events.events()).isEmpty();
    assertThat(stub.server.getAllServeEvents()).isEmpty();
  }
}
