package dev.gameday.sandbox.internal.world;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Site Recovery job: a scenario run as sequential tasks. Without a {@link JobHalt} every task
 * runs and the job ends {@code Succeeded} with its last task; with one, it stops at that task's
 * start in the halt's state (a suspended job ends {@code Succeeded} when it is released). A
 * failover job names the {@link RecoveryPoint}s it used once its failover task has started.
 */
public record ReplicationJob(ResourceName vault, String name, String activityId, String scenarioName,
    String friendlyName, String targetObjectId, String targetObjectName, Instant startTime, List<JobTask> tasks,
    Optional<JobHalt> halt, List<RecoveryPoint> recoveryPoints) {

  /** The task of each failover operation that applies the recovery point. */
  public static final Map<String, String> FAILOVER_TASK = Map.of(
      RecoveryPlan.TEST_FAILOVER, "TestFailover",
      RecoveryPlan.PLANNED_FAILOVER, "Failover",
      RecoveryPlan.UNPLANNED_FAILOVER, "Failover");

  public ReplicationJob {
    tasks = List.copyOf(tasks);
    recoveryPoints = List.copyOf(recoveryPoints);
    if (halt.isPresent() && halt.get().task() >= tasks.size()) {
      throw new IllegalArgumentException("job " + scenarioName + " has no task #" + halt.get().task());
    }
  }

  public String id() {
    return vault.id() + "/replicationJobs/" + name;
  }

  /** When the job ends, if it ends: its last task's end, the halt, or a suspended job's release. */
  public Optional<Instant> endTime() {
    if (halt.isEmpty()) {
      return Optional.of(tasks.isEmpty() ? startTime : tasks.get(tasks.size() - 1).end());
    }
    JobHalt h = halt.get();
    return switch (h.state()) {
      case Suspended -> Optional.ofNullable(h.releasedAt());
      case Failed, Cancelled -> Optional.of(haltAt());
    };
  }

  /** The instant the job stops short (start of the halted task), or never. */
  private Instant haltAt() {
    return tasks.get(halt.orElseThrow().task()).start();
  }

  public boolean doneAt(Instant t) {
    return endTime().map(end -> !t.isBefore(end)).orElse(false);
  }

  /** True once the job has ended {@code Succeeded}. */
  public boolean succeededAt(Instant t) {
    return doneAt(t) && stateAt(t).equals("Succeeded");
  }

  public String stateAt(Instant t) {
    if (halt.isPresent() && !t.isBefore(haltAt())) {
      JobHalt h = halt.get();
      if (h.state() == JobHalt.State.Suspended && h.releasedAt() != null && !t.isBefore(h.releasedAt())) {
        return "Succeeded";
      }
      return h.state().name();
    }
    return doneAt(t) ? "Succeeded" : "InProgress";
  }

  /** A task's state at {@code t}, the halt included. */
  public String taskStateAt(int index, Instant t) {
    JobTask task = tasks.get(index);
    if (halt.isEmpty() || index < halt.get().task()) {
      return task.stateAt(t);
    }
    if (index > halt.get().task() || t.isBefore(task.start())) {
      return "NotStarted";
    }
    return stateAt(t);
  }

  /** A task's end as shown at {@code t}, if it has ended. */
  public Optional<Instant> taskEndAt(int index, Instant t) {
    String state = taskStateAt(index, t);
    if (state.equals("NotStarted") || state.equals("InProgress") || state.equals("Suspended")) {
      return Optional.empty();
    }
    if (halt.isPresent() && index == halt.get().task()) {
      return endTime();
    }
    return Optional.of(tasks.get(index).end());
  }

  /** When a task ends as things stand (a halted task ends with the job; later ones never). */
  public Optional<Instant> plannedTaskEnd(int index) {
    if (halt.isEmpty() || index < halt.get().task()) {
      return Optional.of(tasks.get(index).end());
    }
    return index == halt.get().task() ? endTime() : Optional.empty();
  }

  public JobTask task(String taskName) {
    return tasks.stream().filter(x -> x.name().equals(taskName)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no task " + taskName + " in " + scenarioName));
  }

  /**
   * The recovery points the job shows at {@code t}: those it used, once its failover task has
   * started (a job halted before that task never used one).
   */
  public List<RecoveryPoint> recoveryPointsAt(Instant t) {
    if (recoveryPoints.isEmpty()) {
      return recoveryPoints;
    }
    String taskName = tasks.stream().map(JobTask::name).filter(FAILOVER_TASK::containsValue).findFirst()
        .orElseThrow();
    int index = tasks.indexOf(task(taskName));
    return taskStateAt(index, t).equals("NotStarted") ? List.of() : recoveryPoints;
  }

  /** Whether the effect planned for {@code taskName} happens: its task is before any halt. */
  public boolean reaches(String taskName) {
    int index = tasks.indexOf(task(taskName));
    return halt.isEmpty() || index < halt.get().task();
  }
}
