package dev.gameday.sandbox.internal.world;

import java.time.Instant;

/** One step of a Site Recovery job, with the window it runs in. */
public record JobTask(String taskId, String name, String friendlyName, Instant start, Instant end) {

  public String stateAt(Instant t) {
    if (t.isBefore(start)) {
      return "NotStarted";
    }
    return t.isBefore(end) ? "InProgress" : "Succeeded";
  }
}
