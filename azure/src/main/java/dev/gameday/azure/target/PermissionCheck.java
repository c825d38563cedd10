package dev.gameday.azure.target;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.azure.arm.ApiVersions;
import dev.gameday.azure.arm.ArmClient;
import dev.gameday.azure.arm.ArmException;
import dev.gameday.azure.arm.ArmHttpException;
import dev.gameday.azure.arm.ArmRequest;
import dev.gameday.azure.arm.ArmResponse;
import dev.gameday.azure.arm.Json;
import dev.gameday.core.event.EventListener;
import dev.gameday.core.event.TimelineEvent.Level;
import dev.gameday.core.event.TimelineEvent.Note;
import dev.gameday.core.port.PlatformException;
import dev.gameday.core.port.RunClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Preflight: asks ARM which actions the identity holds on each resource group
 * ({@code GET {scope}/providers/Microsoft.Authorization/permissions}) and refuses the run when
 * one the faults need is missing. A scope where the endpoint answers 404 cannot be verified: a
 * WARN note, not a failure.
 */
public final class PermissionCheck {
  private final ArmClient arm;
  private final RunClock clock;

  public PermissionCheck(ArmClient arm, RunClock clock) {
    this.arm = arm;
    this.clock = clock;
  }

  static ArmRequest request(String scope) {
    return ArmRequest.get(scope + "/providers/Microsoft.Authorization/permissions",
        ApiVersions.AUTHORIZATION);
  }

  /** @param needs actions needed per resource-group scope */
  public void verify(Map<String, Set<String>> needs, EventListener events)
      throws PlatformException {
    verify(needs, Map.of(), events);
  }

  /**
   * @param needs actions needed per resource-group scope: one missing refuses the run
   * @param recommended actions used when granted per scope: one missing is a WARN note
   */
  public void verify(Map<String, Set<String>> needs, Map<String, Set<String>> recommended,
      EventListener events) throws PlatformException {
    List<String> missing = new ArrayList<>();
    for (var need : needs.entrySet()) {
      Optional<ArmResponse> r;
      List<JsonNode> perms;
      try {
        r = arm.find(request(need.getKey()));
        // Permissions_ListForResourceGroup is x-ms-pageable: an identity with many role
        // assignments gets its permissions over several pages.
        perms = r.isPresent() ? arm.values(r.get()) : List.of();
      } catch (ArmException e) {
        if (e instanceof ArmHttpException h && h.status() == 403) {
          throw new PlatformException("cannot read permissions on " + need.getKey() + ": the"
              + " identity lacks " + RequiredActions.PERMISSIONS_READ + " (" + e.getMessage()
              + "); assign the role in scripts/azure/gameday-role.json, which includes it", e);
        }
        throw new PlatformException("cannot read permissions on " + need.getKey() + ": "
            + e.getMessage(), e);
      }
      if (r.isEmpty()) {
        events.on(new Note(clock.stamp(), Level.WARN, "cannot verify permissions on "
            + need.getKey() + " (the permissions endpoint answered 404); continuing"));
        continue;
      }
      for (String action : need.getValue()) {
        if (!granted(perms, action)) {
          missing.add(action + " on " + need.getKey());
        }
      }
      for (String action : recommended.getOrDefault(need.getKey(), Set.of())) {
        if (!granted(perms, action)) {
          events.on(new Note(clock.stamp(), Level.WARN, "the identity lacks " + action + " on "
              + need.getKey() + ": the run goes on without what it reads (it is in"
              + " scripts/azure/gameday-role.json)"));
        }
      }
    }
    if (!missing.isEmpty()) {
      throw new PlatformException("the identity lacks permissions Gameday needs:\n  - "
          + String.join("\n  - ", missing) + "\nassign the role in"
          + " scripts/azure/gameday-role.json on those scopes (az role definition create"
          + " --role-definition @scripts/azure/gameday-role.json; az role assignment create"
          + " --assignee <id> --role 'Gameday Chaos Operator' --scope <scope>)");
    }
  }

  /** Whether one permission entry grants the action and does not exclude it. */
  static boolean granted(List<JsonNode> permissions, String action) {
    for (JsonNode p : permissions) {
      boolean allowed = Json.elements(p, "/actions").stream()
          .anyMatch(a -> ActionPattern.matches(a.asText(), action));
      boolean denied = Json.elements(p, "/notActions").stream()
          .anyMatch(a -> ActionPattern.matches(a.asText(), action));
      if (allowed && !denied) {
        return true;
      }
    }
    return false;
  }
}
