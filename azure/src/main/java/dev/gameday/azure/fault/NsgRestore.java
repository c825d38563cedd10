package dev.gameday.azure.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gameday.azure.arm.ApiVersions;
import dev.gameday.azure.arm.ArmDeadlineException;
import dev.gameday.azure.arm.ArmException;
import dev.gameday.azure.arm.ArmHttpException;
import dev.gameday.azure.arm.ArmRequest;
import dev.gameday.azure.arm.ArmResponse;
import dev.gameday.azure.arm.Json;
import dev.gameday.azure.arm.ResourceId;
import dev.gameday.core.event.EventListener;
import dev.gameday.core.event.TimelineEvent.Action;
import dev.gameday.core.event.TimelineEvent.ChangeRecorded;
import dev.gameday.core.event.TimelineEvent.ChangeRestored;
import dev.gameday.core.event.TimelineEvent.Level;
import dev.gameday.core.event.TimelineEvent.Note;
import dev.gameday.core.event.TimelineEvent.OperationAccepted;
import dev.gameday.core.event.TimelineEvent.PlatformRestored;
import dev.gameday.core.event.TimelineEvent.RevertFailed;
import dev.gameday.core.port.FaultException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The undo side of {@link NsgDenyFault}: what the fault changed, as journaled before each change
 * (the deny rule it creates; {@code flushConnection} when it turned it on), and how to restore
 * exactly that, from the record alone. The flush is turned back off only once the rule is gone,
 * by a PUT of the NSG as just read, with {@code If-Match} on its etag and without rules that are
 * being deleted: a concurrent change (412) makes it read again, so the PUT never brings back a
 * rule someone else removed meanwhile.
 */
final class NsgRestore {
  static final String RULE = "securityRule";
  static final String FLUSH = "flushConnection";

  private final String step;
  private final FaultContext ctx;
  /** The rule's record, for as long as its deletion is not confirmed. */
  private volatile ChangeRecorded rule;
  /** The flush's record, for as long as its restore is not confirmed. */
  private volatile ChangeRecorded flush;
  /** The rule this fault created, confirmed gone or not (for the platform's restore). */
  private volatile String ruleId;
  /** The lower bound of the rule's deletion: the DELETE, then each look that still saw it. */
  private final LastSeen ruleSeen = new LastSeen();

  NsgRestore(String step, FaultContext ctx) {
    this.step = step;
    this.ctx = ctx;
  }

  /** Journals a change before it is made, and remembers it. */
  void record(EventListener events, ChangeRecorded change) {
    events.on(change);
    remember(change);
  }

  void restoreFrom(List<ChangeRecorded> changes) {
    rule = null;
    flush = null;
    ruleId = null;
    changes.forEach(this::remember);
  }

  private void remember(ChangeRecorded c) {
    switch (c.change()) {
      case RULE -> {
        rule = c;
        ruleId = c.resource();
      }
      case FLUSH -> flush = c;
      default -> { }
    }
  }

  boolean anything() {
    return rule != null || flush != null;
  }

  /** The rule this fault created (from its record), if it created one. */
  Optional<String> ruleId() {
    return Optional.ofNullable(ruleId);
  }

  /**
   * The resources whose restore ends the fault, for {@code revert.requested}: each gets a
   * {@code platform.restored} (or a {@code revert.failed}). That is the rule: the partition
   * ends when it is gone. The flush is Gameday's own setting, not the partition; its restore is
   * confirmed by {@code change.restored} alone, and it is named here only when no rule was
   * created (then its restore is all the revert does).
   */
  List<String> resources() {
    if (ruleId != null) {
      return List.of(ruleId);
    }
    return Optional.ofNullable(flush).map(ChangeRecorded::resource).stream().toList();
  }

  /** True while the rule's deletion is not confirmed. */
  boolean rulePending() {
    return rule != null;
  }

  /** Deletes the rule, then turns the flush back off; each confirmed before it counts. */
  void revert(EventListener events, Instant deadline) throws FaultException {
    FaultContext ctx = this.ctx.until(deadline);
    if (rule != null) {
      deleteRule(ctx, events, deadline);
    }
    if (flush != null) {
      restoreFlush(ctx, events, deadline);
    }
  }

  private void deleteRule(FaultContext ctx, EventListener events, Instant deadline)
      throws FaultException {
    String id = rule.resource();
    ArmException last = null;
    while (true) {
      try {
        Optional<ArmResponse> existing = ctx.arm().find(ArmRequest.get(id, ApiVersions.NETWORK));
        if (existing.isEmpty()) {
          events.on(new Note(ctx.stamp(), Level.INFO, step + ": rule " + name(id)
              + " is already gone"));
          ruleGone(events);
          return;
        }
        Instant sent = ctx.clock().now();
        ruleSeen.requesting(id, sent);
        Optional<ArmResponse> r = ctx.arm().find(ArmRequest.delete(id, ApiVersions.NETWORK));
        r.ifPresent(x -> events.on(new OperationAccepted(ctx.stamp(), step, Action.REVERT, id,
            x.status(), x.correlationId(), x.operationId(), Optional.of(sent))));
        return;
      } catch (ArmDeadlineException e) {
        // the deadline came: the last real failure says why
      } catch (ArmException e) {
        last = e;
      }
      pause(deadline, id);
      failIfPast(events, deadline, id, "rule not deleted", manualCommand(), last);
    }
  }

