package dev.gameday.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Resource Graph pages as in the spec's ResourcesFirstPageQuery/ResourcesNextPageQuery examples
 * (Microsoft.ResourceGraph/stable/2024-04-01): {@code options.$top}/{@code $skip}, then the
 * answer's {@code $skipToken}, rows in a stable order by id.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResourceGraphPagingTest {
  private static final String URL = "/providers/Microsoft.ResourceGraph/resources?api-version=2024-04-01";

  private Sandbox sandbox;
  private SandboxClients clients;

  @BeforeAll
  void start() throws Exception {
    sandbox = SandboxClients.start(20);
    clients = new SandboxClients(sandbox);
  }

  @AfterAll
  void stop() {
    sandbox.close();
  }

  String query(String options) {
    return "{\"subscriptions\":[\"" + clients.sub + "\"],\"query\":\"Resources | project id, name, type,"
        + " location\",\"options\":" + options + "}";
  }

  @Test
  void pagesFollowTheSkipTokenUntilEveryRowWasSeenOnce() throws Exception {
    JsonNode all = clients.armJson("POST", URL, query("{\"$top\":1000}"));
    int total = all.path("totalRecords").asInt();
    assertThat(total).isGreaterThan(6);
    assertThat(all.has("$skipToken")).isFalse();

    JsonNode first = clients.armJson("POST", URL, query("{\"$top\":3,\"$skip\":0}"));
    assertThat(first.path("count").asInt()).isEqualTo(3);
    assertThat(first.path("totalRecords").asInt()).isEqualTo(total);
    assertThat(first.path("resultTruncated").asText()).isEqualTo("false");
    assertThat(first.path("facets").isArray()).isTrue();
    List<String> ids = new ArrayList<>();
    JsonNode page = first;
    for (int i = 0; i < 10 && page != null; i++) {
      page.path("data").forEach(r -> ids.add(r.path("id").asText()));
      page = page.hasNonNull("$skipToken") ? clients.armJson("POST", URL, query("{\"$top\":3,\"$skipToken\":\""
          + page.path("$skipToken").asText() + "\"}")) : null;
    }
    List<String> expected = new ArrayList<>();
    all.path("data").forEach(r -> expected.add(r.path("id").asText()));
    assertThat(ids).containsExactlyElementsOf(expected).doesNotHaveDuplicates();
  }

  @Test
  void aTokenItDidNotHandOutAndATopOutOfRangeAreBadRequests() throws Exception {
    assertThat(clients.arm("POST", URL, query("{\"$skipToken\":\"bm90IG1pbmU=\"}")).statusCode()).isEqualTo(400);
    assertThat(clients.arm("POST", URL, query("{\"$top\":1001}")).statusCode()).isEqualTo(400);
  }
}
