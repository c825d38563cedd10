package dev.gameday.azure.fault;

import com.azure.resourcemanager.network.fluent.models.SubnetInner;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.azure.arm.ApiVersions;
import dev.gameday.azure.arm.ArmClient;
import dev.gameday.azure.arm.ArmException;
import dev.gameday.azure.arm.ArmRequest;
import dev.gameday.azure.arm.ArmResponse;
import dev.gameday.azure.arm.Json;
import dev.gameday.azure.arm.ResourceId;
import dev.gameday.core.event.EventListener;
import dev.gameday.core.event.TimelineEvent.Action;
import dev.gameday.core.event.TimelineEvent.ChangeRecorded;
import dev.gameday.core.event.TimelineEvent.FaultEffective;
import dev.gameday.core.event.TimelineEvent.FaultFailed;
import dev.gameday.core.event.TimelineEvent.FaultRequested;
import dev.gameday.core.event.TimelineEvent.Level;
import dev.gameday.core.event.TimelineEvent.Note;
import dev.gameday.core.event.TimelineEvent.OperationAccepted;
import dev.gameday.core.event.TimelineEvent.RevertRequested;
import dev.gameday.core.model.FaultAction.NsgDeny;
import dev.gameday.core.model.FaultAction.NsgRef;
import dev.gameday.core.port.Fault;
import dev.gameday.core.port.FaultException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Adds one deny rule to a network security group with the per-rule REST call (the NSG's other
 * rules are never rewritten), and deletes it on revert. Effective: the rule's {@code
 * provisioningState} is {@code Succeeded}. Restored: the rule is gone (404).
 */
public final class NsgDenyFault implements Fault {
  private final String step;
  private final NsgDeny deny;
  private final String subscription;
  private final String runId;
  private final String ruleName;
  private final Duration lifetime;
  private final FaultContext ctx;
  private final NsgRestore restore;
  /** The lower bound of the rule coming into force: the PUT, then each look that did not see it. */
  private final LastSeen effectSeen = new LastSeen();
  private volatile String nsgId;

  /**
   * @param lifetime how long the rule may live at most (hold + recovery); written into its
   *     description as its expiry, for {@code gameday sweep}
   */
  public NsgDenyFault(String step, NsgDeny deny, String subscription, String runId,
      Duration lifetime, FaultContext ctx) {
    this.step = step;
    this.deny = deny;
    this.subscription = subscription;
    this.runId = runId;
    this.ruleName = RuleNames.of(runId, step);
    this.lifetime = lifetime;
    this.ctx = ctx;
    this.restore = new NsgRestore(step, ctx);
    this.nsgId = switch (deny.nsg()) {
      case NsgRef.ByName n -> scope(n.resourceGroup())
          + "/providers/Microsoft.Network/networkSecurityGroups/" + n.name();
      case NsgRef.BySubnet s -> null;
    };
  }

  private String scope(String rg) {
    return ResourceId.resourceGroupScope(subscription, rg);
  }

  private static String subnetId(String subscription, NsgRef.BySubnet s) {
    return ResourceId.resourceGroupScope(subscription, s.resourceGroup())
        + "/providers/Microsoft.Network/virtualNetworks/" + s.virtualNetwork() + "/subnets/"
        + s.subnet();
  }

  /**
   * The id of the NSG attached to a subnet, empty when none is: {@code GET {subnet}} with
   * azure-resourcemanager-network's {@code SubnetsClient} (a lookup before anything is written,
   * so the typed model serves; see docs/azure.md).
   */
  public static Optional<String> nsgOfSubnet(ArmClient arm, String subscription,
      NsgRef.BySubnet s) {
    SubnetInner subnet = arm.call(ArmRequest.get(subnetId(subscription, s), ApiVersions.NETWORK),
        () -> arm.services(subscription).network().getSubnets().getAsync(s.resourceGroup(),
            s.virtualNetwork(), s.subnet()));
    return Optional.ofNullable(subnet.networkSecurityGroup()).map(nsg -> nsg.id());
  }

  /** The rule's name: {@code gameday-<runId>-<step>}, sanitised. */
  public String ruleName() {
    return ruleName;
  }

  private String ruleId() {
    return nsgId + "/securityRules/" + ruleName;
  }

  @Override
  public String step() {
    return step;
  }

  @Override
  public List<String> resources() {
    if (nsgId != null) {
      return List.of(ruleId());
    }
    return List.of(subnetId(subscription, (NsgRef.BySubnet) deny.nsg()));
  }

  /** The whole NSG: the rule lives in it, and a flush restore rewrites it. */
  @Override
  public List<String> touches() {
    return List.of(locate());
  }

