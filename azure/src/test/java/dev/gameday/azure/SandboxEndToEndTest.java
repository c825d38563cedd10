package dev.gameday.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.azure.sweep.SweepReport;
import dev.gameday.core.event.TimelineEvent;
import dev.gameday.core.event.TimelineEvent.FaultEffective;
import dev.gameday.core.event.TimelineEvent.FaultRequested;
import dev.gameday.core.event.TimelineEvent.Note;
import dev.gameday.core.event.TimelineEvent.PlatformRestored;
import dev.gameday.core.event.TimelineEvent.PlatformTask;
import dev.gameday.core.event.TimelineEvent.RevertRequested;
import dev.gameday.core.model.Experiment;
import dev.gameday.core.model.FaultAction;
import dev.gameday.core.model.FaultStep;
import dev.gameday.core.model.TargetSpec;
import dev.gameday.core.port.Fault;
import dev.gameday.azure.support.WithSandboxPlatform;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every fault end to end against the local sandbox (the real SDK pipeline over HTTPS). */
class SandboxEndToEndTest extends WithSandboxPlatform {

  void runThrough(Fault f) throws Exception {
    f.inject(events);
    f.awaitEffective(events, in(10));
    f.revert(events, in(10));
    f.awaitRestored(events, in(10));
  }

  void assertTimesRise() {
    List<TimelineEvent> all = events.events();
    for (int i = 1; i < all.size(); i++) {
      assertThat(all.get(i).at().mono()).isGreaterThanOrEqualTo(all.get(i - 1).at().mono());
    }
  }

  @Test
  void powersOffAPickedWebVmAndBringsItBack() throws Exception {
    FaultStep off = step("web-off", new FaultAction.VmPowerOff("web", true));
    Experiment exp = experiment(off);
    Map<String, List<String>> targets = platform.resolveTargets(exp);
    platform.preflight(exp, targets, events);

    assertThat(targets.get("web")).singleElement().asString().contains("vm-web-weu-");
    assertThat(platform.resolveTargets(exp)).isEqualTo(targets);
    runThrough(platform.fault(off, targets, "run-e2e"));

    assertThat(events.kinds()).containsSubsequence("FaultRequested", "OperationAccepted",
        "FaultEffective", "RevertRequested", "OperationAccepted", "PlatformRestored");
    assertThat(events.of(FaultEffective.class).get(0).evidence()).isEqualTo("PowerState/stopped");
    assertThat(events.of(PlatformRestored.class).get(0).evidence())
        .startsWith("PowerState/running");
    Duration recovery = Duration.ofNanos(events.of(PlatformRestored.class).get(0).at().mono()
        - events.of(RevertRequested.class).get(0).at().mono());
    // a start takes 45 world seconds: 0.45 s at speed 100
    assertThat(recovery).isBetween(Duration.ofMillis(300), Duration.ofSeconds(8));
    assertTimesRise();
  }

  @Test
  void partitionsTheAppSubnetWithOneDenyRuleAndRemovesIt() throws Exception {
    FaultStep cut = step("cut-db", new FaultAction.NsgDeny(
        new FaultAction.NsgRef.BySubnet("rg-shop-weu", "vnet-shop-weu", "snet-app"),
        FaultAction.Direction.Outbound, List.of(), List.of("10.10.2.0/24"), List.of("1433"),
        FaultAction.Protocol.Tcp, Optional.empty(), false));
    Experiment exp = experiment(cut);
    platform.preflight(exp, Map.of(), events);

    runThrough(platform.fault(cut, Map.of(), "run-e2e"));

    assertThat(events.kinds()).containsSubsequence("FaultRequested", "OperationAccepted",
        "FaultEffective", "RevertRequested", "OperationAccepted", "PlatformRestored");
    assertThat(events.of(FaultEffective.class).get(0).resource())
        .endsWith("/networkSecurityGroups/nsg-app/securityRules/gameday-run-e2e-cut-db");
    assertThat(platform.sweeper().sweep(sandbox.subscriptionId(), Optional.empty(), true,
        runId -> false, Instant.now().plus(Duration.ofDays(1))).entries()).isEmpty();
    assertTimesRise();
  }

  @Test
  void runsATestFailoverOfTheShopAndCleansItUp() throws Exception {
    FaultStep drill = step("dr-drill", new FaultAction.SiteRecoveryFailover("rg-dr",
        "rsv-shop", "rp-shop", FaultAction.FailoverType.test,
        FaultAction.FailoverDirection.PrimaryToRecovery,
        Optional.of(rg("rg-shop-neu") + "/providers/Microsoft.Network/virtualNetworks/"
            + "vnet-shop-neu-test"), FaultAction.RecoveryPoint.Latest,
        FaultAction.AfterFailover.cleanup));
    platform.preflight(experiment(drill), Map.of(), events);

    runThrough(platform.fault(drill, Map.of(), "run-e2e"));

    assertThat(events.kinds()).containsSubsequence("FaultRequested", "OperationAccepted",
        "FaultEffective", "PlatformRestored");
    assertThat(events.kinds()).containsSubsequence("FaultEffective", "RevertRequested",
        "OperationAccepted");
    assertThat(events.of(PlatformRestored.class)).hasSize(1);
    List<PlatformTask> tasks = events.of(PlatformTask.class);
    assertThat(tasks).isNotEmpty();
    assertThat(tasks).allSatisfy(t -> assertThat(t.started()).isPresent());
    assertThat(tasks.stream().filter(t -> t.state().equals("Succeeded")))
        .allSatisfy(t -> assertThat(t.ended().get()).isAfterOrEqualTo(t.started().get()));
    assertTimesRise();
  }

