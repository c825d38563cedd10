package dev.gameday.azure.fault;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.azure.arm.ApiVersions;
import dev.gameday.azure.arm.ArmHttpException;
import dev.gameday.azure.arm.ArmRequest;
import dev.gameday.azure.arm.ArmTransportException;
import dev.gameday.azure.arm.Json;
import dev.gameday.core.event.EventListener;
import dev.gameday.core.event.TimelineEvent.Level;
import dev.gameday.core.event.TimelineEvent.Note;
import dev.gameday.core.event.TimelineEvent.SiteRecoveryReplicationRpo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Just before a failover: each protected item's last replication RPO, as Azure's Protection
 * Service calculated it. The plan names its items ({@code properties.groups[]
 * .replicationProtectedItems[].id}, {@code ReplicationRecoveryPlans_Get.json}); each is read
 * with {@code ReplicationProtectedItems_Get} and its A2A {@code providerSpecificDetails} give
 * {@code rpoInSeconds} and {@code lastRpoCalculatedTime} ({@code A2AReplicationDetails},
 * {@code SiteRecovery/stable/2026-05-01/service.json}).
 *
 * <p>Evidence, not a precondition: an item without those fields (not Azure-to-Azure) is
 * skipped, and a refusal (a role without {@code replicationProtectedItems/read}) or a failed
 * read is one WARN note, after which the failover goes ahead unread.
 */
final class ReplicationRpo {
  /** Reads at most this many items: a large plan must not hold the failover back for long. */
  static final int MAX_ITEMS = 20;

  private ReplicationRpo() {}

  /** The ARM ids of the plan's protected items, in the plan's order, each once. */
  static List<String> protectedItems(JsonNode plan) {
    Set<String> ids = new LinkedHashSet<>();
    for (JsonNode group : Json.elements(plan, "/properties/groups")) {
      for (JsonNode item : Json.elements(group, "/replicationProtectedItems")) {
        Json.text(item, "/id").ifPresent(ids::add);
      }
    }
    return new ArrayList<>(ids);
  }

  /** Reads and journals the items' last RPO; returns how many items stated one. */
  static int journal(FaultContext ctx, String step, JsonNode plan, EventListener events) {
    List<String> ids = protectedItems(plan);
    int stated = 0;
    for (String id : ids.subList(0, Math.min(ids.size(), MAX_ITEMS))) {
      JsonNode item;
      try {
        item = ctx.arm().send(ArmRequest.get(id, ApiVersions.SITE_RECOVERY)).body();
      } catch (ArmHttpException | ArmTransportException e) {
        events.on(new Note(ctx.stamp(), Level.WARN, step + ": could not read the protected"
            + " items' replication RPO (" + e.getMessage() + "); the report shows the RPO the"
            + " failover used only"));
        return stated;
      }
      JsonNode details = item.path("properties").path("providerSpecificDetails");
      JsonNode rpo = details.path("rpoInSeconds");
      if (!rpo.canConvertToLong()) {
        continue;
      }
      String name = Json.text(item, "/properties/friendlyName")
          .or(() -> Json.text(item, "/name")).orElse(FailoverFollower.tail(id));
      events.on(new SiteRecoveryReplicationRpo(ctx.stamp(), step, name,
          Json.text(details, "/fabricObjectId"), rpo.asLong(),
          Json.instant(details, "/lastRpoCalculatedTime")));
      stated++;
    }
    if (ids.size() > MAX_ITEMS) {
      events.on(new Note(ctx.stamp(), Level.INFO, step + ": read the replication RPO of the"
          + " first " + MAX_ITEMS + " of " + ids.size() + " protected items"));
    }
    return stated;
  }
}
