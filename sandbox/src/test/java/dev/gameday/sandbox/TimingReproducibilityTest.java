package dev.gameday.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The same scenario at the same seed and speed changes state at the same offsets (each measured
 * from the request that caused it), within 50 ms, as the sandbox's own state dump records them.
 */
class TimingReproducibilityTest {

  /** A state change, in ms after the request (or job start) that caused it. */
  record Change(String what, long atMillis) {
  }

  @Test
  void sameSeedAndSpeedReproduceStateChangeInstantsWithin50Ms() throws Exception {
    List<Change> first = runScenario();
    List<Change> second = runScenario();
    assertThat(first).hasSizeGreaterThan(10);
    assertThat(second).extracting(Change::what).containsExactlyElementsOf(first.stream().map(Change::what).toList());
    for (int i = 0; i < first.size(); i++) {
      assertThat(Math.abs(first.get(i).atMillis() - second.get(i).atMillis()))
          .as("offset of %s: %s vs %s", first.get(i).what(), first.get(i), second.get(i)).isLessThanOrEqualTo(50);
    }
  }

  private List<Change> runScenario() throws Exception {
    try (Sandbox sandbox = Sandbox.start(SandboxConfig.defaults().withSpeed(40).withSeed(7))) {
      SandboxClients c = new SandboxClients(sandbox);
      String vm = c.rg("rg-shop-weu") + "/providers/Microsoft.Compute/virtualMachines/vm-web-weu-1";
      c.arm("POST", vm + "/powerOff?api-version=2025-04-01", null);
      SandboxClients.await(Duration.ofSeconds(3), "stopped", () -> powerState(c, vm).equals("PowerState/stopped"));
      c.arm("POST", vm + "/start?api-version=2025-04-01", null);
      SandboxClients.await(Duration.ofSeconds(3), "running", () -> powerState(c, vm).equals("PowerState/running"));
      assertThat(c.arm("POST", c.rg("rg-dr") + "/providers/Microsoft.RecoveryServices/vaults/rsv-shop"
          + "/replicationRecoveryPlans/rp-shop/plannedFailover?api-version=2026-02-01",
          "{\"properties\":{\"failoverDirection\":\"PrimaryToRecovery\"}}").statusCode()).isEqualTo(202);
      JsonNode state = SandboxClients.JSON.readTree(sandbox.knobs().state());

      List<Change> changes = new ArrayList<>();
      JsonNode job = state.at("/recoveryPlans/0/jobs/0");
      Instant jobStart = Instant.parse(job.at("/startTime").asText());
      for (JsonNode task : job.at("/tasks")) {
        changes.add(new Change(task.at("/name").asText() + " starts", millis(jobStart, task.at("/startTime"))));
        changes.add(new Change(task.at("/name").asText() + " ends", millis(jobStart, task.at("/endTime"))));
      }
      for (JsonNode v : state.at("/virtualMachines")) {
        Instant cause = null;
        for (JsonNode segment : v.at("/timeline")) {
          String code = segment.at("/state").asText();
          Instant from = Instant.parse(segment.at("/from").asText());
          if (code.endsWith("ing") && !code.endsWith("running")) {
            boolean partOfJob = !from.isBefore(jobStart);
            cause = partOfJob ? jobStart : from;
          }
          changes.add(new Change(v.at("/id").asText().replaceAll(".*/", "") + " " + code,
              Duration.between(cause == null ? from : cause, from).toMillis()));
        }
      }
      return changes;
    }
  }

  private static long millis(Instant from, JsonNode to) {
    return Duration.between(from, Instant.parse(to.asText())).toMillis();
  }

  private static String powerState(SandboxClients c, String vm) {
    return c.armJson("GET", vm + "/instanceView?api-version=2025-04-01", null).at("/statuses/1/code").asText();
  }
}