  @Test
  void throttlingAndAResetDuringRevertLeaveNothingInjected() throws Exception {
    FaultStep cut = step("cut", new FaultAction.NsgDeny(
        new FaultAction.NsgRef.ByName("rg-shop-weu", "nsg-app"), FaultAction.Direction.Inbound,
        List.of("*"), List.of(), List.of("80"), FaultAction.Protocol.Any, Optional.empty(),
        false));
    sandbox.knobs().throttleNext(1, "PUT .*/securityRules/.*", 1);
    sandbox.knobs().resetNext(1, "DELETE .*/securityRules/.*");
    Fault f = platform.fault(cut, Map.of(), "run-chaos");

    long t0 = System.nanoTime();
    f.inject(events);
    Duration injectTook = Duration.ofNanos(System.nanoTime() - t0);
    f.awaitEffective(events, in(10));
    f.revert(events, in(10));
    f.awaitRestored(events, in(10));

    assertThat(injectTook).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    assertThat(events.of(PlatformRestored.class)).hasSize(1);
    SweepReport leftovers = platform.sweeper().sweep(sandbox.subscriptionId(), Optional.empty(),
        true, runId -> false, Instant.now().plus(Duration.ofDays(1)));
    assertThat(leftovers.entries()).isEmpty();
  }

  @Test
  void sweepRemovesARuleARunLeftBehind() throws Exception {
    FaultStep cut = step("left", new FaultAction.NsgDeny(
        new FaultAction.NsgRef.ByName("rg-shop-weu", "nsg-app"), FaultAction.Direction.Inbound,
        List.of(), List.of(), List.of("443"), FaultAction.Protocol.Tcp, Optional.empty(), false));
    String runId = "20261128t020000z-dead";
    Fault f = platform.fault(cut, Map.of(), runId);
    f.inject(events);
    f.awaitEffective(events, in(10));

    SweepReport early = platform.sweeper().sweep(sandbox.subscriptionId(),
        Optional.of("rg-shop-weu"), false, id -> false, Instant.now());
    SweepReport running = platform.sweeper().sweep(sandbox.subscriptionId(),
        Optional.of("rg-shop-weu"), false, runId::equals, Instant.now().plus(Duration.ofDays(1)));
    SweepReport report = platform.sweeper().sweep(sandbox.subscriptionId(),
        Optional.of("rg-shop-weu"), false, id -> false, Instant.now().plus(Duration.ofDays(1)));

    assertThat(early.entries()).singleElement().satisfies(e ->
        assertThat(e.detail()).contains("not expired until"));
    assertThat(running.entries()).singleElement().satisfies(e ->
        assertThat(e.detail()).contains("is running"));
    assertThat(report.entries()).singleElement().satisfies(e -> {
      assertThat(e.outcome()).isEqualTo(SweepReport.Outcome.REMOVED);
      assertThat(e.description()).contains("gameday run " + runId);
    });
  }

  @Test
  void queryTargetsAreFoundOverSeveralResourceGraphPages() throws Exception {
    sandbox.knobs().resourceGraphPageSize(1);
    var spec = new TargetSpec("web", TargetSpec.ResourceType.VIRTUAL_MACHINE, List.of(),
        Optional.empty(), Map.of(), Optional.of("Resources | where type =~"
            + " 'microsoft.compute/virtualmachines' | where tags['chaos'] =~ 'allowed'"),
        new TargetSpec.Pick.All());
    Experiment exp = experiment();
    exp = new Experiment(exp.apiVersion(), exp.metadata(), exp.window(), exp.azure(),
        Map.of("web", spec), exp.safety(), exp.steadyState(), exp.faults(), exp.objectives(),
        exp.abort(), exp.report());

    List<String> ids = platform.resolveTargets(exp).get("web");

    assertThat(ids).hasSize(2).allSatisfy(id -> assertThat(id).contains("/vm-web-weu-"));
  }

  @Test
  void operatorOfTheSandboxIsNamedWithoutAToken() {
    assertThat(platform.operator()).containsEntry("name", "sandbox");
    assertThat(events.of(Note.class)).isEmpty();
    assertThat(events.of(FaultRequested.class)).isEmpty();
  }
}
