package dev.gameday.core.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.core.model.Safety;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Targets: exactly one way of finding resources, tags only with a resource group, resource ids
 * that are VM ids, and picks that stay within {@code safety.maxTargets}.
 */
final class TargetCheck implements SemanticCheck {
  private static final List<String> SELECTORS = List.of("ids", "resourceGroup", "query");
  private static final Pattern VM_ID = Pattern.compile(
      "(?i)/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\\.Compute/virtualMachines/[^/]+");

  @Override
  public void check(CheckContext ctx) {
    JsonNode targets = ctx.at("/targets");
    int maxTargets = ctx.at("/safety/maxTargets").isInt() ? ctx.at("/safety/maxTargets").asInt() : Safety.DEFAULT_MAX_TARGETS;
    for (Map.Entry<String, JsonNode> e : targets.properties()) {
      String p = Pointers.child("/targets", e.getKey());
      if (!e.getValue().isObject()) {
        continue;
      }
      List<String> present = ctx.presentKeys(p, SELECTORS);
      if (present.size() != 1) {
        ctx.report(p, "target `" + e.getKey() + "` needs exactly one of ids, resourceGroup or query"
            + (present.isEmpty() ? "" : " (found " + String.join(" and ", present) + ")"));
      }
      if (e.getValue().has("tags") && !e.getValue().has("resourceGroup")) {
        ctx.report(p, "tags filter a resourceGroup, but target `" + e.getKey() + "` has no resourceGroup",
            "for tag queries across groups use query");
      }
      JsonNode ids = e.getValue().path("ids");
      for (int i = 0; i < ids.size(); i++) {
        String ip = Pointers.child(p + "/ids", i);
        ctx.text(ip).filter(id -> !VM_ID.matcher(id).matches()).ifPresent(id -> ctx.report(ip,
            "not a virtual machine resource id: " + ctx.shown(ip),
            "/subscriptions/SUB/resourceGroups/RG/providers/Microsoft.Compute/virtualMachines/NAME"));
      }
      JsonNode count = e.getValue().path("pick").path("count");
      if (count.isInt() && count.asInt() > maxTargets) {
        ctx.report(p + "/pick/count", "target `" + e.getKey() + "` picks " + count.asInt()
            + " resources but safety.maxTargets is " + maxTargets, "raise safety.maxTargets or pick fewer");
      }
      JsonNode pick = e.getValue().path("pick");
      if (pick.isObject() && pick.has("count") == pick.has("percent")) {
        ctx.report(p + "/pick", "pick takes either count or percent" + (pick.has("count") ? ", not both" : ""),
            "pick: all, {count: 1, seed: 7} or {percent: 50, seed: 7}");
      }
      JsonNode percent = pick.path("percent");
      if (percent.isNumber() && !(percent.asDouble() > 0 && percent.asDouble() <= 100)) {
        ctx.report(p + "/pick/percent", "pick.percent must be above 0 and at most 100");
      }
    }
  }
}