  @Override
  public List<String> plannedCalls() {
    List<String> calls = new ArrayList<>();
    String nsg = nsgId;
    if (deny.nsg() instanceof NsgRef.BySubnet s) {
      calls.add(ArmRequest.get(subnetId(subscription, s), ApiVersions.NETWORK).describe()
          + "  (find properties.networkSecurityGroup.id)");
      nsg = "{nsg of subnet " + s.subnet() + "}";
    }
    String rule = nsg + "/securityRules/" + ruleName;
    calls.add("GET " + nsg + "?api-version=" + ApiVersions.NETWORK
        + "  (existing rules, free priority)");
    if (deny.flushConnections()) {
      calls.add("PUT " + nsg + "?api-version=" + ApiVersions.NETWORK
          + "  (If-Match etag; properties.flushConnection=true for the hold)");
    }
    calls.add("PUT " + rule + "?api-version=" + ApiVersions.NETWORK + "  {properties: "
        + NsgRule.summary(deny) + ", priority " + deny.priority().map(String::valueOf)
        .orElse("lowest free >= 100") + "}");
    calls.add("GET " + rule + "?api-version=" + ApiVersions.NETWORK
        + "  (poll until provisioningState Succeeded)");
    calls.add("DELETE " + rule + "?api-version=" + ApiVersions.NETWORK
        + "  (revert; 404 = already gone)");
    calls.add("GET " + rule + "?api-version=" + ApiVersions.NETWORK + "  (poll until 404)");
    if (deny.flushConnections()) {
      calls.add("PUT " + nsg + "?api-version=" + ApiVersions.NETWORK
          + "  (restore the previous flushConnection)");
    }
    return calls;
  }

  private String locate() {
    if (nsgId == null) {
      NsgRef.BySubnet s = (NsgRef.BySubnet) deny.nsg();
      nsgId = nsgOfSubnet(ctx.arm(), subscription, s).orElseThrow(() ->
          new IllegalStateException("subnet " + s.subnet() + " of " + s.virtualNetwork()
              + " has no network security group attached"));
    }
    return nsgId;
  }

  private String description() {
    Instant expires = ctx.clock().now().plus(lifetime).truncatedTo(ChronoUnit.SECONDS);
    return "gameday run " + runId + "; expires " + expires + "; remove with 'gameday sweep'";
  }

  @Override
  public void inject(EventListener events) throws FaultException {
    events.on(new FaultRequested(ctx.stamp(), step, deny.kind(), resources(),
        NsgRule.summary(deny) + " as rule " + ruleName));
    String where = resources().get(0);
    try {
      locate();
      where = ruleId();
      JsonNode nsg = ctx.arm().send(ArmRequest.get(nsgId, ApiVersions.NETWORK)).body();
      Optional<JsonNode> mine = Json.elements(nsg, "/properties/securityRules").stream()
          .filter(r -> ruleName.equalsIgnoreCase(r.path("name").asText())).findFirst();
      if (mine.isPresent() && !Json.text(mine.get(), "/properties/provisioningState")
          .orElse("").equalsIgnoreCase("Failed")) {
        events.on(new Note(ctx.stamp(), Level.INFO, step + ": rule " + ruleName
            + " already exists (an earlier attempt of this run); not adding it again"));
        restore.record(events, ruleChange(mine.get().at("/properties/priority").asInt()));
        return;
      }
      int priority = priority(nsg);
      if (deny.flushConnections() && !nsg.at("/properties/flushConnection").asBoolean(false)) {
        restore.record(events, new ChangeRecorded(ctx.stamp(), step, nsgId, NsgRestore.FLUSH,
            "false", Json.text(nsg, "/etag").map(e -> Map.of("etag", e)).orElse(Map.of())));
        ctx.arm().send(NsgRestore.flushPut(nsgId, nsg, true));
        events.on(new Note(ctx.stamp(), Level.INFO, step + ": flushConnection set on " + nsgId
            + " for the hold"));
      }
      restore.record(events, ruleChange(priority));
      Instant sent = ctx.clock().now();
      effectSeen.requesting(ruleId(), sent);
      ArmResponse r = ctx.arm().send(ArmRequest.put(ruleId(), ApiVersions.NETWORK,
          NsgRule.body(deny, priority, description())));
      events.on(new OperationAccepted(ctx.stamp(), step, Action.INJECT, ruleId(), r.status(),
          r.correlationId(), r.operationId(), Optional.of(sent)));
    } catch (ArmException | IllegalStateException e) {
      events.on(new FaultFailed(ctx.stamp(), step, where, e.getMessage()));
      throw new FaultException(step, where, "deny rule not added: " + e.getMessage(), null, e);
    }
  }

  private int priority(JsonNode nsg) {
    Set<Integer> taken = new HashSet<>();
    String takenBy = null;
    for (JsonNode r : Json.elements(nsg, "/properties/securityRules")) {
      if (r.at("/properties/direction").asText().equalsIgnoreCase(deny.direction().name())) {
        int p = r.at("/properties/priority").asInt();
        taken.add(p);
        if (deny.priority().isPresent() && deny.priority().get() == p) {
          takenBy = r.path("name").asText();
        }
      }
    }
    if (deny.priority().isPresent()) {
      if (takenBy != null) {
        throw new IllegalStateException("priority " + deny.priority().get() + " is already used"
            + " by rule '" + takenBy + "' (" + deny.direction() + ") in " + nsgId
            + "; choose a free priority or leave priority out to use the lowest free one");
      }
      return deny.priority().get();
    }
    for (int p = 100; p <= 4096; p++) {
      if (!taken.contains(p)) {
        return p;
      }
    }
    throw new IllegalStateException("no free priority in 100-4096 for " + deny.direction()
        + " rules in " + nsgId);
  }

