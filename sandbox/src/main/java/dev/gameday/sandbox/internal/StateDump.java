package dev.gameday.sandbox.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gameday.sandbox.internal.world.Ipv4;
import dev.gameday.sandbox.internal.world.JobTask;
import dev.gameday.sandbox.internal.world.NetworkSecurityGroup;
import dev.gameday.sandbox.internal.world.PowerStateMachine;
import dev.gameday.sandbox.internal.world.RecoveryPlan;
import dev.gameday.sandbox.internal.world.RecoveryPoint;
import dev.gameday.sandbox.internal.world.ReplicationJob;
import dev.gameday.sandbox.internal.world.Vault;
import dev.gameday.sandbox.internal.world.VirtualMachine;
import dev.gameday.sandbox.internal.world.World;
import java.time.Instant;

/** Renders the whole world (and the shop's view of it) as JSON. */
final class StateDump {

  private StateDump() {
  }

  static ObjectNode of(Simulation sim) {
    World world = sim.world();
    Instant now = world.now();
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("now", now.toString());
    root.put("origin", world.origin().toString());
    root.put("subscriptionId", world.subscriptionId());
    ArrayNode vms = root.putArray("virtualMachines");
    for (VirtualMachine vm : world.vms()) {
      vms.add(vm(vm, world, now));
    }
    ArrayNode nsgs = root.putArray("networkSecurityGroups");
    for (NetworkSecurityGroup nsg : world.nsgs()) {
      ObjectNode n = nsgs.addObject();
      n.put("id", nsg.id().id());
      n.put("provisioningState", nsg.provisioningState(now));
      n.put("flushConnection", nsg.flushConnection());
      ArrayNode rules = n.putArray("rules");
      for (NetworkSecurityGroup.RuleView r : nsg.rules(now)) {
        rules.addObject().put("name", r.rule().name()).put("priority", r.rule().priority())
            .put("direction", r.rule().direction()).put("access", r.rule().access())
            .put("provisioningState", r.provisioningState());
      }
      ArrayNode inForce = n.putArray("rulesInForce");
      nsg.rulesInForce(now).forEach(r -> inForce.add(r.name()));
      ArrayNode timeline = n.putArray("timeline");
      nsg.history().forEach((name, versions) -> versions.forEach(v -> timeline.addObject()
          .put("rule", name).put("submitted", v.submittedAt().toString())
          .put("inForce", v.effectiveAt().toString())
          .put("state", v.rule() == null ? "absent" : "present")));
    }
    ArrayNode plans = root.putArray("recoveryPlans");
    for (Vault vault : world.vaults()) {
      for (RecoveryPlan plan : vault.plans()) {
        ObjectNode p = plans.addObject();
        p.put("id", plan.id());
        ArrayNode allowed = p.putArray("allowedOperations");
        plan.allowedOperations(now).forEach(allowed::add);
        p.put("failedOver", plan.failedOverAt(now));
        ArrayNode jobs = p.putArray("jobs");
        for (RecoveryPlan.Scenario s : plan.history()) {
          jobs.add(job(s.job(), now));
        }
        ArrayNode items = p.putArray("protectedItems");
        RecoveryPoint.LastRpo rpo = RecoveryPoint.lastRpo(now, world.origin(), world.delays());
        plan.pairs().forEach(pair -> items.addObject().put("item", pair.item())
            .put("vm", pair.source().id().id()).put("rpoInSeconds", rpo.seconds())
            .put("lastRpoCalculatedTime", rpo.calculatedAt().toString()));
        ArrayNode replicas = p.putArray("testReplicas");
        plan.testReplicas().forEach(vm -> replicas.add(vm(vm, world, now)));
      }
    }
    root.set("shop", sim.shop().state(now));
    return root;
  }

  private static ObjectNode vm(VirtualMachine vm, World world, Instant now) {
    ObjectNode v = JsonNodeFactory.instance.objectNode();
    v.put("id", vm.id().id());
    v.put("privateIpAddress", Ipv4.format(vm.privateIp()));
    v.put("powerState", vm.power().at(now).code());
    v.put("appReady", vm.runningFor(now, world.delays().appWarmUp()));
    ArrayNode timeline = v.putArray("timeline");
    for (PowerStateMachine.Segment s : vm.power().segments()) {
      if (s.from().isAfter(Instant.EPOCH)) {
        timeline.addObject().put("from", s.from().toString()).put("state", s.state().code());
      }
    }
    return v;
  }

  private static ObjectNode job(ReplicationJob job, Instant now) {
    ObjectNode j = JsonNodeFactory.instance.objectNode();
    j.put("name", job.name()).put("scenarioName", job.scenarioName()).put("state", job.stateAt(now))
        .put("startTime", job.startTime().toString());
    job.endTime().ifPresent(end -> j.put("endTime", end.toString()));
    ArrayNode tasks = j.putArray("tasks");
    for (int i = 0; i < job.tasks().size(); i++) {
      JobTask t = job.tasks().get(i);
      ObjectNode task = tasks.addObject().put("name", t.name()).put("state", job.taskStateAt(i, now))
          .put("startTime", t.start().toString());
      job.plannedTaskEnd(i).ifPresent(end -> task.put("endTime", end.toString()));
    }
    ArrayNode points = j.putArray("recoveryPoints");
    job.recoveryPoints().forEach(rp -> points.addObject().put("vm", rp.friendlyName())
        .put("time", rp.time().toString()));
    return j;
  }
}
