package dev.gameday.azure.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.azure.arm.ApiVersions;
import dev.gameday.azure.arm.ArmClient;
import dev.gameday.azure.arm.ArmException;
import dev.gameday.azure.arm.ArmRequest;
import dev.gameday.azure.arm.ArmResponse;
import dev.gameday.azure.arm.Json;
import dev.gameday.azure.fault.RuleNames;
import dev.gameday.azure.sweep.SweepReport.Entry;
import dev.gameday.azure.sweep.SweepReport.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds what Gameday left behind in a subscription (optionally one resource group) - NSG rules
 * named {@code gameday-*} - and removes them (or only lists them in a dry run). Backs
 * {@code gameday sweep}.
 */
public final class LeftoverSweeper {
  private static final int MAX_PAGES = 50;

  private final ArmClient arm;

  public LeftoverSweeper(ArmClient arm) {
    this.arm = arm;
  }

  static ArmRequest listRequest(String subscription, Optional<String> resourceGroup) {
    return ArmRequest.get("/subscriptions/" + subscription
        + resourceGroup.map(g -> "/resourceGroups/" + g).orElse("")
        + "/providers/Microsoft.Network/networkSecurityGroups", ApiVersions.NETWORK);
  }

  /** Sweeps; with {@code dryRun} nothing is deleted and every leftover is {@code FOUND}. */
  public SweepReport sweep(String subscription, Optional<String> resourceGroup, boolean dryRun) {
    List<Entry> out = new ArrayList<>();
    ArmResponse page = arm.send(listRequest(subscription, resourceGroup));
    for (int i = 0; i < MAX_PAGES; i++) {
      for (JsonNode nsg : Json.elements(page.body(), "/value")) {
        for (JsonNode rule : Json.elements(nsg, "/properties/securityRules")) {
          String name = rule.path("name").asText();
          if (!name.toLowerCase(Locale.ROOT).startsWith(RuleNames.PREFIX)) {
            continue;
          }
          String id = rule.path("id").asText(nsg.path("id").asText() + "/securityRules/" + name);
          String description = Json.text(rule, "/properties/description").orElse("");
          out.add(dryRun ? new Entry(id, description, Outcome.FOUND, "dry run: not removed")
              : remove(id, description));
        }
      }
      Optional<String> next = Json.text(page.body(), "/nextLink");
      if (next.isEmpty()) {
        break;
      }
      page = arm.getUrl(next.get());
    }
    return new SweepReport(out);
  }

  private Entry remove(String id, String description) {
    try {
      Optional<ArmResponse> r = arm.find(ArmRequest.delete(id, ApiVersions.NETWORK));
      return r.isEmpty() ? new Entry(id, description, Outcome.ALREADY_GONE, "404")
          : new Entry(id, description, Outcome.REMOVED, "HTTP " + r.get().status()
              + r.get().correlationId().map(c -> ", correlation " + c).orElse(""));
    } catch (ArmException e) {
      return new Entry(id, description, Outcome.FAILED, e.getMessage());
    }
  }
}
