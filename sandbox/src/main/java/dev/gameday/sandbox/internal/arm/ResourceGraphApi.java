package dev.gameday.sandbox.internal.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gameday.sandbox.internal.world.NetworkSecurityGroup;
import dev.gameday.sandbox.internal.world.Vault;
import dev.gameday.sandbox.internal.world.VirtualMachine;
import dev.gameday.sandbox.internal.world.VirtualNetwork;
import dev.gameday.sandbox.internal.world.World;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code POST /providers/Microsoft.ResourceGraph/resources}: simple queries over the world's
 * resources, paged as {@code Resources_Resources} of
 * {@code specification/resourcegraph/resource-manager/Microsoft.ResourceGraph/stable/2024-04-01/resourcegraph.json}
 * (examples {@code ResourcesFirstPageQuery.json}, {@code ResourcesNextPageQuery.json}): rows in a
 * stable order by {@code id}, {@code options.$top} rows a page (else the world's page size),
 * {@code options.$skip} or the {@code $skipToken} of the previous answer to go on, and a
 * {@code $skipToken} in the answer while rows remain.
 */
final class ResourceGraphApi {

  /** Largest {@code $top} Resource Graph accepts. */
  static final int MAX_TOP = 1000;
  private static final String TOKEN_PREFIX = "sandbox-offset:";

  private ResourceGraphApi() {
  }

  static List<Route> routes() {
    return List.of(Route.of("POST", "/providers/Microsoft\\.ResourceGraph/resources", ApiVersions.RESOURCE_GRAPH,
        ResourceGraphApi::query));
  }

  private static ArmResponse query(ArmCall call) {
    JsonNode body = call.request().json();
    String query = body.path("query").asText("");
    if (query.isBlank()) {
      throw ArmException.badRequest("BadRequest", "The request must contain a non-empty 'query'.");
    }
    JsonNode subscriptions = body.path("subscriptions");
    if (subscriptions.isArray() && subscriptions.size() > 0) {
      boolean ours = false;
      for (JsonNode s : subscriptions) {
        ours |= s.asText().equalsIgnoreCase(call.world().subscriptionId());
      }
      if (!ours) {
        return result(List.of(), 0, 1);
      }
    }
    JsonNode options = body.path("options");
    int top = options.has("$top") ? options.path("$top").asInt(-1) : call.world().resourceGraphPageSize();
    if (top < 1 || top > MAX_TOP) {
      throw ArmException.badRequest("BadRequest", "options.$top must be between 1 and " + MAX_TOP + ", was "
          + options.path("$top") + ".");
    }
    int offset = options.has("$skipToken") ? offset(options.path("$skipToken").asText(""))
        : Math.max(0, options.path("$skip").asInt(0));
    List<JsonNode> rows = new ArrayList<>(ResourceGraphQuery.parse(query).run(rows(call.world(), call.now())));
    rows.sort(java.util.Comparator.comparing(r -> r.path("id").asText()));
    return result(rows, offset, top);
  }

  private static int offset(String token) {
    try {
      String text = new String(java.util.Base64.getDecoder().decode(token), java.nio.charset.StandardCharsets.UTF_8);
      if (text.startsWith(TOKEN_PREFIX)) {
        return Integer.parseInt(text.substring(TOKEN_PREFIX.length()));
      }
    } catch (IllegalArgumentException e) {
      // falls through to the error below
    }
    throw ArmException.badRequest("BadRequest", "options.$skipToken is not a token this service handed out.");
  }

  private static ArmResponse result(List<JsonNode> rows, int offset, int top) {
    List<JsonNode> page = rows.subList(Math.min(offset, rows.size()), Math.min(rows.size(), offset + top));
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("totalRecords", rows.size());
    node.put("count", page.size());
    node.put("resultTruncated", "false");
    node.putArray("facets");
    if (offset + top < rows.size()) {
      node.put("$skipToken", java.util.Base64.getEncoder().encodeToString((TOKEN_PREFIX + (offset + top))
          .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
    ArrayNode array = node.putArray("data");
    page.forEach(array::add);
    return ArmResponse.ok(node);
  }

  private static List<ObjectNode> rows(World world, Instant now) {
    List<ObjectNode> rows = new ArrayList<>();
    for (VirtualMachine vm : world.vms()) {
      ObjectNode json = VmJson.vm(vm, now, world.delays(), false);
      ObjectNode props = (ObjectNode) json.get("properties");
      var power = vm.power().at(now);
      props.putObject("extended").putObject("instanceView").putObject("powerState")
          .put("code", power.code()).put("displayStatus", power.displayStatus()).put("level", "Info");
      rows.add(row(world, json, vm.id().resourceGroup()));
    }
    for (NetworkSecurityGroup nsg : world.nsgs()) {
      rows.add(row(world, NetworkJson.nsg(nsg, now), nsg.id().resourceGroup()));
    }
    for (VirtualNetwork vnet : world.vnets()) {
      rows.add(row(world, NetworkJson.vnet(vnet, world), vnet.id().resourceGroup()));
    }
    for (Vault vault : world.vaults()) {
      rows.add(row(world, SiteRecoveryJson.vault(vault), vault.id().resourceGroup()));
    }
    return rows;
  }

  private static ObjectNode row(World world, ObjectNode resource, String resourceGroup) {
    ObjectNode row = JsonNodeFactory.instance.objectNode();
    row.put("id", resource.path("id").asText());
    row.put("name", resource.path("name").asText());
    row.put("type", resource.path("type").asText().toLowerCase(Locale.ROOT));
    row.put("tenantId", world.tenantId());
    row.put("kind", "");
    row.put("location", resource.path("location").asText());
    row.put("resourceGroup", resourceGroup.toLowerCase(Locale.ROOT));
    row.put("subscriptionId", world.subscriptionId());
    row.put("managedBy", "");
    row.set("sku", resource.has("sku") ? resource.get("sku") : null);
    row.set("plan", null);
    row.set("properties", resource.path("properties"));
    row.set("tags", resource.has("tags") ? resource.get("tags") : JsonNodeFactory.instance.objectNode());
    row.set("identity", null);
    row.set("zones", resource.has("zones") ? resource.get("zones") : null);
    row.set("extendedLocation", null);
    return row;
  }
}
