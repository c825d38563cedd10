package dev.gameday.azure.fault;

import dev.gameday.azure.support.WithArmStub;
import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static dev.gameday.azure.support.Arm.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.gameday.core.event.TimelineEvent;
import dev.gameday.core.event.TimelineEvent.Action;
import dev.gameday.core.event.TimelineEvent.FaultEffective;
import dev.gameday.core.event.TimelineEvent.OperationAccepted;
import dev.gameday.core.event.TimelineEvent.PlatformRestored;
import dev.gameday.core.event.TimelineEvent.ResourceHealthChanged;
import dev.gameday.core.event.TimelineEvent.RevertFailed;
import dev.gameday.core.port.FaultException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class VmPowerFaultTest extends WithArmStub {
  static final String VM = vmId("vm-web-1");
  static final String HEALTH = VM
      + "/providers/Microsoft.ResourceHealth/availabilityStatuses/current";


  static MappingBuilder vmGet() {
    return get(urlPathEqualTo(VM)).withQueryParam("$expand", equalTo("instanceView"))
        .withQueryParam("api-version", equalTo("2025-04-01"));
  }

  /** A VM that goes running -> stopping -> stopped after powerOff, and back after start. */
  void powerCycleWorld() {
    var s = stub.server;
    s.stubFor(vmGet().inScenario("vm").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(vm("vm-web-1", "running")));
    s.stubFor(post(urlPathEqualTo(VM + "/powerOff")).inScenario("vm")
        .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("stopping")
        .willReturn(accepted(stub, "/ops/off")));
    s.stubFor(vmGet().inScenario("vm").whenScenarioStateIs("stopping").willSetStateTo("off")
        .willReturn(vm("vm-web-1", "stopping")));
    s.stubFor(vmGet().inScenario("vm").whenScenarioStateIs("off")
        .willReturn(vm("vm-web-1", "stopped")));
    s.stubFor(post(urlPathEqualTo(VM + "/start")).inScenario("vm").whenScenarioStateIs("off")
        .willSetStateTo("starting").willReturn(accepted(stub, "/ops/on")));
    s.stubFor(vmGet().inScenario("vm").whenScenarioStateIs("starting").willSetStateTo("on")
        .willReturn(vm("vm-web-1", "starting")));
    s.stubFor(vmGet().inScenario("vm").whenScenarioStateIs("on")
        .willReturn(vm("vm-web-1", "running")));
    s.stubFor(get(urlPathEqualTo(HEALTH)).inScenario("vm").whenScenarioStateIs("off")
        .willReturn(health("Unavailable")));
    s.stubFor(get(urlPathEqualTo(HEALTH)).inScenario("vm").whenScenarioStateIs("stopping")
        .willReturn(health("Available")));
    s.stubFor(get(urlPathEqualTo(HEALTH)).inScenario("vm").whenScenarioStateIs("on")
        .willReturn(health("Available")));
    s.stubFor(get(urlPathEqualTo("/ops/off")).inScenario("op")
        .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("done")
        .willReturn(status("InProgress")));
    s.stubFor(get(urlPathEqualTo("/ops/off")).inScenario("op").whenScenarioStateIs("done")
        .willReturn(status("Succeeded")));
  }

  VmPowerFault fault(VmAction action, boolean flag) {
    return new VmPowerFault("web-off", action, flag, List.of(VM), stub.faults());
  }

  /** A fault as rollback builds it: with the change the journal recorded for the VM. */
  VmPowerFault recorded(VmAction action, String before) {
    VmPowerFault f = fault(action, true);
    f.restoreFrom(List.of(new TimelineEvent.ChangeRecorded(stub.faults().stamp(), "web-off", VM,
        "powerState", before, java.util.Map.of())));
    return f;
  }

  static Instant in(int seconds) {
    return Instant.now().plusSeconds(seconds);
  }

  /**
   * Each platform instant comes with its bracket: the last look that still saw the VM as it was
   * (or the request) before, the first look that saw it changed after; and Azure's own time of
   * the instance view's provisioning status, as Azure wrote it.
   */
  @Test
  void effectAndRestoreCarryTheirBracketAndAzuresOwnTime() throws Exception {
    powerCycleWorld();
    stub.server.stubFor(vmGet().inScenario("vm").whenScenarioStateIs("off")
        .willReturn(vm("vm-web-1", "stopped", "2026-03-03T02:01:11.5000000+00:00")));
    stub.server.stubFor(vmGet().inScenario("vm").whenScenarioStateIs("on")
        .willReturn(vm("vm-web-1", "running", "2026-03-03T02:02:47.25+00:00")));
    VmPowerFault f = fault(VmAction.POWER_OFF, true);

    f.inject(events);
    f.awaitEffective(events, in(5));
    f.revert(events, in(5));
    f.awaitRestored(events, in(5));

    Instant requested = events.of(TimelineEvent.ChangeRecorded.class).get(0).at().utc();
    FaultEffective effective = events.of(FaultEffective.class).get(0);
    assertThat(effective.lastSeenBefore()).hasValueSatisfying(b -> assertThat(b)
        .as("after the power-off request, before the look that saw it stopped")
        .isAfterOrEqualTo(requested).isBefore(effective.at().utc()));
    assertThat(effective.statedByAzure()).contains(Instant.parse("2026-03-03T02:01:11.5Z"));
    var restored = events.of(TimelineEvent.PlatformRestored.class).get(0);
    Instant revert = events.of(TimelineEvent.RevertRequested.class).get(0).at().utc();
    assertThat(restored.lastSeenBefore()).hasValueSatisfying(b -> assertThat(b)
        .isAfterOrEqualTo(revert).isBefore(restored.at().utc()));
    assertThat(restored.statedByAzure()).contains(Instant.parse("2026-03-03T02:02:47.25Z"));
  }

  /**
   * Where the instance view states no provisioning time, Azure's own time is the end of the
   * operation that made the change ({@code endTime} of its status, ARM's {@code
   * OperationStatusResult}); and every accepted request says when it was sent, after
   * Gameday's look-ups and before its answer.
   */
  @Test
  void withoutAProvisioningTimeTheOperationsEndTimeIsAzuresOwn() throws Exception {
    powerCycleWorld();
    stub.server.stubFor(get(urlPathEqualTo("/ops/off")).inScenario("op").whenScenarioStateIs("done")
        .willReturn(okJson("{\"name\":\"op\",\"status\":\"Succeeded\","
            + "\"startTime\":\"2026-03-03T02:01:02.1+00:00\","
            + "\"endTime\":\"2026-03-03T02:01:09.75+00:00\"}")));
    stub.server.stubFor(get(urlPathEqualTo("/ops/on")).willReturn(okJson("{\"name\":\"op\","
        + "\"status\":\"Succeeded\",\"startTime\":\"2026-03-03T02:02:30+00:00\","
        + "\"endTime\":\"2026-03-03T02:02:44.5+00:00\"}")));
    VmPowerFault f = fault(VmAction.POWER_OFF, true);

    f.inject(events);
    f.awaitEffective(events, in(5));
    f.revert(events, in(5));
    f.awaitRestored(events, in(5));

    assertThat(events.of(FaultEffective.class).get(0).statedByAzure())
        .contains(Instant.parse("2026-03-03T02:01:09.75Z"));
    assertThat(events.of(PlatformRestored.class).get(0).statedByAzure())
        .contains(Instant.parse("2026-03-03T02:02:44.5Z"));
    List<OperationAccepted> accepted = events.of(OperationAccepted.class);
    assertThat(accepted).extracting(OperationAccepted::action)
        .containsExactly(Action.INJECT, Action.REVERT);
    Instant change = events.of(TimelineEvent.ChangeRecorded.class).get(0).at().utc();
    Instant revert = events.of(TimelineEvent.RevertRequested.class).get(0).at().utc();
    assertThat(accepted.get(0).sent()).hasValueSatisfying(t -> assertThat(t)
        .isAfterOrEqualTo(change).isBeforeOrEqualTo(accepted.get(0).at().utc()));
    assertThat(accepted.get(1).sent()).hasValueSatisfying(t -> assertThat(t)
        .as("after the revert's look at the power state").isAfter(revert)
        .isBeforeOrEqualTo(accepted.get(1).at().utc()));
  }

  @Test
  void powersOffAndStartsAgainWithEventsInOrder() throws Exception {
    powerCycleWorld();
    VmPowerFault f = fault(VmAction.POWER_OFF, true);

    f.inject(events);
    f.awaitEffective(events, in(5));
    f.revert(events, in(5));
    f.awaitRestored(events, in(5));

    stub.server.verify(postRequestedFor(urlPathEqualTo(VM + "/powerOff"))
        .withQueryParam("skipShutdown", equalTo("true"))
        .withQueryParam("api-version", equalTo("2025-04-01")));
    stub.server.verify(1, postRequestedFor(urlPathEqualTo(VM + "/start"))
        .withQueryParam("api-version", equalTo("2025-04-01")));
    assertThat(events.kinds()).containsSubsequence("FaultRequested", "ChangeRecorded",
        "OperationAccepted", "FaultEffective", "RevertRequested", "OperationAccepted",
        "ChangeRestored", "PlatformRestored");
    assertThat(events.of(TimelineEvent.ChangeRecorded.class)).singleElement().satisfies(c -> {
      assertThat(c.resource()).isEqualTo(VM);
      assertThat(c.before()).isEqualTo("running");
    });
    OperationAccepted accepted = events.of(OperationAccepted.class).get(0);
    assertThat(accepted.action()).isEqualTo(Action.INJECT);
    assertThat(accepted.httpStatus()).isEqualTo(202);
    assertThat(accepted.correlationId()).isPresent();
    assertThat(accepted.operationId()).contains("off");
    assertThat(events.of(FaultEffective.class).get(0).evidence()).isEqualTo("PowerState/stopped");
    assertThat(events.of(PlatformRestored.class).get(0).evidence())
        .isEqualTo("PowerState/running; Resource Health Available");
    assertThat(events.of(ResourceHealthChanged.class)).extracting(ResourceHealthChanged::state)
        .containsSubsequence("Unavailable", "Available");
    List<TimelineEvent> all = events.events();
    for (int i = 1; i < all.size(); i++) {
      assertThat(all.get(i).at().mono()).isGreaterThanOrEqualTo(all.get(i - 1).at().mono());
    }
  }

  @Test
  void leavesAnAlreadyStoppedVmAloneOnInject() throws Exception {
    stub.server.stubFor(vmGet().willReturn(vm("vm-web-1", "stopped")));
    stub.server.stubFor(get(urlPathEqualTo(HEALTH)).willReturn(armNotFound()));

    VmPowerFault f = fault(VmAction.POWER_OFF, false);
    f.inject(events);
    f.awaitEffective(events, in(3));

    stub.server.verify(0, postRequestedFor(urlPathEqualTo(VM + "/powerOff")));
    assertThat(events.of(FaultEffective.class)).hasSize(1);

    f.revert(events, in(3));
    f.awaitRestored(events, in(3));
    stub.server.verify(0, postRequestedFor(urlPathEqualTo(VM + "/start")));
    assertThat(events.of(TimelineEvent.ChangeRecorded.class)).as("nothing was changed").isEmpty();
  }

  @Test
  void rollbackOfAVmRecordedAsStoppedBeforeLeavesItStopped() throws Exception {
    stub.server.stubFor(vmGet().willReturn(vm("vm-web-1", "stopped")));

    VmPowerFault f = recorded(VmAction.DEALLOCATE, "stopped");
    f.revert(events, in(3));
    f.awaitRestored(events, in(3));

    stub.server.verify(0, postRequestedFor(urlPathEqualTo(VM + "/start")));
    assertThat(events.of(TimelineEvent.ChangeRestored.class)).singleElement()
        .satisfies(r -> assertThat(r.evidence()).contains("was PowerState/stopped before"));
  }

  @Test
  void rollbackWithNothingRecordedSendsNothing() throws Exception {
    stub.server.stubFor(vmGet().willReturn(vm("vm-web-1", "stopped")));

    VmPowerFault f = fault(VmAction.POWER_OFF, true);
    f.restoreFrom(List.of());
    f.revert(events, in(3));
    f.awaitRestored(events, in(3));

    stub.server.verify(0, postRequestedFor(urlPathEqualTo(VM + "/start")));
    stub.server.verify(0, getRequestedFor(urlPathEqualTo(VM)));
  }

  @Test
  void resendsAPowerOffWhoseAnswerWasLostWhenTheVmStillRuns() throws Exception {
    stub.server.stubFor(vmGet().willReturn(vm("vm-web-1", "running")));
    stub.server.stubFor(post(urlPathEqualTo(VM + "/powerOff")).inScenario("p")
        .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("ok")
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    stub.server.stubFor(post(urlPathEqualTo(VM + "/powerOff")).inScenario("p")
        .whenScenarioStateIs("ok").willReturn(accepted(stub, "/ops/off")));

    fault(VmAction.POWER_OFF, true).inject(events);

    stub.server.verify(2, postRequestedFor(urlPathEqualTo(VM + "/powerOff")));
    assertThat(events.of(OperationAccepted.class)).singleElement()
        .satisfies(a -> assertThat(a.httpStatus()).isEqualTo(202));
  }

  @Test
  void doesNotResendAPowerOffThatVisiblyTookEffect() throws Exception {
    stub.server.stubFor(vmGet().inScenario("v").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(vm("vm-web-1", "running")));
    stub.server.stubFor(post(urlPathEqualTo(VM + "/powerOff")).inScenario("v")
        .willSetStateTo("stopping")
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    stub.server.stubFor(vmGet().inScenario("v").whenScenarioStateIs("stopping")
        .willReturn(vm("vm-web-1", "stopping")));

    fault(VmAction.POWER_OFF, true).inject(events);

    stub.server.verify(1, postRequestedFor(urlPathEqualTo(VM + "/powerOff")));
    assertThat(events.of(OperationAccepted.class)).singleElement()
        .satisfies(a -> assertThat(a.httpStatus()).isZero());
  }

  @Test
  void revertKeepsTryingThroughAConflict() throws Exception {
    stub.server.stubFor(vmGet().willReturn(vm("vm-web-1", "stopped")));
    stub.server.stubFor(post(urlPathEqualTo(VM + "/start")).inScenario("c")
        .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("free")
        .willReturn(aResponse().withStatus(409).withBody("{\"error\":{\"code\":"
            + "\"OperationNotAllowed\",\"message\":\"operation in progress\"}}")));
    stub.server.stubFor(post(urlPathEqualTo(VM + "/start")).inScenario("c")
        .whenScenarioStateIs("free").willReturn(accepted(stub, "/ops/on")));

    recorded(VmAction.POWER_OFF, "running").revert(events, in(5));

    stub.server.verify(2, postRequestedFor(urlPathEqualTo(VM + "/start")));
    assertThat(events.of(OperationAccepted.class)).singleElement()
        .satisfies(a -> assertThat(a.action()).isEqualTo(Action.REVERT));
  }

  @Test
  void revertThatCannotFinishSaysWhichAzCommandFinishesIt() {
    stub.server.stubFor(vmGet().willReturn(vm("vm-web-1", "stopped")));
    stub.server.stubFor(post(urlPathEqualTo(VM + "/start")).willReturn(aResponse()
        .withStatus(500)));

    VmPowerFault f = recorded(VmAction.POWER_OFF, "running");
    assertThatThrownBy(() -> f.revert(events, Instant.now().plusMillis(600)))
        .isInstanceOfSatisfying(FaultException.class, e ->
            assertThat(e.manualCommand()).contains("az vm start --ids " + VM));
    assertThat(events.of(RevertFailed.class)).singleElement().satisfies(r -> {
      assertThat(r.manualCommand()).isEqualTo("az vm start --ids " + VM);
      assertThat(r.reason()).contains("HTTP 500");
    });
  }

  @Test
  void revertOfARunningVmSendsNothing() throws Exception {
    stub.server.stubFor(vmGet().willReturn(vm("vm-web-1", "running")));

    recorded(VmAction.DEALLOCATE, "running").revert(events, in(3));

    stub.server.verify(0, postRequestedFor(urlPathEqualTo(VM + "/start")));
  }

  @Test
  void deallocatesWithHibernateAndWaitsForDeallocated() throws Exception {
    stub.server.stubFor(vmGet().inScenario("d").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(vm("vm-web-1", "running")));
    stub.server.stubFor(post(urlPathEqualTo(VM + "/deallocate")).inScenario("d")
        .willSetStateTo("stopped").willReturn(accepted(stub, "/ops/d")));
    stub.server.stubFor(vmGet().inScenario("d").whenScenarioStateIs("stopped")
        .willSetStateTo("deallocated").willReturn(vm("vm-web-1", "stopped")));
    stub.server.stubFor(vmGet().inScenario("d").whenScenarioStateIs("deallocated")
        .willReturn(vm("vm-web-1", "deallocated")));
    stub.server.stubFor(get(urlPathEqualTo("/ops/d")).willReturn(status("InProgress")));
    stub.server.stubFor(get(urlPathEqualTo(HEALTH)).willReturn(armNotFound()));

    VmPowerFault f = fault(VmAction.DEALLOCATE, true);
    f.inject(events);
    f.awaitEffective(events, in(3));

    stub.server.verify(postRequestedFor(urlPathEqualTo(VM + "/deallocate"))
        .withQueryParam("hibernate", equalTo("true")));
    assertThat(events.of(FaultEffective.class)).singleElement()
        .satisfies(e -> assertThat(e.evidence()).isEqualTo("PowerState/deallocated"));
    stub.server.verify(1, getRequestedFor(urlPathEqualTo(HEALTH)));
  }

  @Test
  void restartIsEffectiveWhenItsOperationSucceededEvenIfNoPollSawItDown() throws Exception {
    stub.server.stubFor(vmGet().willReturn(vm("vm-web-1", "running")));
    stub.server.stubFor(post(urlPathEqualTo(VM + "/restart")).willReturn(accepted(stub, "/ops/r")));
    stub.server.stubFor(get(urlPathEqualTo("/ops/r")).willReturn(status("Succeeded")));
    stub.server.stubFor(get(urlPathEqualTo(HEALTH)).willReturn(armNotFound()));

    VmPowerFault f = fault(VmAction.RESTART, false);
    f.inject(events);
    f.awaitEffective(events, in(3));
    f.revert(events, in(3));
    f.awaitRestored(events, in(3));

    assertThat(events.of(FaultEffective.class).get(0).evidence())
        .startsWith("restart operation Succeeded");
    assertThat(events.of(PlatformRestored.class).get(0).evidence())
        .isEqualTo("PowerState/running; Resource Health not reported");
    stub.server.verify(0, postRequestedFor(urlPathEqualTo(VM + "/start")));
  }

  @Test
  void reportsAFailedOperationAsAFailedFault() throws Exception {
    stub.server.stubFor(vmGet().willReturn(vm("vm-web-1", "running")));
    stub.server.stubFor(post(urlPathEqualTo(VM + "/powerOff")).willReturn(accepted(stub, "/ops/x")));
    stub.server.stubFor(get(urlPathEqualTo("/ops/x")).willReturn(okJson("{\"status\":\"Failed\","
        + "\"error\":{\"code\":\"VMAgentStatusCommunicationError\",\"message\":\"agent\"}}")));
    stub.server.stubFor(get(urlPathEqualTo(HEALTH)).willReturn(armNotFound()));

    VmPowerFault f = fault(VmAction.POWER_OFF, false);
    f.inject(events);

    assertThatThrownBy(() -> f.awaitEffective(events, in(3)))
        .isInstanceOf(FaultException.class).hasMessageContaining("VMAgentStatusCommunicationError");
    assertThat(events.of(TimelineEvent.FaultFailed.class)).hasSize(1);
  }

  @Test
  void dryRunListsEveryCallWithItsApiVersion() {
    List<String> calls = fault(VmAction.POWER_OFF, true).plannedCalls();

    assertThat(calls).anyMatch(c -> c.startsWith("POST " + VM
        + "/powerOff?api-version=2025-04-01&skipShutdown=true"));
    assertThat(calls).anyMatch(c -> c.startsWith("POST " + VM + "/start?api-version=2025-04-01"));
    assertThat(calls).anyMatch(c -> c.startsWith("GET " + HEALTH + "?api-version=2025-05-01"));
  }

  @Test
  void retryAfterOnAnOperationPollIsALowerBoundWhileThePowerStateIsReadEveryInterval()
      throws Exception {
    var s = stub.server;
    s.stubFor(vmGet().willReturn(vm("vm-web-1", "running")));
    s.stubFor(post(urlPathEqualTo(VM + "/powerOff")).willReturn(accepted(stub, "/ops/slow")));
    s.stubFor(get(urlPathEqualTo("/ops/slow")).willReturn(okJson("{\"status\":\"InProgress\"}")
        .withHeader("Retry-After", "1")));
    s.stubFor(get(urlPathEqualTo(HEALTH)).willReturn(health("Available")));
    VmPowerFault f = fault(VmAction.POWER_OFF, true);
    f.inject(events);

    // The VM never stops: polled until the deadline, 2.5 s away.
    assertThatThrownBy(() -> f.awaitEffective(events, Instant.now().plusMillis(2500)))
        .isInstanceOf(FaultException.class);

    // The 50 ms poll interval would poll the operation ~50 times; Retry-After: 1 spaces its
    // polls a second apart, while the instance view is still read every interval.
    var polls = s.findAll(getRequestedFor(urlPathEqualTo("/ops/slow"))).stream()
        .sorted(java.util.Comparator.comparing(r -> r.getLoggedDate())).toList();
    assertThat(polls.size()).isBetween(2, 3);
    for (int i = 1; i < polls.size(); i++) {
      assertThat(polls.get(i).getLoggedDate().getTime()
          - polls.get(i - 1).getLoggedDate().getTime()).isGreaterThanOrEqualTo(950L);
    }
    assertThat(s.findAll(getRequestedFor(urlPathEqualTo(VM))).size()).isGreaterThan(10);
  }
}
