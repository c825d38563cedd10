package dev.gameday.azure.fault;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static dev.gameday.azure.fault.SiteRecoveryFaultTest.PLAN;
import static dev.gameday.azure.fault.SiteRecoveryFaultTest.VAULT;
import static dev.gameday.azure.fault.SiteRecoveryFaultTest.drill;
import static dev.gameday.azure.fault.SiteRecoveryFaultTest.in;
import static dev.gameday.azure.fault.SiteRecoveryFaultTest.job;
import static dev.gameday.azure.fault.SiteRecoveryFaultTest.plan;
import static dev.gameday.azure.fault.SiteRecoveryFaultTest.task;
import static dev.gameday.azure.support.Arm.accepted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.gameday.azure.support.ArmStub;
import dev.gameday.azure.support.SpecExamples;
import dev.gameday.azure.support.WithArmStub;
import dev.gameday.core.event.TimelineEvent.FaultEffective;
import dev.gameday.core.event.TimelineEvent.Note;
import dev.gameday.core.event.TimelineEvent.RevertFailed;
import dev.gameday.core.model.FaultAction.AfterFailover;
import dev.gameday.core.model.FaultAction.FailoverType;
import dev.gameday.core.port.FaultException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The revert of a Site Recovery failover against Azure's own example answers
 * ({@code azure-spec-examples/recoveryservicessiterecovery}): Azure's {@code allowedOperations}
 * names, a plan that does not allow the revert, a suspended test failover, a failover job that
 * would eat the revert deadline.
 */
class SiteRecoveryRevertTest extends WithArmStub {
  static final String SR = "recoveryservicessiterecovery/";
  static final String PLANNED = SR + "ReplicationRecoveryPlans_PlannedFailover.json";
  static final String COMMITTED = SR + "ReplicationRecoveryPlans_FailoverCommit.json";
  static final String TESTED = SR + "ReplicationRecoveryPlans_TestFailover.json";
  static final String CLEANED = SR + "ReplicationRecoveryPlans_TestFailoverCleanup.json";

  SiteRecoveryFault fault(FailoverType type, AfterFailover then) {
    return new SiteRecoveryFault("dr-drill", drill(type, then), ArmStub.SUB, "run-1",
        stub.faults());
  }

  /** The path of a job id as the examples give it (a full resource id). */
  static String jobPath(String example) {
    return SpecExamples.at(example, 200, "/properties/currentScenario/jobId");
  }

