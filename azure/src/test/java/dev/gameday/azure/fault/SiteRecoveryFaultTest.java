package dev.gameday.azure.fault;

import dev.gameday.azure.support.WithArmStub;
import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static dev.gameday.azure.support.Arm.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.gameday.azure.support.ArmStub;
import dev.gameday.core.event.TimelineEvent.FaultEffective;
import dev.gameday.core.event.TimelineEvent.FaultFailed;
import dev.gameday.core.event.TimelineEvent.Note;
import dev.gameday.core.event.TimelineEvent.ChangeRecorded;
import dev.gameday.core.event.TimelineEvent.ChangeRestored;
import dev.gameday.core.event.TimelineEvent.SiteRecoveryJobChanged;
import dev.gameday.core.event.TimelineEvent.SiteRecoveryJobRole;
import dev.gameday.core.event.TimelineEvent.OperationAccepted;
import dev.gameday.core.event.TimelineEvent.PlatformRestored;
import dev.gameday.core.event.TimelineEvent.PlatformTask;
import dev.gameday.core.event.TimelineEvent.RevertFailed;
import dev.gameday.core.model.FaultAction.AfterFailover;
import dev.gameday.core.model.FaultAction.FailoverDirection;
import dev.gameday.core.model.FaultAction.FailoverType;
import dev.gameday.core.model.FaultAction.RecoveryPoint;
import dev.gameday.core.model.FaultAction.SiteRecoveryFailover;
import dev.gameday.core.port.FaultException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SiteRecoveryFaultTest extends WithArmStub {
  static final String VAULT = "/subscriptions/" + ArmStub.SUB
      + "/resourceGroups/rg-dr/providers/Microsoft.RecoveryServices/vaults/rsv-shop";
  static final String PLAN = VAULT + "/replicationRecoveryPlans/rp-shop";
  static final String TEST_NET = "/subscriptions/" + ArmStub.SUB
      + "/resourceGroups/rg-shop-neu/providers/Microsoft.Network/virtualNetworks/vnet-test";


  static SiteRecoveryFailover drill(FailoverType type, AfterFailover then) {
    return new SiteRecoveryFailover("rg-dr", "rsv-shop", "rp-shop", type,
        FailoverDirection.PrimaryToRecovery,
        type == FailoverType.test ? Optional.of(TEST_NET) : Optional.empty(),
        RecoveryPoint.Latest, then);
  }

  SiteRecoveryFault fault(SiteRecoveryFailover spec) {
    return new SiteRecoveryFault("dr-drill", spec, ArmStub.SUB, "run-1", stub.faults());
  }

  static String plan(String scenario, String jobId, String... allowed) {
    return "{\"id\":\"" + PLAN + "\",\"properties\":{\"currentScenario\":{\"scenarioName\":\""
        + scenario + "\",\"jobId\":\"" + jobId + "\",\"startTime\":\"2026-03-02T02:00:00Z\"},"
        + "\"allowedOperations\":[" + String.join(",", java.util.Arrays.stream(allowed)
            .map(a -> "\"" + a + "\"").toList()) + "]}}";
  }

  static String job(String name, String state, String tasks) {
    return "{\"name\":\"" + name + "\",\"properties\":{\"state\":\"" + state
        + "\",\"startTime\":\"2026-03-02T02:00:05Z\",\"tasks\":[" + tasks + "]}}";
  }

  static String task(String name, String state, String start, String end) {
    return "{\"name\":\"" + name + "\",\"friendlyName\":\"" + name + "\",\"state\":\"" + state
        + "\"" + (start == null ? "" : ",\"startTime\":\"" + start + "\"")
        + (end == null ? "" : ",\"endTime\":\"" + end + "\"") + "}";
  }

  void testFailoverWorld() {
    testFailoverWorld(stub);
  }

  static void testFailoverWorld(ArmStub stub) {
    var s = stub.server;
    s.stubFor(get(urlPathEqualTo(PLAN)).inScenario("plan").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson(plan("None", "job-old", "TestFailover"))));
    s.stubFor(post(urlPathEqualTo(PLAN + "/testFailover")).inScenario("plan")
        .willSetStateTo("failing").willReturn(accepted(stub, "/ops/tfo")));
    s.stubFor(get(urlPathEqualTo(PLAN)).inScenario("plan").whenScenarioStateIs("failing")
        .willReturn(okJson(plan("TestFailover", "job-tfo", "TestFailoverCleanup"))));
    s.stubFor(post(urlPathEqualTo(PLAN + "/testFailoverCleanup")).inScenario("plan")
        .willSetStateTo("cleaning").willReturn(accepted(stub, "/ops/clean")));
    s.stubFor(get(urlPathEqualTo(PLAN)).inScenario("plan").whenScenarioStateIs("cleaning")
        .willReturn(okJson(plan("TestFailoverCleanup", "job-clean"))));
    s.stubFor(get(urlPathEqualTo(VAULT + "/replicationJobs/job-old"))
        .willReturn(okJson(job("job-old", "Succeeded", ""))));
    s.stubFor(get(urlPathEqualTo(VAULT + "/replicationJobs/job-tfo")).inScenario("tfo")
        .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("done")
        .willReturn(okJson(job("job-tfo", "InProgress",
            task("Prerequisites check", "InProgress", "2026-03-02T02:00:06Z", null) + ","
                + task("Start failover", "NotStarted", null, null)))));
    s.stubFor(get(urlPathEqualTo(VAULT + "/replicationJobs/job-tfo")).inScenario("tfo")
        .whenScenarioStateIs("done")
        .willReturn(okJson(job("job-tfo", "Succeeded",
            task("Prerequisites check", "Succeeded", "2026-03-02T02:00:06Z",
                "2026-03-02T02:00:20Z") + ","
                + task("Start failover", "Succeeded", "2026-03-02T02:00:21Z",
                "2026-03-02T02:03:00Z")))));
    s.stubFor(get(urlPathEqualTo(VAULT + "/replicationJobs/job-clean"))
        .willReturn(okJson(job("job-clean", "Succeeded",
            task("Cleanup test VMs", "Succeeded", "2026-03-02T02:10:00Z",
                "2026-03-02T02:11:00Z")))));
  }

  /** A plan that allows a planned failover, after which it allows {@code allowedAfter}. */
  void plannedFailoverWorld(String... allowedAfter) {
    var s = stub.server;
    s.stubFor(get(urlPathEqualTo(PLAN)).inScenario("plan").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson(plan("None", "job-old", "PlannedFailover"))));
    s.stubFor(post(urlPathEqualTo(PLAN + "/plannedFailover")).inScenario("plan")
        .willSetStateTo("failed-over").willReturn(accepted(stub, "/ops/pfo")));
    s.stubFor(get(urlPathEqualTo(PLAN)).inScenario("plan").whenScenarioStateIs("failed-over")
        .willReturn(okJson(plan("PlannedFailover", "job-pfo", allowedAfter))));
    s.stubFor(get(urlPathEqualTo(VAULT + "/replicationJobs/job-pfo"))
        .willReturn(okJson(job("job-pfo", "Succeeded", ""))));
  }

  static Instant in(int seconds) {
    return Instant.now().plusSeconds(seconds);
  }

  @Test
  void runsATestFailoverFollowsItsJobAndCleansUp() throws Exception {
    testFailoverWorld();
    SiteRecoveryFault f = fault(drill(FailoverType.test, AfterFailover.cleanup));

    f.inject(events);
    f.awaitEffective(events, in(5));
    f.revert(events, in(5));
    f.awaitRestored(events, in(5));

    stub.server.verify(postRequestedFor(urlPathEqualTo(PLAN + "/testFailover"))
        .withQueryParam("api-version", equalTo("2026-05-01"))
        .withRequestBody(equalToJson("""
            {"properties": {"failoverDirection": "PrimaryToRecovery",
              "networkType": "VmNetworkAsInput", "networkId": "%s",
              "providerSpecificDetails": [{"instanceType": "A2A",
                                           "recoveryPointType": "Latest"}]}}"""
            .formatted(TEST_NET))));
    stub.server.verify(postRequestedFor(urlPathEqualTo(PLAN + "/testFailoverCleanup"))
        .withQueryParam("api-version", equalTo("2026-05-01"))
        .withRequestBody(equalToJson(
            "{\"properties\":{\"comments\":\"gameday run run-1 step dr-drill\"}}")));
    // The job is followed in the background from the moment it is effective, so its tasks and
    // its success may be journaled before or after the revert request; everything else is fixed.
    // The change record and its confirmation are checked on their own below.
    List<String> kinds = events.kinds().stream().filter(k -> !k.startsWith("SiteRecovery")
        && !k.startsWith("Change")).toList();
    assertThat(kinds.stream().filter(k -> !k.equals("RevertRequested")).toList()).containsExactly(
        "FaultRequested", "OperationAccepted", "PlatformTask", "FaultEffective", "PlatformTask",
        "PlatformTask", "PlatformRestored", "OperationAccepted", "PlatformTask");
    assertThat(kinds.indexOf("RevertRequested")).isGreaterThan(kinds.indexOf("FaultEffective"))
        .isLessThan(kinds.lastIndexOf("OperationAccepted"));
    assertThat(events.of(FaultEffective.class).get(0).evidence())
        .startsWith("failover job job-tfo InProgress");
    PlatformTask failover = events.of(PlatformTask.class).get(2);
    assertThat(failover.task()).isEqualTo("Start failover");
    assertThat(failover.state()).isEqualTo("Succeeded");
    assertThat(failover.started()).contains(Instant.parse("2026-03-02T02:00:21Z"));
    assertThat(failover.ended()).contains(Instant.parse("2026-03-02T02:03:00Z"));
    assertThat(events.of(PlatformRestored.class).get(0).evidence())
        .contains("job-tfo Succeeded at 2026-03-02T02:03:00Z");
    assertThat(events.of(OperationAccepted.class).get(1).operationId()).contains("clean");
  }

  @Test
  void recordsWhichFailoverItStartsBeforeSendingItAndConfirmsItsEndOnlyWhenTheCleanupSucceeded()
      throws Exception {
    testFailoverWorld();
    List<Integer> postsSeenAtRecord = new java.util.ArrayList<>();
    List<Integer> cleanupJobReadsAtRestored = new java.util.ArrayList<>();
    dev.gameday.core.event.EventListener watching = e -> {
      if (e instanceof ChangeRecorded) {
        postsSeenAtRecord.add(stub.server.findAll(postRequestedFor(urlPathEqualTo(PLAN
            + "/testFailover"))).size());
      }
      if (e instanceof ChangeRestored) {
        cleanupJobReadsAtRestored.add(stub.server.findAll(getRequestedFor(urlPathEqualTo(VAULT
            + "/replicationJobs/job-clean"))).size());
      }
      events.on(e);
    };
    SiteRecoveryFault f = fault(drill(FailoverType.test, AfterFailover.cleanup));

    f.inject(watching);
    f.awaitEffective(watching, in(5));
    f.revert(watching, in(5));

    List<ChangeRecorded> records = events.of(ChangeRecorded.class);
    assertThat(postsSeenAtRecord).containsExactly(0, 1);
    assertThat(records).allSatisfy(r -> {
      assertThat(r.resource()).isEqualTo(PLAN);
      assertThat(r.change()).isEqualTo("failover");
      assertThat(r.before()).isEqualTo("none");
    });
    assertThat(records.get(0).facts()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "action", "testFailover", "direction", "PrimaryToRecovery",
        "revert", "testFailoverCleanup", "previousJob", "job-old"));
    assertThat(records.get(1).facts()).containsEntry("job", "job-tfo")
        .containsEntry("previousJob", "job-old");
    assertThat(events.of(ChangeRestored.class)).singleElement().satisfies(r ->
        assertThat(r.evidence()).startsWith("TestFailoverCleanup job job-clean Succeeded"));
    assertThat(cleanupJobReadsAtRestored).containsExactly(1);
    List<SiteRecoveryJobChanged> jobs = events.of(SiteRecoveryJobChanged.class);
    assertThat(jobs).filteredOn(j -> j.role() == SiteRecoveryJobRole.FAILOVER)
        .extracting(SiteRecoveryJobChanged::state).containsExactly("InProgress", "Succeeded");
    assertThat(jobs).filteredOn(j -> j.role() == SiteRecoveryJobRole.REVERT).singleElement()
        .satisfies(j -> {
          assertThat(j.jobId()).isEqualTo("job-clean");
          assertThat(j.state()).isEqualTo("Succeeded");
          assertThat(j.started()).contains(Instant.parse("2026-03-02T02:00:05Z"));
        });
  }

  @Test
  void thenNoneRecordsNothingToUndo() throws Exception {
    var s = stub.server;
    plannedFailoverWorld("Commit", "CancelFailover");
    SiteRecoveryFault f = fault(drill(FailoverType.planned, AfterFailover.none));

    f.inject(events);
    f.awaitEffective(events, in(5));
    f.revert(events, in(5));

    assertThat(events.of(ChangeRecorded.class)).isEmpty();
    assertThat(events.of(Note.class)).anySatisfy(n ->
        assertThat(n.message()).contains("stays failed over"));
    s.verify(0, postRequestedFor(urlPathEqualTo(PLAN + "/failoverCommit")));
  }

  @Test
  void refusesAFailoverThePlanDoesNotAllowAndNeverCleansUpSomeoneElses() throws Exception {
    testFailoverWorld();
    stub.server.stubFor(get(urlPathEqualTo(PLAN)).inScenario("plan")
        .whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson(plan("TestFailover", "job-tfo", "TestFailoverCleanup"))));
    SiteRecoveryFault f = fault(drill(FailoverType.test, AfterFailover.cleanup));

    assertThatThrownBy(() -> f.inject(events)).isInstanceOf(FaultException.class)
        .hasMessageContaining("TestFailover is not allowed");
    f.revert(events, in(5));

    stub.server.verify(0, postRequestedFor(urlPathEqualTo(PLAN + "/testFailover")));
    stub.server.verify(0, postRequestedFor(urlPathEqualTo(PLAN + "/testFailoverCleanup")));
    assertThat(events.of(FaultFailed.class)).hasSize(1);
    assertThat(events.of(RevertFailed.class)).isEmpty();
    assertThat(events.of(ChangeRecorded.class)).as("nothing was about to change").isEmpty();
  }

  @Test
  void aFailoverRefusedWithConflictIsNotReverted() throws Exception {
    testFailoverWorld();
    stub.server.stubFor(post(urlPathEqualTo(PLAN + "/testFailover")).willReturn(aResponse()
        .withStatus(409).withBody("{\"error\":{\"code\":\"RecoveryPlanOperationNotAllowed\","
            + "\"message\":\"another failover is in progress\"}}")));
    SiteRecoveryFault f = fault(drill(FailoverType.test, AfterFailover.cleanup));

    assertThatThrownBy(() -> f.inject(events)).isInstanceOf(FaultException.class);
    f.revert(events, in(5));

    stub.server.verify(0, postRequestedFor(urlPathEqualTo(PLAN + "/testFailoverCleanup")));
    assertThat(events.of(RevertFailed.class)).isEmpty();
    assertThat(events.of(ChangeRestored.class)).singleElement().satisfies(r ->
        assertThat(r.evidence()).startsWith("never made: Azure refused testFailover")
            .contains("409"));
  }

  @Test
  void aFailoverWhoseAnswerIsA500IsLookedForOnThePlanAndCleanedUpWhenAzureTookIt()
      throws Exception {
    testFailoverWorld();
    // Azure took the failover but answered 500 (the POST is not retried).
    stub.server.stubFor(post(urlPathEqualTo(PLAN + "/testFailover")).inScenario("plan")
        .willSetStateTo("failing").willReturn(aResponse().withStatus(500)));
    SiteRecoveryFault f = fault(drill(FailoverType.test, AfterFailover.cleanup));

    assertThatThrownBy(() -> f.inject(events)).isInstanceOf(FaultException.class);
    f.revert(events, in(5));

    stub.server.verify(1, postRequestedFor(urlPathEqualTo(PLAN + "/testFailoverCleanup")));
    assertThat(events.of(ChangeRecorded.class).getLast().facts()).containsEntry("job", "job-tfo");
    assertThat(events.of(ChangeRestored.class)).singleElement().satisfies(r ->
        assertThat(r.evidence()).startsWith("TestFailoverCleanup job job-clean Succeeded"));
  }

  /** The record a run journaled before it was killed, as rollback hands it back. */
  static ChangeRecorded recorded(String... jobFacts) {
    Map<String, String> facts = new java.util.HashMap<>(Map.of("action", "testFailover",
        "direction", "PrimaryToRecovery", "revert", "testFailoverCleanup",
        "previousJob", "job-old"));
    for (int i = 0; i + 1 < jobFacts.length; i += 2) {
      facts.put(jobFacts[i], jobFacts[i + 1]);
    }
    return new ChangeRecorded(new dev.gameday.core.event.Stamp(Instant.now(), 0), "dr-drill", PLAN,
        "failover", "none", facts);
  }

  @Test
  void rollbackCleansUpTheRecordedFailoverFromTheRecordAlone() throws Exception {
    testFailoverWorld();
    stub.server.setScenarioState("plan", "failing");
    SiteRecoveryFault f = fault(drill(FailoverType.test, AfterFailover.cleanup));
    f.restoreFrom(List.of(recorded(), recorded("job", "job-tfo")));

    f.revert(events, in(5));
    f.awaitRestored(events, in(5));

    stub.server.verify(1, postRequestedFor(urlPathEqualTo(PLAN + "/testFailoverCleanup")));
    assertThat(events.of(ChangeRestored.class)).singleElement().satisfies(r ->
        assertThat(r.evidence()).startsWith("TestFailoverCleanup job job-clean Succeeded"));
    assertThat(events.of(RevertFailed.class)).isEmpty();
  }

  @Test
  void rollbackOfAFailoverThePlanNeverShowedSendsNothingAndConfirmsItNeverHappened()
      throws Exception {
    testFailoverWorld();
    // Killed after the record, before the POST: the plan still shows the job from before.
    SiteRecoveryFault f = fault(drill(FailoverType.test, AfterFailover.cleanup));
    f.restoreFrom(List.of(recorded()));

    f.revert(events, in(5));

    stub.server.verify(0, postRequestedFor(urlPathMatching(PLAN + "/.*")));
    assertThat(events.of(ChangeRestored.class)).singleElement().satisfies(r ->
        assertThat(r.evidence()).startsWith("never made"));
  }

  @Test
  void withoutARecordRollbackNeverEndsAFailoverItFindsOnThePlan() throws Exception {
    testFailoverWorld();
    stub.server.setScenarioState("plan", "failing");
    SiteRecoveryFault f = fault(drill(FailoverType.test, AfterFailover.cleanup));
    f.restoreFrom(List.of());

    f.revert(events, in(5));

    stub.server.verify(0, postRequestedFor(urlPathMatching(PLAN + "/.*")));
    assertThat(events.of(ChangeRestored.class)).isEmpty();
  }

  @Test
  void revertThatCannotCleanUpPrintsTheAzRestCommand() throws Exception {
    testFailoverWorld();
    stub.server.stubFor(post(urlPathEqualTo(PLAN + "/testFailoverCleanup"))
        .willReturn(aResponse().withStatus(500)));
    SiteRecoveryFault f = fault(drill(FailoverType.test, AfterFailover.cleanup));
    f.inject(events);
    f.awaitEffective(events, in(5));

    assertThatThrownBy(() -> f.revert(events, Instant.now().plusMillis(800)))
        .isInstanceOf(FaultException.class);
    String cmd = events.of(RevertFailed.class).get(0).manualCommand();
    assertThat(cmd).startsWith("az rest --method post --url '" + stub.endpoint() + PLAN
        + "/testFailoverCleanup?api-version=2026-05-01'")
        .contains("--body '{\"properties\":{\"comments\":\"gameday run run-1 step dr-drill\"}}'");
  }

  @Test
  void commitsAPlannedFailoverWhenAskedTo() throws Exception {
    var s = stub.server;
    plannedFailoverWorld("PlannedFailover", "Commit");
    s.stubFor(post(urlPathEqualTo(PLAN + "/failoverCommit")).inScenario("plan")
        .willSetStateTo("committing").willReturn(accepted(stub, "/ops/commit")));
    s.stubFor(get(urlPathEqualTo(PLAN)).inScenario("plan").whenScenarioStateIs("committing")
        .willReturn(okJson(plan("CommitFailover", "job-commit", "PlannedFailover"))));
    s.stubFor(get(urlPathEqualTo(VAULT + "/replicationJobs/job-old"))
        .willReturn(okJson(job("job-old", "Succeeded", ""))));
    s.stubFor(get(urlPathEqualTo(VAULT + "/replicationJobs/job-commit"))
        .willReturn(okJson(job("job-commit", "Succeeded", ""))));
    SiteRecoveryFault f = fault(drill(FailoverType.planned, AfterFailover.commit));

    f.inject(events);
    f.awaitEffective(events, in(5));
    f.revert(events, in(5));
    f.awaitRestored(events, in(5));

    s.verify(postRequestedFor(urlPathEqualTo(PLAN + "/plannedFailover")).withRequestBody(
        equalToJson("{\"properties\":{\"failoverDirection\":\"PrimaryToRecovery\","
            + "\"providerSpecificDetails\":[{\"instanceType\":\"A2A\","
            + "\"recoveryPointType\":\"Latest\"}]}}")));
    s.verify(1, postRequestedFor(urlPathEqualTo(PLAN + "/failoverCommit")));
    assertThat(events.of(PlatformRestored.class)).hasSize(1);
  }

  @Test
  void reportsAFailedFailoverJob() throws Exception {
    testFailoverWorld();
    stub.server.stubFor(get(urlPathEqualTo(VAULT + "/replicationJobs/job-tfo")).willReturn(
        okJson("{\"name\":\"job-tfo\",\"properties\":{\"state\":\"Failed\",\"errors\":["
            + "{\"serviceErrorDetails\":{\"message\":\"no recovery point\"}}]}}")));
    SiteRecoveryFault f = fault(drill(FailoverType.test, AfterFailover.cleanup));
    f.inject(events);

    assertThatThrownBy(() -> f.awaitEffective(events, in(5)))
        .isInstanceOf(FaultException.class).hasMessageContaining("no recovery point");
  }

  @Test
  void dryRunNamesTheFailoverAndCleanupCalls() {
    var calls = fault(drill(FailoverType.test, AfterFailover.cleanup)).plannedCalls();

    assertThat(calls).anyMatch(c -> c.startsWith("POST " + PLAN
        + "/testFailover?api-version=2026-05-01"));
    assertThat(calls).anyMatch(c -> c.startsWith("POST " + PLAN
        + "/testFailoverCleanup?api-version=2026-05-01"));
  }
}
