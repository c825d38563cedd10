package dev.gameday.core.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Fault steps: unique names, exactly one action each, durations, targets that exist, and the
 * rules of each action (NSG priorities, ports and prefixes; Site Recovery test networks and
 * what follows a failover).
 */
final class FaultCheck implements SemanticCheck {

  /** The action keys a step can carry; exactly one per step. */
  static final List<String> ACTIONS =
      List.of("vm.powerOff", "vm.deallocate", "vm.restart", "nsg.deny", "siteRecovery.failover", "pause");

  @Override
  public void check(CheckContext ctx) {
    JsonNode faults = ctx.at("/faults");
    Set<String> names = new HashSet<>();
    for (int i = 0; i < faults.size(); i++) {
      String p = Pointers.child("/faults", i);
      if (!faults.get(i).isObject()) {
        continue;
      }
      ctx.text(p + "/name").filter(n -> !names.add(n)).ifPresent(n ->
          ctx.report(p + "/name", "fault step name `" + n + "` is used twice", "step names must be unique"));
      ctx.duration(p + "/hold", true);
      ctx.duration(p + "/recoveryTimeout", false);
      List<String> actions = ctx.presentKeys(p, ACTIONS);
      if (actions.size() != 1) {
        ctx.report(p, "fault step " + ctx.text(p + "/name").map(n -> "`" + n + "` ").orElse("")
            + "needs exactly one action" + (actions.isEmpty() ? "" : ", found " + String.join(" and ", actions)),
            actions.isEmpty() ? "one of " + String.join(", ", ACTIONS) : "split it into one step per action");
      }
      for (String a : actions) {
        String ap = Pointers.child(p, a);
        switch (a) {
          case "vm.powerOff", "vm.deallocate", "vm.restart" -> target(ctx, ap + "/target");
          case "nsg.deny" -> nsg(ctx, ap);
          case "siteRecovery.failover" -> failover(ctx, ap);
          default -> { }
        }
      }
    }
  }

  private static void target(CheckContext ctx, String p) {
    ctx.text(p).ifPresent(name -> {
      JsonNode targets = ctx.at("/targets");
      if (!targets.has(name)) {
        List<String> known = new java.util.ArrayList<>();
        targets.fieldNames().forEachRemaining(known::add);
        ctx.report(p, "target `" + name + "` is not defined under targets",
            Suggestions.didYouMean(name, known).orElse(known.isEmpty()
                ? "define it under targets" : "defined targets: " + String.join(", ", known)));
      }
    });
  }

  private static void nsg(CheckContext ctx, String p) {
    JsonNode ref = ctx.at(p + "/nsg");
    if (ref.isObject()) {
      boolean byName = ref.has("name");
      boolean bySubnet = ref.has("virtualNetwork") || ref.has("subnet");
      if (byName == bySubnet || (bySubnet && !(ref.has("virtualNetwork") && ref.has("subnet")))) {
        ctx.report(p + "/nsg", "nsg needs either name, or virtualNetwork and subnet (with resourceGroup)",
            "{resourceGroup: rg, name: nsg-app} or {resourceGroup: rg, virtualNetwork: vnet, subnet: snet}");
      }
    }
    JsonNode priority = ctx.at(p + "/priority");
    if (priority.isIntegralNumber() && (priority.asLong() < 100 || priority.asLong() > 4096)) {
      ctx.report(p + "/priority", "NSG rule priority must be 100-4096, not " + priority.asLong(),
          "leave priority out to take the lowest free number");
    }
    JsonNode ports = ctx.at(p + "/ports");
    for (int i = 0; i < ports.size(); i++) {
      port(ctx, Pointers.child(p + "/ports", i));
    }
    for (String side : List.of("from", "to")) {
      JsonNode prefixes = ctx.at(p + "/" + side);
      for (int i = 0; i < prefixes.size(); i++) {
        String pp = Pointers.child(p + "/" + side, i);
        ctx.text(pp).ifPresent(t -> NetworkPrefixes.problem(t).ifPresent(why -> ctx.report(pp,
            ctx.shown(pp) + " in nsg.deny." + side + ": " + why,
            Suggestions.didYouMean(t, NetworkPrefixes.SERVICE_TAGS)
                .orElse("write a CIDR like 10.10.2.0/24 or 2001:db8::/32, or a service tag like Sql or VirtualNetwork"))));
      }
    }
  }

  private static void port(CheckContext ctx, String p) {
    JsonNode n = ctx.at(p);
    if (n.isIntegralNumber()) {
      if (n.asLong() < 1 || n.asLong() > 65535) {
        ctx.report(p, "port " + n.asLong() + " is outside 1-65535");
      }
      return;
    }
    if (!n.isTextual() || n.asText().equals("*")) {
      return;
    }
    String[] range = n.asText().split("-", -1);
    try {
      int low = Integer.parseInt(range[0].strip());
      int high = range.length == 2 ? Integer.parseInt(range[1].strip()) : low;
      if (range.length > 2) {
        throw new NumberFormatException();
      }
      if (low < 1 || high > 65535) {
        ctx.report(p, "port range " + ctx.shown(p) + " is outside 1-65535");
      } else if (high < low) {
        ctx.report(p, "port range " + ctx.shown(p) + " ends before it starts", "write low-high");
      }
    } catch (NumberFormatException e) {
      ctx.report(p, "not a port or port range: " + ctx.shown(p), "write 1433, \"8000-8100\" or \"*\"");
    }
  }

  private static void failover(CheckContext ctx, String p) {
    String type = ctx.text(p + "/type").orElse("");
    boolean test = type.equals("test");
    boolean hasNetwork = ctx.at(p + "/testNetwork").isTextual();
    if (test && !hasNetwork) {
      ctx.report(p, "a test failover needs testNetwork (the virtual network the test VMs go into)",
          "testNetwork: /subscriptions/SUB/resourceGroups/RG/providers/Microsoft.Network/virtualNetworks/VNET");
    }
    if (!type.isEmpty() && !test && hasNetwork) {
      ctx.report(p + "/testNetwork", "testNetwork only applies to a test failover, not a " + type + " one");
    }
    ctx.text(p + "/testNetwork").filter(id -> !id.matches(
        "(?i)/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\\.Network/virtualNetworks/[^/]+")).ifPresent(id ->
        ctx.report(p + "/testNetwork", "testNetwork must be a virtual network resource id, not " + ctx.shown(p + "/testNetwork"),
            "/subscriptions/SUB/resourceGroups/RG/providers/Microsoft.Network/virtualNetworks/VNET"));
    if (type.equals("planned")) {
      ctx.report(p + "/type", "type: planned is not offered for Azure VMs: Site Recovery fails Azure VMs"
          + " over to another region with Failover, which is type: unplanned",
          "use type: unplanned (with then: commit to commit it). Gameday's failover input is A2A (Azure to"
          + " Azure); planned failover is for Hyper-V and VMware failback (the spec's"
          + " PlannedFailoverProviderSpecificFailoverInput has no A2A kind, and the Azure-to-Azure"
          + " failover tutorial offers Failover and Commit only)");
    }
    if (!type.isEmpty() && !test && ctx.text(p + "/then").filter("cleanup"::equals).isPresent()) {
      ctx.report(p + "/then", "then: cleanup only applies to a test failover; a " + type + " failover is not cleaned up",
          "use then: commit or then: none");
    }
  }
}