  private void restoreFlush(FaultContext ctx, EventListener events, Instant deadline)
      throws FaultException {
    String nsgId = flush.resource();
    ArmException last = null;
    Pace pace = ctx.pace();
    while (true) {
      try {
        if (rule != null) {
          lookForRule(ctx, events);
        }
        if (rule == null) {
          ArmResponse nsg = ctx.arm().send(ArmRequest.get(nsgId, ApiVersions.NETWORK));
          if (!nsg.body().at("/properties/flushConnection").asBoolean(false)) {
            ChangeRecorded done = flush;
            flush = null;
            events.on(new ChangeRestored(ctx.stamp(), step, nsgId, FLUSH,
                "flushConnection false"));
            if (ruleId == null) {
              events.on(new PlatformRestored(ctx.stamp(), step, nsgId, "flushConnection false"));
            }
            events.on(new Note(ctx.stamp(), Level.INFO, step + ": flushConnection restored to "
                + done.before() + " on " + nsgId));
            return;
          }
          ctx.arm().send(flushPut(nsgId, nsg.body(), false));
        }
      } catch (ArmHttpException e) {
        if (e.status() == 412) {
          events.on(new Note(ctx.stamp(), Level.INFO, step + ": " + nsgId
              + " changed since it was read (412); reading it again"));
        }
        last = e;
      } catch (ArmDeadlineException e) {
        // the deadline came: the last real failure says why
      } catch (ArmException e) {
        last = e;
      }
      pause(pace, deadline, nsgId);
      failIfPast(events, deadline, nsgId, "flushConnection not restored", flushCommand(nsgId),
          last);
    }
  }

  /**
   * A PUT of the NSG as just read with {@code flushConnection} set, guarded by its etag. Rules
   * being deleted are left out, so the PUT cannot bring them back.
   */
  static ArmRequest flushPut(String nsgId, JsonNode nsg, boolean flush) {
    ObjectNode body = nsg.deepCopy();
    ObjectNode props = (ObjectNode) body.path("properties");
    props.put("flushConnection", flush);
    if (props.get("securityRules") instanceof ArrayNode rules) {
      ArrayNode kept = rules.arrayNode();
      for (JsonNode r : rules) {
        if (!Json.text(r, "/properties/provisioningState").orElse("")
            .equalsIgnoreCase("Deleting")) {
          kept.add(r);
        }
      }
      props.set("securityRules", kept);
    }
    ArmRequest put = ArmRequest.put(nsgId, ApiVersions.NETWORK, body);
    return nsg.hasNonNull("etag") ? put.withHeader("If-Match", nsg.get("etag").asText()) : put;
  }

  /**
   * Looks once whether the rule is gone: if so, journals it ({@link #ruleGone}); if not, the
   * look is the new lower bound of its deletion. True when it is gone.
   */
  boolean lookForRule(FaultContext ctx, EventListener events) {
    ChangeRecorded r = rule;
    if (r == null) {
      return true;
    }
    Instant look = ctx.clock().now();
    if (ctx.arm().find(ArmRequest.get(r.resource(), ApiVersions.NETWORK)).isEmpty()) {
      ruleGone(events);
      return true;
    }
    ruleSeen.unchanged(r.resource(), look);
    return false;
  }

  /**
   * Journals that the rule's deletion is confirmed, once, at the first look that saw it gone:
   * the change is restored and the platform reports the partition over. Whatever the revert
   * does afterwards (the flush) is not Azure's restore of the partition.
   */
  void ruleGone(EventListener events) {
    ChangeRecorded r = rule;
    if (r != null) {
      rule = null;
      events.on(new ChangeRestored(ctx.stamp(), step, r.resource(), RULE, "rule gone (404)"));
      events.on(new PlatformRestored(ctx.stamp(), step, r.resource(), "rule "
          + name(r.resource()) + " gone (404)", ruleSeen.of(r.resource()), Optional.empty()));
    }
  }

  private void failIfPast(EventListener events, Instant deadline, String where, String what,
      String cmd, Exception last) throws FaultException {
    if (!ctx.past(deadline)) {
      return;
    }
    String reason = what + " by " + deadline + (last == null ? "" : ": " + last.getMessage());
    events.on(new RevertFailed(ctx.stamp(), step, where, reason, cmd));
    throw new FaultException(step, where, "revert incomplete: " + reason, cmd, last);
  }

  private void pause(Instant deadline, String where) throws FaultException {
    try {
      ctx.pause(deadline);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FaultException(step, where, "interrupted", manualCommand(), e);
    }
  }

  private void pause(Pace pace, Instant deadline, String where) throws FaultException {
    try {
      pace.pause(deadline);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FaultException(step, where, "interrupted", manualCommand(), e);
    }
  }

  /** Every {@code az} command that undoes what is recorded and not yet confirmed. */
  String manualCommand() {
    List<String> cmds = new ArrayList<>();
    ChangeRecorded r = rule;
    if (r != null) {
      String nsg = r.resource().substring(0, r.resource().indexOf("/securityRules/"));
      cmds.add(AzCommands.nsgRuleDelete(nsg, name(r.resource())));
    }
    ChangeRecorded f = flush;
    if (f != null) {
      cmds.add(flushCommand(f.resource()));
    }
    return String.join(" && ", cmds);
  }

  static String flushCommand(String nsgId) {
    ResourceId id = ResourceId.parse(nsgId);
    return "az network nsg update --subscription " + id.subscription() + " --resource-group "
        + id.resourceGroup() + " --name " + id.name() + " --set flushConnection=false";
  }

  private static String name(String ruleId) {
    return ruleId.substring(ruleId.lastIndexOf('/') + 1);
  }
}
