package dev.gameday.sandbox.internal.world;

import java.time.Instant;
import java.util.List;

/** A Site Recovery job: a scenario run as sequential tasks. */
public record ReplicationJob(ResourceName vault, String name, String activityId, String scenarioName,
    String friendlyName, String targetObjectId, String targetObjectName, Instant startTime, List<JobTask> tasks) {

  public ReplicationJob {
    tasks = List.copyOf(tasks);
  }

  public String id() {
    return vault.id() + "/replicationJobs/" + name;
  }

  public Instant endTime() {
    return tasks.isEmpty() ? startTime : tasks.get(tasks.size() - 1).end();
  }

  public boolean doneAt(Instant t) {
    return !t.isBefore(endTime());
  }

  public String stateAt(Instant t) {
    return doneAt(t) ? "Succeeded" : "InProgress";
  }

  public JobTask task(String taskName) {
    return tasks.stream().filter(x -> x.name().equals(taskName)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no task " + taskName + " in " + scenarioName));
  }
}