  /** The record of the rule about to be created: absent before, deleted on revert. */
  private ChangeRecorded ruleChange(int priority) {
    return new ChangeRecorded(ctx.stamp(), step, ruleId(), NsgRestore.RULE, "absent",
        Map.of("name", ruleName, "priority", Integer.toString(priority)));
  }

  @Override
  public void awaitEffective(EventListener events, Instant deadline) throws FaultException {
    String last = "";
    Pace pace = ctx.pace();
    while (true) {
      Instant look = ctx.clock().now();
      try {
        Optional<ArmResponse> r = ctx.arm().find(ArmRequest.get(ruleId(), ApiVersions.NETWORK));
        String state = r.map(x -> Json.text(x.body(), "/properties/provisioningState")
            .orElse("Succeeded")).orElse("absent");
        if (state.equalsIgnoreCase("Succeeded")) {
          String prio = r.get().body().at("/properties/priority").asText();
          events.on(new FaultEffective(ctx.stamp(), step, ruleId(), "rule " + ruleName
              + " provisioningState Succeeded (priority " + prio + ", " + NsgRule.summary(deny)
              + "); " + (deny.flushConnections() ? "flushConnection on: established flows are"
              + " cut too" : "NSG changes affect new connections only; established flows keep"
              + " going until idle unless flushConnection is on"), effectSeen.of(ruleId()),
              Optional.empty()));
          return;
        }
        effectSeen.unchanged(ruleId(), look);
        if (state.equalsIgnoreCase("Failed") || state.equalsIgnoreCase("Canceled")) {
          events.on(new FaultFailed(ctx.stamp(), step, ruleId(), "rule provisioningState "
              + state));
          throw new FaultException(step, ruleId(), "rule provisioningState " + state);
        }
        last = "provisioningState " + state;
      } catch (ArmException e) {
        last = e.getMessage();
      }
      if (ctx.past(deadline)) {
        events.on(new FaultFailed(ctx.stamp(), step, ruleId(), "rule not Succeeded by "
            + deadline + " (" + last + ")"));
        throw new FaultException(step, ruleId(), "rule not Succeeded by " + deadline);
      }
      sleep(pace, deadline);
    }
  }

  @Override
  public boolean recordsChanges() {
    return true;
  }

  @Override
  public void restoreFrom(List<ChangeRecorded> changes) {
    restore.restoreFrom(changes);
  }

  /** Deletes the rule and restores the flush, as recorded; nothing recorded, nothing to do. */
  @Override
  public void revert(EventListener events, Instant deadline) throws FaultException {
    if (!restore.anything()) {
      events.on(new Note(ctx.stamp(), Level.INFO, step + ": nothing was changed; nothing to"
          + " revert"));
      return;
    }
    events.on(new RevertRequested(ctx.stamp(), step, restore.resources()));
    restore.revert(events, deadline);
  }

  /**
   * Waits until the rule is seen gone (404), unless the revert already saw it so (a revert that
   * restores the flush waits for the rule first); {@link NsgRestore#ruleGone} journals it.
   */
  @Override
  public void awaitRestored(EventListener events, Instant deadline) throws FaultException {
    Optional<String> rule = restore.ruleId();
    if (rule.isEmpty() || !restore.rulePending()) {
      return;
    }
    String last = "";
    FaultContext ctx = this.ctx.until(deadline);
    Pace pace = ctx.pace();
    while (true) {
      try {
        if (restore.lookForRule(ctx, events)) {
          return;
        }
        last = "rule still present";
      } catch (ArmException e) {
        last = e.getMessage();
      }
      if (ctx.past(deadline)) {
        events.on(new Note(ctx.stamp(), Level.ERROR, step + ": rule " + ruleName
            + " still present at " + deadline + " (" + last + ")"));
        throw new FaultException(step, rule.get(), "rule not gone by " + deadline,
            manualRevertCommand(), null);
      }
      sleep(pace, deadline);
    }
  }

  private void sleep(Pace pace, Instant deadline) throws FaultException {
    try {
      pace.pause(deadline);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FaultException(step, resources().get(0), "interrupted", manualRevertCommand(), e);
    }
  }

  @Override
  public String manualRevertCommand() {
    if (restore.anything()) {
      return restore.manualCommand();
    }
    if (nsgId != null) {
      return AzCommands.nsgRuleDelete(nsgId, ruleName);
    }
    NsgRef.BySubnet s = (NsgRef.BySubnet) deny.nsg();
    return "az network nsg rule delete --subscription " + subscription + " --resource-group "
        + s.resourceGroup() + " --nsg-name \"$(az network vnet subnet show --subscription "
        + subscription + " -g " + s.resourceGroup() + " --vnet-name " + s.virtualNetwork()
        + " -n " + s.subnet() + " --query networkSecurityGroup.id -o tsv | xargs basename)\""
        + " --name " + ruleName;
  }
}
