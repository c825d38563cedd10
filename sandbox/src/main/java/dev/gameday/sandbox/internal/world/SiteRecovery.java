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
  private final List<PlannedHalt> halts = new ArrayList<>();

  public SiteRecovery(World world) {
    this.world = world;
  }

  /**
   * A knob: the next job of {@code operation} (an allowed-operation name, e.g. {@code TestFailover})
   * stops at the start of its task {@code task} in {@code state}. A suspended job can only stop at
   * its last task (it waits there for the next action, as a test failover waits for its cleanup).
   */
  public record PlannedHalt(String operation, String task, JobHalt.State state) {
  }

  /** Queues a halt for the next matching job; refused for an unknown operation or task. */
  public void haltNext(PlannedHalt halt) {
    List<String> names = taskNames(halt.operation());
    int index = names.indexOf(halt.task());
    if (index < 0) {
      throw new IllegalArgumentException("a " + halt.operation() + " job has the tasks " + names + ", not '"
          + halt.task() + "'");
    }
    if (halt.state() == JobHalt.State.Suspended && index != names.size() - 1) {
      throw new IllegalArgumentException("a job can be suspended only at its last task (" + names.getLast() + ")");
    }
    halts.add(halt);
  }

  public List<PlannedHalt> pendingHalts() {
    return List.copyOf(halts);
  }

  /** The task names of a job of {@code operation} (with the primary shut down for planned failovers). */
  static List<String> taskNames(String operation) {
    return switch (operation) {
      case RecoveryPlan.TEST_FAILOVER -> List.of("PrerequisitesCheck", "TestFailover", "StartReplicaVms", "Finalize");
      case RecoveryPlan.TEST_FAILOVER_CLEANUP -> List.of("PrerequisitesCheck", "DeleteTestVms", "Finalize");
      case RecoveryPlan.PLANNED_FAILOVER, RecoveryPlan.UNPLANNED_FAILOVER -> List.of("PrerequisitesCheck",
          "ShutdownPrimaryVms", "Failover", "StartReplicaVms", "Finalize");
      case RecoveryPlan.COMMIT -> List.of("PrerequisitesCheck", "CommitFailover", "Finalize");
      case RecoveryPlan.CANCEL_FAILOVER -> List.of("PrerequisitesCheck", "ShutdownReplicaVms", "StartPrimaryVms",
          "Finalize");
      default -> throw new IllegalArgumentException("unknown recovery plan operation '" + operation + "'; known: "
          + List.of(RecoveryPlan.TEST_FAILOVER, RecoveryPlan.TEST_FAILOVER_CLEANUP, RecoveryPlan.PLANNED_FAILOVER,
          RecoveryPlan.UNPLANNED_FAILOVER, RecoveryPlan.COMMIT, RecoveryPlan.CANCEL_FAILOVER));
    };
  }

  private java.util.Optional<JobHalt> takeHalt(String operation, List<JobTask> tasks) {
    for (int i = 0; i < halts.size(); i++) {
      PlannedHalt h = halts.get(i);
      if (h.operation().equalsIgnoreCase(operation)) {
        for (int t = 0; t < tasks.size(); t++) {
          if (tasks.get(t).name().equals(h.task())) {
            halts.remove(i);
            return java.util.Optional.of(new JobHalt(t, h.state()));
          }
        }
      }
    }
    return java.util.Optional.empty();
  }

  /** Options of an action, already validated by the API; {@code recoveryPointType} for failovers. */
  public record Options(VirtualNetwork testNetwork, boolean shutdownSource, String recoveryPointType) {
  }

  public ReplicationJob run(RecoveryPlan plan, String operation, Options options) {
    Instant now = world.now();
    List<String> allowed = plan.allowedOperations(now);
    if (allowed.stream().noneMatch(operation::equalsIgnoreCase)) {
      // A second failover while one is up (or any action the plan does not allow) is refused.
      // The spec gives the actions' errors as their `default` response, ARM's error body
      // {"error":{"code","message"}} (CloudError, SiteRecovery/stable/2026-02-01/service.json);
      // the 409 status and the code are the sandbox's, and the azure module relies on neither,
      // only on a 4xx meaning that Azure did not take the action.
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
      case RecoveryPlan.COMMIT -> {
        tasks.add("CommitFailover", "Commit the failover", t.commitSeconds());
        tasks.add("Finalize", "Finalize the commit", t.finalizeSeconds());
      }
      case RecoveryPlan.CANCEL_FAILOVER -> {
        tasks.add("ShutdownReplicaVms", "Shut down the replica virtual machines", t.shutdownSeconds());
        tasks.add("StartPrimaryVms", "Start the primary virtual machines", t.cancelSeconds());
        tasks.add("Finalize", "Finalize the failover cancellation", t.finalizeSeconds());
      }
      default -> throw ArmException.badRequest("InvalidOperation", "Unknown recovery plan operation " + operation);
    }
    ReplicationJob job = new ReplicationJob(vault.id(), world.ids().uuid(), world.ids().uuid(),
        RecoveryPlan.scenarioName(operation), friendly(operation), plan.id(), plan.name(), now, tasks.tasks,
        takeHalt(operation, tasks.tasks), recoveryPoints(plan, operation, options, now));
    if (operation.equals(RecoveryPlan.TEST_FAILOVER_CLEANUP)) {
      plan.last().ifPresent(s -> s.job().halt().ifPresent(h -> h.release(now)));
    }
    vault.add(job);
    plan.record(new RecoveryPlan.Scenario(operation, job,
        options.testNetwork() == null ? null : options.testNetwork().id().id()));
    applyEffects(plan, operation, options, job, now);
    return job;
  }

  /** The points a failover uses, one per protected VM; none for the other actions. */
  private List<RecoveryPoint> recoveryPoints(RecoveryPlan plan, String operation, Options options, Instant now) {
    if (!ReplicationJob.FAILOVER_TASK.containsKey(operation)) {
      return List.of();
    }
    Instant time = RecoveryPoint.chosen(options.recoveryPointType(), now, world.origin(), world.delays());
    List<RecoveryPoint> points = new ArrayList<>();
    for (RecoveryPlan.Pair pair : plan.pairs()) {
      String item = pair.item();
      points.add(new RecoveryPoint(item, pair.source().name(),
          world.ids().stableUuid(item + "/" + time), time));
    }
    return points;
  }

  private void applyEffects(RecoveryPlan plan, String operation, Options options, ReplicationJob job, Instant now) {
    switch (operation) {
      case RecoveryPlan.TEST_FAILOVER -> {
        if (!job.reaches("StartReplicaVms")) {
          return;
        }
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
        if (!job.reaches("DeleteTestVms")) {
          return;
        }
        JobTask delete = job.task("DeleteTestVms");
        for (VirtualMachine replica : plan.testReplicas()) {
          replica.power().schedule(delete.start(), PowerState.STOPPING, delete.end(), PowerState.DEALLOCATED);
        }
      }
      case RecoveryPlan.PLANNED_FAILOVER, RecoveryPlan.UNPLANNED_FAILOVER -> {
        if (options.shutdownSource() && job.reaches("ShutdownPrimaryVms")) {
          JobTask shutdown = job.task("ShutdownPrimaryVms");
          plan.pairs().forEach(p -> p.source().power()
              .schedule(shutdown.start(), PowerState.STOPPING, shutdown.end(), PowerState.DEALLOCATED));
        }
        if (!job.reaches("StartReplicaVms")) {
          return;
        }
        JobTask start = job.task("StartReplicaVms");
        plan.pairs().forEach(p -> p.target().power()
            .schedule(start.start(), PowerState.STARTING, start.end(), PowerState.RUNNING));
      }
      case RecoveryPlan.CANCEL_FAILOVER -> {
        if (!job.reaches("StartPrimaryVms")) {
          return;
        }
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
      case RecoveryPlan.COMMIT -> "Commit";
      case RecoveryPlan.CANCEL_FAILOVER -> "Cancel failover";
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
