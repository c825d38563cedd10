package dev.gameday.azure.fault;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.azure.arm.ApiVersions;
import dev.gameday.azure.arm.ArmClient;
import dev.gameday.azure.arm.ArmRequest;
import dev.gameday.azure.arm.Json;
import dev.gameday.core.event.EventListener;
import dev.gameday.core.event.TimelineEvent.PlatformTask;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads Site Recovery jobs ({@code replicationJobs/{job}}) and emits a {@link PlatformTask} each
 * time one of a job's tasks starts or ends, with the task times the platform reports.
 */
final class JobFollower {
  /**
   * Job states that do not change any more, of {@code JobProperties.state} ("NotStarted,
   * InProgress, Succeeded, Failed, Cancelled, Suspended or Other",
   * {@code SiteRecovery/stable/2026-05-01/service.json}).
   */
  private static final Set<String> TERMINAL = Set.of("succeeded", "failed", "cancelled");

  private final FaultContext ctx;
  private final String step;
  private final Map<String, String> seen = new HashMap<>();

  JobFollower(FaultContext ctx, String step) {
    this.ctx = ctx;
    this.step = step;
  }

  /** The job's path: a full resource ID as given, or a name under the vault. */
  static String path(String vaultPath, String jobId) {
    return jobId.startsWith("/") ? jobId : vaultPath + "/replicationJobs/" + jobId;
  }

  static ArmRequest request(String jobPath) {
    return ArmRequest.get(jobPath, ApiVersions.SITE_RECOVERY);
  }

  /** Reads the job once, reporting task changes; returns the job body. */
  JsonNode poll(ArmClient arm, String jobPath, EventListener events) {
    JsonNode job = arm.send(request(jobPath)).body();
    String jobName = job.path("name").asText(jobPath.substring(jobPath.lastIndexOf('/') + 1));
    for (JsonNode task : Json.elements(job, "/properties/tasks")) {
      String name = task.path("friendlyName").asText(task.path("name").asText("task"));
      String key = jobName + "|" + task.path("name").asText(name);
      String state = task.path("state").asText("Other");
      if (state.equalsIgnoreCase("NotStarted") || state.equals(seen.get(key))) {
        continue;
      }
      seen.put(key, state);
      events.on(new PlatformTask(ctx.stamp(), step, jobName, name, state,
          Json.instant(task, "/startTime"), Json.instant(task, "/endTime")));
    }
    return job;
  }

  static String state(JsonNode job) {
    return Json.text(job, "/properties/state").orElse("NotStarted");
  }

  /** {@code Suspended}: the job waits for someone (a manual action, the next plan action). */
  static boolean suspended(String state) {
    return state.equalsIgnoreCase("Suspended");
  }

  /** Running: neither ended nor waiting for someone (and a job at all: {@code state} not empty). */
  static boolean running(String state) {
    return !state.isEmpty() && !terminal(state) && !suspended(state);
  }

  static boolean terminal(String state) {
    return TERMINAL.contains(state.toLowerCase(Locale.ROOT));
  }
}
