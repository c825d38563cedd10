package dev.gameday.sandbox.internal.world;

import dev.gameday.sandbox.internal.arm.ArmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs recovery-plan actions: builds the job's tasks back to back from the world's timings
 * (seeded jitter) and plans their effects on the VMs (shut down sources, start replicas, start or
 * delete test-failover VMs).
 */
public final class SiteRecovery {

  private final World world;

  public SiteRecovery(World world) {
    this.world = world;
  }

  /** Options of an action, already validated by the API. */
  public record Options(VirtualNetwork testNetwork, boolean shutdownSource) {
  }

  public ReplicationJob run(RecoveryPlan plan, String operation, Options options) {
    Instant now = world.now();
    List<String> allowed = plan.allowedOperations(now);
    if (allowed.stream().noneMatch(operation::equalsIgnoreCase)) {
      throw ArmException.conflict("RecoveryPlanOperationNotAllowed", "The operation '" + operation
          + "' cannot be performed on the recovery plan '" + plan.name() + "' in its current state. Allowed operations: "
          + (allowed.isEmpty() ? "none (an operation is in progress)" : String.join(", ", allowed)) + ".");
    }
    Vault vault = world.vault(plan.vault().resourceGroup(), plan.vault().name()).orElseThrow();
    WorldConfig.SiteRecoveryTiming t = world.delays().siteRecovery();
    TaskPlan tasks = new TaskPlan(now);
    tasks.add("PrerequisitesCheck", "Prerequisites check for " + friendly(operation), t.prerequisitesSeconds());
    switch (operation) {
      case RecoveryPlan.TEST_FAILOVER -> {
        tasks.add("TestFailover", "Start the test failover", t.failoverSeconds());
        tasks.add("StartReplicaVms", "Start the replica virtual machines", t.startReplicasSeconds());
        tasks.add("Finalize", "Finalize the test failover", t.finalizeSeconds());
      }
      case RecoveryPlan.TEST_FAILOVER_CLEANUP -> {
        tasks.add("DeleteTestVms", "Delete the test virtual machines", t.cleanupSeconds());
        tasks.add("Finalize", "Finalize the test failover cleanup", t.finalizeSeconds());
      }
      case RecoveryPlan.PLANNED_FAILOVER, RecoveryPlan.UNPLANNED_FAILOVER -> {
        if (options.shutdownSource()) {
          tasks.add("ShutdownPrimaryVms", "Shut down the primary virtual machines", t.shutdownSeconds());
        }
        tasks.add("Failover", "Start the failover", t.failoverSeconds());
        tasks.add("StartReplicaVms", "Start the replica virtual machines", t.startReplicasSeconds());
        tasks.add("Finalize", "Finalize the failover", t.finalizeSeconds());
      }
      case RecoveryPlan.FAILOVER_COMMIT -> {
        tasks.add("CommitFailover", "Commit the failover", t.commitSeconds());
        tasks.add("Finalize", "Finalize the commit", t.finalizeSeconds());
      }
      case RecoveryPlan.FAILOVER_CANCEL -> {
        tasks.add("ShutdownReplicaVms", "Shut down the replica virtual machines", t.shutdownSeconds());
        tasks.add("StartPrimaryVms", "Start the primary virtual machines", t.cancelSeconds());
        tasks.add("Finalize", "Finalize the failover cancellation", t.finalizeSeconds());
      }
      default -> throw ArmException.badRequest("InvalidOperation", "Unknown recovery plan operation " + operation);
    }
    ReplicationJob job = new ReplicationJob(vault.id(), world.ids().uuid(), world.ids().uuid(), operation,
        friendly(operation), plan.id(), plan.name(), now, tasks.tasks);
    vault.add(job);
    plan.record(new RecoveryPlan.Scenario(operation, job,
        options.testNetwork() == null ? null : options.testNetwork().id().id()));
    applyEffects(plan, operation, options, job, now);
    return job;
  }

