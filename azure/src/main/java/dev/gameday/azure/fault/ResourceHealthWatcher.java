package dev.gameday.azure.fault;

import dev.gameday.azure.arm.ApiVersions;
import dev.gameday.azure.arm.ArmException;
import dev.gameday.azure.arm.ArmHttpException;
import dev.gameday.azure.arm.ArmRequest;
import dev.gameday.azure.arm.ArmResponse;
import dev.gameday.azure.arm.Json;
import dev.gameday.core.event.EventListener;
import dev.gameday.azure.target.RequiredActions;
import dev.gameday.core.event.TimelineEvent.Level;
import dev.gameday.core.event.TimelineEvent.Note;
import dev.gameday.core.event.TimelineEvent.ResourceHealthChanged;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads Resource Health for resources and emits {@link ResourceHealthChanged} whenever the
 * availability state changes. A resource for which Resource Health answers 404 is "not
 * reported" and is not asked again. A 403 (the identity lacks
 * {@code Microsoft.ResourceHealth/AvailabilityStatuses/current/read}) is one WARN note, and
 * Resource Health is not asked again; other errors are ignored (health is extra evidence).
 */
final class ResourceHealthWatcher {
  private final FaultContext ctx;
  private final String step;
  private final Map<String, String> last = new HashMap<>();
  private final Set<String> unreported = new HashSet<>();
  private boolean forbidden;

  ResourceHealthWatcher(FaultContext ctx, String step) {
    this.ctx = ctx;
    this.step = step;
  }

  static ArmRequest request(String resourceId) {
    return ArmRequest.get(resourceId
        + "/providers/Microsoft.ResourceHealth/availabilityStatuses/current",
        ApiVersions.RESOURCE_HEALTH);
  }

  /** The current state, or empty when Resource Health does not report on the resource. */
  Optional<String> observe(String resourceId, EventListener events) {
    if (forbidden || unreported.contains(resourceId)) {
      return Optional.empty();
    }
    Optional<ArmResponse> r;
    try {
      r = ctx.arm().find(request(resourceId));
    } catch (ArmException e) {
      if (e instanceof ArmHttpException h && h.status() == 403) {
        forbidden = true;
        events.on(new Note(ctx.stamp(), Level.WARN, step + ": Resource Health cannot be read"
            + " (403: the identity lacks " + RequiredActions.RESOURCE_HEALTH + "); this step's"
            + " evidence has no Resource Health"));
        return Optional.empty();
      }
      return Optional.ofNullable(last.get(resourceId));
    }
    if (r.isEmpty()) {
      unreported.add(resourceId);
      return Optional.empty();
    }
    String state = Json.text(r.get().body(), "/properties/availabilityState").orElse("Unknown");
    String reason = Json.text(r.get().body(), "/properties/reasonType")
        .or(() -> Json.text(r.get().body(), "/properties/summary")).orElse("");
    if (!state.equals(last.get(resourceId))) {
      last.put(resourceId, state);
      events.on(new ResourceHealthChanged(ctx.stamp(), step, resourceId, state, reason));
    }
    return Optional.of(state);
  }
}
