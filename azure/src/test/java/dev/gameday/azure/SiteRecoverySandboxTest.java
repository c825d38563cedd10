package dev.gameday.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gameday.azure.support.WithSandboxPlatform;
import dev.gameday.core.event.TimelineEvent.ChangeRestored;
import dev.gameday.core.event.TimelineEvent.FaultEffective;
import dev.gameday.core.event.TimelineEvent.FaultFailed;
import dev.gameday.core.event.TimelineEvent.Level;
import dev.gameday.core.event.TimelineEvent.Note;
import dev.gameday.core.event.TimelineEvent.PlatformTask;
import dev.gameday.core.event.TimelineEvent.RevertFailed;
import dev.gameday.core.model.FaultAction;
import dev.gameday.core.model.FaultAction.AfterFailover;
import dev.gameday.core.model.FaultAction.FailoverType;
import dev.gameday.core.model.FaultStep;
import dev.gameday.core.port.Fault;
import dev.gameday.core.port.FaultException;
import dev.gameday.core.testing.RecordingListener;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Site Recovery failovers end to end against the sandbox, including the paths Azure takes when a
 * job does not simply succeed: committed planned failovers, a test failover whose job is
 * suspended, a failover job that fails, a second run refused while the first one's failover is up.
 */
class SiteRecoverySandboxTest extends WithSandboxPlatform {

  FaultStep drill(String name, FailoverType type, AfterFailover then) {
    return step(name, new FaultAction.SiteRecoveryFailover("rg-dr", "rsv-shop", "rp-shop", type,
        FaultAction.FailoverDirection.PrimaryToRecovery, type == FailoverType.test
            ? Optional.of(rg("rg-shop-neu") + "/providers/Microsoft.Network/virtualNetworks/"
                + "vnet-shop-neu-test") : Optional.empty(), FaultAction.RecoveryPoint.Latest, then));
  }

  Fault fault(FaultStep step, String runId) {
    return platform.fault(step, Map.of(), runId);
  }

  static JsonNode plan() throws Exception {
    return new ObjectMapper().readTree(sandbox.knobs().state()).at("/recoveryPlans/0");
  }

  static List<String> scenarios() throws Exception {
    return plan().path("jobs").findValuesAsText("scenarioName");
  }

  @Test
  void aPlannedFailoverWithThenCommitIsCommitted() throws Exception {
    Fault f = fault(drill("move", FailoverType.planned, AfterFailover.commit), "run-commit");

    f.inject(events);
    f.awaitEffective(events, in(20));
    f.revert(events, in(30));
    f.awaitRestored(events, in(10));

    assertThat(scenarios()).containsExactly("PlannedFailover", "CommitFailover");
    JsonNode plan = plan();
    assertThat(plan.path("jobs").get(1).path("state").asText()).isEqualTo("Succeeded");
    assertThat(plan.path("allowedOperations").toString()).contains("ReverseReplicate");
    assertThat(plan.path("failedOver").asBoolean()).isTrue();
    assertThat(events.of(RevertFailed.class)).isEmpty();
  }

  @Test
  void aSuspendedTestFailoverIsWarnedAboutAndCleanedUp() throws Exception {
    sandbox.knobs().haltNextJob("TestFailover", "Finalize", "Suspended");
    Fault f = fault(drill("drill", FailoverType.test, AfterFailover.cleanup), "run-suspended");

    f.inject(events);
    f.awaitEffective(events, in(20));
    f.revert(events, in(30));
    f.awaitRestored(events, in(10));

    assertThat(events.of(Note.class)).anySatisfy(n -> {
      assertThat(n.level()).isEqualTo(Level.WARN);
      assertThat(n.message()).contains("Suspended at task 'Finalize the test failover'");
    });
    assertThat(events.of(PlatformTask.class)).anySatisfy(t ->
        assertThat(t.state()).isEqualTo("Suspended"));
    assertThat(scenarios()).containsExactly("TestFailover", "TestFailoverCleanup");
    JsonNode plan = plan();
    assertThat(plan.path("jobs").findValuesAsText("state")).containsOnly("Succeeded");
    assertThat(plan.path("allowedOperations").toString()).contains("\"TestFailover\"");
  }

  @Test
  void aFailedFailoverJobFailsTheFaultAndLeavesNothingToRevert() throws Exception {
    sandbox.knobs().haltNextJob("TestFailover", "PrerequisitesCheck", "Failed");
    Fault f = fault(drill("drill", FailoverType.test, AfterFailover.cleanup), "run-failed");

    f.inject(events);
    assertThatThrownBy(() -> f.awaitEffective(events, in(20)))
        .isInstanceOf(FaultException.class).hasMessageContaining("Failed");

    assertThat(events.of(FaultFailed.class).get(0).reason()).contains("a sandbox knob made this"
        + " job fail");
    f.revert(events, in(5));
    f.awaitRestored(events, in(5));

    assertThat(events.of(RevertFailed.class)).isEmpty();
    assertThat(events.of(ChangeRestored.class)).singleElement().satisfies(r ->
        assertThat(r.evidence()).startsWith("failover job failed: nothing failed over"));
    assertThat(scenarios()).containsExactly("TestFailover");
    assertThat(plan().path("testReplicas")).isEmpty();
  }

  @Test
  void aSecondRunIsRefusedAndNeverCleansUpTheFirstRunsTestFailover() throws Exception {
    Fault first = fault(drill("drill", FailoverType.test, AfterFailover.cleanup), "run-a");
    first.inject(events);
    first.awaitEffective(events, in(20));

    RecordingListener second = new RecordingListener();
    Fault other = fault(drill("drill", FailoverType.test, AfterFailover.cleanup), "run-b");
    assertThatThrownBy(() -> other.inject(second)).isInstanceOf(FaultException.class);
    other.revert(second, in(10));

    assertThat(second.of(RevertFailed.class)).isEmpty();
    assertThat(second.of(ChangeRestored.class)).singleElement().satisfies(r ->
        assertThat(r.evidence()).startsWith("never made: Azure refused testFailover")
            .contains("409"));
    assertThat(scenarios()).containsExactly("TestFailover");
    first.revert(events, in(30));
    assertThat(scenarios()).containsExactly("TestFailover", "TestFailoverCleanup");
    assertThat(events.of(FaultEffective.class)).hasSize(1);
  }
}