  private void applyEffects(RecoveryPlan plan, String operation, Options options, ReplicationJob job, Instant now) {
    switch (operation) {
      case RecoveryPlan.TEST_FAILOVER -> {
        JobTask start = job.task("StartReplicaVms");
        List<VirtualMachine> replicas = new ArrayList<>();
        VirtualNetwork net = options.testNetwork();
        VirtualNetwork.Subnet subnet = net.subnets().get(0);
        int host = 4;
        for (RecoveryPlan.Pair pair : plan.pairs()) {
          VirtualMachine target = pair.target();
          String name = pair.source().name() + "-test";
          ResourceName id = world.name(target.id().resourceGroup(), WorldBuilder.VM_TYPE, name);
          PowerStateMachine power = new PowerStateMachine(PowerState.DEALLOCATED);
          power.schedule(start.start(), PowerState.STARTING, start.end(), PowerState.RUNNING);
          replicas.add(new VirtualMachine(id, target.location(), target.size(), target.zone(),
              world.ids().stableUuid(id.id() + job.name()), net.id(), subnet.name(), subnet.prefix().host(host++),
              pair.source().tags(), now, power));
        }
        plan.testReplicas(replicas);
      }
      case RecoveryPlan.TEST_FAILOVER_CLEANUP -> {
        JobTask delete = job.task("DeleteTestVms");
        for (VirtualMachine replica : plan.testReplicas()) {
          replica.power().schedule(delete.start(), PowerState.STOPPING, delete.end(), PowerState.DEALLOCATED);
        }
      }
      case RecoveryPlan.PLANNED_FAILOVER, RecoveryPlan.UNPLANNED_FAILOVER -> {
        if (options.shutdownSource()) {
          JobTask shutdown = job.task("ShutdownPrimaryVms");
          plan.pairs().forEach(p -> p.source().power()
              .schedule(shutdown.start(), PowerState.STOPPING, shutdown.end(), PowerState.DEALLOCATED));
        }
        JobTask start = job.task("StartReplicaVms");
        plan.pairs().forEach(p -> p.target().power()
            .schedule(start.start(), PowerState.STARTING, start.end(), PowerState.RUNNING));
      }
      case RecoveryPlan.FAILOVER_CANCEL -> {
        JobTask shutdown = job.task("ShutdownReplicaVms");
        JobTask start = job.task("StartPrimaryVms");
        for (RecoveryPlan.Pair p : plan.pairs()) {
          p.target().power().schedule(shutdown.start(), PowerState.STOPPING, shutdown.end(), PowerState.DEALLOCATED);
          PowerState source = p.source().power().at(start.start());
          if (source != PowerState.RUNNING && source != PowerState.STARTING) {
            p.source().power().schedule(start.start(), PowerState.STARTING, start.end(), PowerState.RUNNING);
          }
        }
      }
      default -> { }
    }
  }

  static String friendly(String operation) {
    return switch (operation) {
      case RecoveryPlan.TEST_FAILOVER -> "Test failover";
      case RecoveryPlan.TEST_FAILOVER_CLEANUP -> "Cleanup test failover";
      case RecoveryPlan.PLANNED_FAILOVER -> "Planned failover";
      case RecoveryPlan.UNPLANNED_FAILOVER -> "Failover";
      case RecoveryPlan.FAILOVER_COMMIT -> "Commit";
      case RecoveryPlan.FAILOVER_CANCEL -> "Cancel failover";
      default -> operation;
    };
  }

  /** Tasks laid end to end from a start instant. */
  private final class TaskPlan {
    private final List<JobTask> tasks = new ArrayList<>();
    private Instant next;

    TaskPlan(Instant start) {
      this.next = start;
    }

    void add(String name, String friendlyName, double worldSeconds) {
      double seconds = worldSeconds * world.ids().jitter(world.delays().siteRecovery().jitter());
      Instant end = next.plus(world.delays().of(seconds));
      tasks.add(new JobTask(world.ids().uuid(), name, friendlyName, next, end));
      next = end;
    }
  }
}