  /** Before: the plan allows a planned failover; the failover leaves it as in PLANNED's example. */
  void plannedFailoverAsInTheExample() {
    var s = stub.server;
    s.stubFor(get(urlPathEqualTo(PLAN)).inScenario("plan").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson(plan("None", "job-old", "PlannedFailover", "UnplannedFailover",
            "TestFailover"))));
    s.stubFor(post(urlPathEqualTo(PLAN + "/plannedFailover")).inScenario("plan")
        .willSetStateTo("failed-over").willReturn(accepted(stub, "/ops/pfo")));
    s.stubFor(get(urlPathEqualTo(PLAN)).inScenario("plan").whenScenarioStateIs("failed-over")
        .willReturn(okJson(SpecExamples.body(PLANNED, 200))));
    s.stubFor(get(urlPathEqualTo(VAULT + "/replicationJobs/job-old"))
        .willReturn(okJson(job("job-old", "Succeeded", ""))));
    s.stubFor(get(urlPathEqualTo(jobPath(PLANNED)))
        .willReturn(okJson(job("d4821a53", "Succeeded", task("Failover", "Succeeded",
            "2017-04-27T07:34:03Z", "2017-04-27T07:40:00Z")))));
  }

  @Test
  void commitsWhenAzureListsCommitAndIsDoneOnlyWhenTheCommitJobSucceeded() throws Exception {
    plannedFailoverAsInTheExample();
    var s = stub.server;
    s.stubFor(post(urlPathEqualTo(PLAN + "/failoverCommit")).inScenario("plan")
        .willSetStateTo("committing").willReturn(accepted(stub, "/ops/commit")));
    s.stubFor(get(urlPathEqualTo(PLAN)).inScenario("plan").whenScenarioStateIs("committing")
        .willReturn(okJson(SpecExamples.body(COMMITTED, 200))));
    s.stubFor(get(urlPathEqualTo(jobPath(COMMITTED))).inScenario("commit-job")
        .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("done")
        .willReturn(okJson(job("5276a7bc", "InProgress", ""))));
    s.stubFor(get(urlPathEqualTo(jobPath(COMMITTED))).inScenario("commit-job")
        .whenScenarioStateIs("done").willReturn(okJson(job("5276a7bc", "Succeeded", ""))));
    SiteRecoveryFault f = fault(FailoverType.planned, AfterFailover.commit);

    f.inject(events);
    f.awaitEffective(events, in(5));
    f.revert(events, in(5));

    s.verify(1, postRequestedFor(urlPathEqualTo(PLAN + "/failoverCommit")));
    s.verify(moreThanOrExactly(2), getRequestedFor(urlPathEqualTo(jobPath(COMMITTED))));
    assertThat(events.of(RevertFailed.class)).isEmpty();
  }

  @Test
  void aCommitThePlanDoesNotAllowFailsTheRevertWithTheAzCommand() throws Exception {
    plannedFailoverAsInTheExample();
    // The plan shows the failover done but no Commit among its allowed operations.
    stub.server.stubFor(get(urlPathEqualTo(PLAN)).inScenario("plan")
        .whenScenarioStateIs("failed-over").willReturn(okJson(plan("PlannedFailover",
            jobPath(PLANNED), "PlannedFailover", "UnplannedFailover", "TestFailover"))));
    SiteRecoveryFault f = fault(FailoverType.planned, AfterFailover.commit);
    f.inject(events);
    f.awaitEffective(events, in(5));
    Instant started = Instant.now();

    assertThatThrownBy(() -> f.revert(events, in(30))).isInstanceOf(FaultException.class)
        .hasMessageContaining("Commit is not allowed");

    assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(10));
    stub.server.verify(0, postRequestedFor(urlPathEqualTo(PLAN + "/failoverCommit")));
    RevertFailed failed = events.of(RevertFailed.class).get(0);
    assertThat(failed.reason()).contains("allowed operations [PlannedFailover, UnplannedFailover,"
        + " TestFailover]");
    assertThat(failed.manualCommand()).isEqualTo("az rest --method post --url '"
        + stub.endpoint() + PLAN + "/failoverCommit?api-version=2026-05-01'");
  }

  @Test
  void aSuspendedTestFailoverIsEffectiveWarnedOnceAndCleanedUpWithoutWaitingForIt()
      throws Exception {
    var s = stub.server;
    s.stubFor(get(urlPathEqualTo(PLAN)).inScenario("plan").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson(plan("None", "job-old", "PlannedFailover", "TestFailover"))));
    s.stubFor(get(urlPathEqualTo(VAULT + "/replicationJobs/job-old"))
        .willReturn(okJson(job("job-old", "Succeeded", ""))));
    s.stubFor(post(urlPathEqualTo(PLAN + "/testFailover")).inScenario("plan")
        .willSetStateTo("suspended").willReturn(accepted(stub, "/ops/tfo")));
    s.stubFor(get(urlPathEqualTo(PLAN)).inScenario("plan").whenScenarioStateIs("suspended")
        .willReturn(okJson(SpecExamples.body(TESTED, 200))));
    s.stubFor(get(urlPathEqualTo(jobPath(TESTED))).willReturn(okJson(job("d40bfb40", "Suspended",
        task("Start failover", "Succeeded", "2017-04-27T07:01:00Z", "2017-04-27T07:05:00Z") + ","
            + task("Complete testing", "Suspended", "2017-04-27T07:05:01Z", null)))));
    s.stubFor(post(urlPathEqualTo(PLAN + "/testFailoverCleanup")).inScenario("plan")
        .willSetStateTo("cleaning").willReturn(accepted(stub, "/ops/clean")));
    s.stubFor(get(urlPathEqualTo(PLAN)).inScenario("plan").whenScenarioStateIs("cleaning")
        .willReturn(okJson(SpecExamples.body(CLEANED, 200))));
    s.stubFor(get(urlPathEqualTo(jobPath(CLEANED)))
        .willReturn(okJson(job("4ae8eaa8", "Succeeded", ""))));
    SiteRecoveryFault f = fault(FailoverType.test, AfterFailover.cleanup);

    f.inject(events);
    f.awaitEffective(events, in(5));
    Thread.sleep(300);
    Instant started = Instant.now();
    f.revert(events, in(60));

    assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(10));
    assertThat(events.of(FaultEffective.class).get(0).evidence())
        .contains("Suspended at task 'Complete testing'");
    assertThat(events.of(Note.class).stream().filter(n -> n.level()
        == dev.gameday.core.event.TimelineEvent.Level.WARN && n.message().contains("Suspended")))
        .singleElement().satisfies(n -> assertThat(n.message()).contains("'Complete testing'"));
    s.verify(1, postRequestedFor(urlPathEqualTo(PLAN + "/testFailoverCleanup")));
    s.verify(getRequestedFor(urlPathEqualTo(jobPath(CLEANED))));
    assertThat(events.of(RevertFailed.class)).isEmpty();
  }

  /**
   * The plan allows a test failover, which Azure accepts with a Location only (the 202 headers
   * of the actions in {@code SiteRecovery/stable/2026-05-01/service.json}).
   */
  void testFailoverAcceptedWithALocationOnly(String location) {
    var s = stub.server;
    s.stubFor(get(urlPathEqualTo(PLAN)).willReturn(okJson(plan("None", "job-old", "TestFailover"))));
    s.stubFor(get(urlPathEqualTo(VAULT + "/replicationJobs/job-old"))
        .willReturn(okJson(job("job-old", "Succeeded", ""))));
    s.stubFor(post(urlPathEqualTo(PLAN + "/testFailover")).willReturn(aResponse().withStatus(202)
        .withHeader("Location", stub.endpoint() + location + "?api-version=2026-05-01")
        .withHeader("Retry-After", "1")));
  }

  @Test
  void aLocationOnlyFailoverWhoseOperationFailsFailsAtOnce() throws Exception {
    testFailoverAcceptedWithALocationOnly("/ops/tfo-result");
    stub.server.stubFor(get(urlPathEqualTo("/ops/tfo-result")).willReturn(aResponse().withStatus(400)
        .withBody("{\"error\":{\"code\":\"InvalidNetworkId\",\"message\":\"no such network\"}}")));
    SiteRecoveryFault f = fault(FailoverType.test, AfterFailover.cleanup);
    f.inject(events);
    Instant started = Instant.now();

    assertThatThrownBy(() -> f.awaitEffective(events, in(30))).isInstanceOf(FaultException.class)
        .hasMessageContaining("InvalidNetworkId");

    assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void retryAfterOnAnOperationPollIsALowerBoundOfTheNextPoll() throws Exception {
    testFailoverAcceptedWithALocationOnly("/ops/tfo-result");
    stub.server.stubFor(get(urlPathEqualTo("/ops/tfo-result")).willReturn(aResponse().withStatus(202)
        .withHeader("Retry-After", "1")));
    SiteRecoveryFault f = fault(FailoverType.test, AfterFailover.cleanup);
    f.inject(events);

    // The plan never shows a job: the operation is polled until the deadline, 2.5 s away.
    assertThatThrownBy(() -> f.awaitEffective(events, Instant.now().plusMillis(2500)))
        .isInstanceOf(FaultException.class);

    // Every 50 ms by the poll interval would be ~50 polls; Retry-After: 1 spaces them a second
    // apart, with one last look at the deadline.
    var polls = stub.server.findAll(getRequestedFor(urlPathEqualTo("/ops/tfo-result"))).stream()
        .sorted(java.util.Comparator.comparing(r -> r.getLoggedDate())).toList();
    assertThat(polls.size()).isBetween(3, 4);
    for (int i = 1; i < 3; i++) {
      assertThat(polls.get(i).getLoggedDate().getTime() - polls.get(i - 1).getLoggedDate().getTime())
          .isGreaterThanOrEqualTo(950L);
    }
  }

  @Test
  void waitingForTheFailoverJobNeverEatsMoreThanHalfTheRevertDeadline() throws Exception {
    SiteRecoveryFaultTest.testFailoverWorld(stub);
    // The failover job never ends, yet the plan lets the cleanup go.
    stub.server.stubFor(get(urlPathEqualTo(VAULT + "/replicationJobs/job-tfo"))
        .willReturn(okJson(job("job-tfo", "InProgress", ""))));
    SiteRecoveryFault f = fault(FailoverType.test, AfterFailover.cleanup);
    f.inject(events);
    f.awaitEffective(events, in(5));
    Instant started = Instant.now();

    f.revert(events, started.plusSeconds(4));

    Duration took = Duration.between(started, Instant.now());
    assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(1900)).isLessThan(Duration.ofMillis(3900));
    stub.server.verify(1, postRequestedFor(urlPathEqualTo(PLAN + "/testFailoverCleanup")));
  }
}
