package dev.gameday.sandbox.internal.arm;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gameday.sandbox.internal.world.World;
import java.util.List;

/** ARM's own subscription and resource-group reads. */
final class SubscriptionsApi {

  private SubscriptionsApi() {
  }

  static List<Route> routes() {
    ApiVersions v = ApiVersions.RESOURCES;
    return List.of(
        Route.of("GET", "/subscriptions", v, call -> ArmResponse.list(List.of(subscription(call.world())))),
        Route.of("GET", Route.SUB, v, call -> {
          call.requireSubscription();
          return ArmResponse.ok(subscription(call.world()));
        }),
        Route.of("GET", Route.SUB + "/resourcegroups", v, call -> {
          call.requireSubscription();
          return ArmResponse.list(call.world().resourceGroups().stream().map(rg -> group(call.world(), rg)).toList());
        }),
        Route.of("GET", Route.RG, v, call -> {
          call.requireResourceGroup();
          return ArmResponse.ok(group(call.world(), call.world().resourceGroup(call.group("rg")).orElseThrow()));
        }),
        Route.of("HEAD", Route.RG, v, call -> {
          call.requireSubscription();
          return ArmResponse.empty(call.world().resourceGroup(call.group("rg")).isPresent() ? 204 : 404);
        }));
  }

  private static ObjectNode subscription(World world) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("id", "/subscriptions/" + world.subscriptionId());
    node.put("authorizationSource", "RoleBased");
    node.putArray("managedByTenants");
    node.put("subscriptionId", world.subscriptionId());
    node.put("tenantId", world.tenantId());
    node.put("displayName", "Gameday Sandbox");
    node.put("state", "Enabled");
    node.putObject("subscriptionPolicies").put("locationPlacementId", "Public_2014-09-01")
        .put("quotaId", "PayAsYouGo_2014-09-01").put("spendingLimit", "Off");
    return node;
  }

  private static ObjectNode group(World world, World.ResourceGroup rg) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("id", "/subscriptions/" + world.subscriptionId() + "/resourceGroups/" + rg.name());
    node.put("name", rg.name());
    node.put("type", "Microsoft.Resources/resourceGroups");
    node.put("location", rg.location());
    VmJson.tags(node, rg.tags());
    node.putObject("properties").put("provisioningState", "Succeeded");
    return node;
  }
}
