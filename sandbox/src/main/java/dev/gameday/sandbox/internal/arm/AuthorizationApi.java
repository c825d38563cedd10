package dev.gameday.sandbox.internal.arm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gameday.sandbox.internal.world.Grant;
import java.util.List;

/**
 * {@code Microsoft.Authorization/permissions} of a resource group: the caller's permissions, from
 * the grant the world gives ({@code Permissions_ListForResourceGroup}, {@code PermissionGetResult}
 * {@code {"value":[{"actions","notActions","dataActions","notDataActions"}]}} of
 * {@code specification/authorization/resource-manager/Microsoft.Authorization/stable/2022-04-01/authorization-RoleDefinitionsCalls.json}).
 * Reading them needs {@code Microsoft.Authorization/permissions/read} itself: without it, 403.
 */
final class AuthorizationApi {

  static final String PERMISSIONS_READ = "Microsoft.Authorization/permissions/read";
  /** The object id the sandbox's bearer token stands for in error messages. */
  static final String CALLER = "00000000-0000-0000-0000-0000000ca11e";

  private AuthorizationApi() {
  }

  static List<Route> routes() {
    return List.of(Route.of("GET", Route.RG + "/providers/Microsoft\\.Authorization/permissions",
        ApiVersions.AUTHORIZATION, AuthorizationApi::permissions));
  }

  private static ArmResponse permissions(ArmCall call) {
    call.requireResourceGroup();
    Grant grant = call.world().grant();
    String scope = "/subscriptions/" + call.group("sub") + "/resourceGroups/" + call.group("rg");
    authorize(grant, PERMISSIONS_READ, scope);
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ObjectNode permission = body.putArray("value").addObject();
    ArrayNode actions = permission.putArray("actions");
    grant.actions().forEach(actions::add);
    permission.putArray("notActions");
    permission.putArray("dataActions");
    permission.putArray("notDataActions");
    return ArmResponse.ok(body);
  }

  /** ARM's 403 {@code AuthorizationFailed} when the grant lacks {@code action} over {@code scope}. */
  static void authorize(Grant grant, String action, String scope) {
    if (!grant.allows(action)) {
      throw new ArmException(403, "AuthorizationFailed", "The client '" + CALLER + "' with object id '"
          + CALLER + "' does not have authorization to perform"
          + " action '" + action + "' over scope '" + scope + "' or the scope is invalid. If access was"
          + " recently granted, please refresh your credentials.");
    }
  }
}
