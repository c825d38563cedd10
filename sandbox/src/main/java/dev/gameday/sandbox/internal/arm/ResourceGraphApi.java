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

/** {@code POST /providers/Microsoft.ResourceGraph/resources}: simple queries over the world's resources. */
final class ResourceGraphApi {

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
        return result(List.of());
      }
    }
    return result(ResourceGraphQuery.parse(query).run(rows(call.world(), call.now())));
  }

  private static ArmResponse result(List<JsonNode> data) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("totalRecords", data.size());
    node.put("count", data.size());
    ArrayNode array = node.putArray("data");
    data.forEach(array::add);
    node.putArray("facets");
    node.put("resultTruncated", "false");
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
