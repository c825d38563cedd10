package dev.gameday.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.core.model.Audit;
import dev.gameday.core.model.AzureSettings;
import dev.gameday.core.model.Expectation;
import dev.gameday.core.model.Experiment;
import dev.gameday.core.model.FaultAction;
import dev.gameday.core.model.FaultStep;
import dev.gameday.core.model.ProbeSpec;
import dev.gameday.core.model.ReportOptions;
import dev.gameday.core.model.Safety;
import dev.gameday.core.model.TargetSpec;
import dev.gameday.core.model.Tolerance;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentLoaderTest {
  private final ExperimentLoader loader = new ExperimentLoader(Map.<String, String>of()::get);

  private static Experiment loaded(LoadResult r) {
    assertThat(r).isInstanceOf(LoadResult.Loaded.class);
    return ((LoadResult.Loaded) r).experiment();
  }

  private static List<Problem> problems(LoadResult r) {
    assertThat(r).isInstanceOf(LoadResult.Invalid.class);
    return ((LoadResult.Invalid) r).problems();
  }

  @Test
  void sandboxVmPowerOffMapsOntoTheModel() {
    Path file = ExamplesAgreeTest.EXPERIMENTS.resolve("sandbox/vm-poweroff.yaml");
    Experiment e = loaded(loader.load(file));

    assertThat(e.name()).isEqualTo("sandbox-web-vm-poweroff");
    assertThat(e.window().timezone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(e.window().schedule()).contains("* * * * *");
    assertThat(e.window().length()).isEqualTo(Duration.ofHours(1));
    assertThat(e.azure().cloud()).isEqualTo(AzureSettings.Cloud.CUSTOM);
    assertThat(e.azure().subscription()).isEqualTo("00000000-0000-0000-0000-00000000da7a");
    assertThat(e.azure().endpoint()).contains(URI.create("https://127.0.0.1:8443/"));
    assertThat(e.azure().caFile()).contains(
        file.toAbsolutePath().getParent().resolve("../../.gameday-sandbox/ca.pem").normalize());
    TargetSpec web = e.targets().get("web");
    assertThat(web.resourceGroup()).contains("rg-shop-weu");
    assertThat(web.tags()).containsEntry("tier", "web");
    assertThat(web.pick()).isEqualTo(new TargetSpec.Pick.All());
    assertThat(e.safety().maxTargets()).isEqualTo(2);
    assertThat(e.steadyState().baseline()).isEqualTo(Duration.ofSeconds(5));
    ProbeSpec probe = e.steadyState().probes().getFirst();
    assertThat(probe.http().url()).isEqualTo(URI.create("http://127.0.0.1:8444/"));
    assertThat(probe.every()).isEqualTo(Duration.ofMillis(250));
    assertThat(probe.mode()).isEqualTo(ProbeSpec.Mode.CONTINUOUS);
    assertThat(e.faults()).containsExactly(new FaultStep("web-power-off",
        new FaultAction.VmPowerOff("web", true), Duration.ofSeconds(15), Duration.ofMinutes(1)));
  }

  @Test
  void auditMetadataMapsOntoTheModelAndIsOptional() {
    Experiment e = loaded(loader.load(ExamplesAgreeTest.EXPERIMENTS.resolve("vm-poweroff.yaml")));
    Experiment none = loaded(loader.load(ExamplesAgreeTest.EXPERIMENTS.resolve("sandbox/vm-poweroff.yaml")));

    assertThat(e.audit()).isEqualTo(new Audit(Optional.of("cab@example.com"),
        Optional.of("CHG0012345"), List.of("ISO22301:8.5", "SOC2:A1.3", "DORA:Art.11(6)")));
    assertThat(none.audit().blank()).isTrue();
  }

  @Test
  void nsgAndFailoverExamplesMapTheirActions() {
    Experiment nsg = loaded(loader.load(ExamplesAgreeTest.EXPERIMENTS.resolve("sandbox/nsg-partition.yaml")));
    assertThat(nsg.faults().getFirst().action()).isEqualTo(new FaultAction.NsgDeny(
        new FaultAction.NsgRef.ByName("rg-shop-weu", "nsg-app"), FaultAction.Direction.Outbound,
        List.of("10.10.1.0/24"), List.of("10.10.2.0/24"), List.of("1433"), FaultAction.Protocol.Tcp,
        Optional.empty(), true));
    assertThat(nsg.steadyState().probes().get(1).http().url()).isEqualTo(URI.create("http://127.0.0.1:8444/checkout"));

    Experiment dr = loaded(loader.load(ExamplesAgreeTest.EXPERIMENTS.resolve("sandbox/region-failover.yaml")));
    var failover = (FaultAction.SiteRecoveryFailover) dr.faults().getFirst().action();
    assertThat(failover.type()).isEqualTo(FaultAction.FailoverType.test);
    assertThat(failover.then()).isEqualTo(FaultAction.AfterFailover.cleanup);
    assertThat(failover.testNetwork()).contains("/subscriptions/00000000-0000-0000-0000-00000000da7a/resourceGroups/"
        + "rg-shop-neu/providers/Microsoft.Network/virtualNetworks/vnet-shop-neu-test");
    assertThat(dr.steadyState().probes().get(1).mode()).isEqualTo(ProbeSpec.Mode.DURING);
  }

  @Test
  void leftOutKeysTakeTheDocumentedDefaults() {
    String yaml = """
        apiVersion: gameday/v1
        kind: Experiment
        metadata: {name: minimal}
        window: {timezone: UTC, start: "2026-03-03T02:00", end: "2026-03-03T04:00+00:00"}
        azure: {subscription: 00000000-0000-0000-0000-00000000da7a}
        steadyState:
          probes: [{name: home, http: {url: "https://example.com/"}}]
        faults:
          - {name: planned, siteRecovery.failover: {vault: {resourceGroup: rg, name: v}, recoveryPlan: p, type: unplanned}}
        """;
    Experiment e = loaded(loader.load("minimal.yaml", yaml.getBytes(StandardCharsets.UTF_8), Path.of(".")));

    assertThat(e.metadata().title()).isEqualTo("minimal");
    assertThat(e.window().margin()).isEqualTo(Duration.ofMinutes(5));
    assertThat(e.window().length()).isEqualTo(Duration.ofHours(2));
    assertThat(e.azure().cloud()).isEqualTo(AzureSettings.Cloud.AZURE_PUBLIC);
    assertThat(e.safety()).isEqualTo(Safety.defaults());
    assertThat(e.steadyState().baseline()).isEqualTo(Duration.ofMinutes(1));
    ProbeSpec p = e.steadyState().probes().getFirst();
    assertThat(p.every()).isEqualTo(Duration.ofSeconds(1));
    assertThat(p.tolerance()).isEqualTo(Tolerance.defaults());
    assertThat(p.http().method()).isEqualTo("GET");
    assertThat(p.http().timeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(p.http().followRedirects()).isTrue();
    assertThat(p.http().maxBodyBytes()).isEqualTo(65536);
    assertThat(p.expect().statusOk(302)).isTrue();
    FaultStep step = e.faults().getFirst();
    assertThat(step.hold()).isZero();
    assertThat(step.recoveryTimeout()).isEqualTo(Duration.ofMinutes(10));
    var failover = (FaultAction.SiteRecoveryFailover) step.action();
    assertThat(failover.then()).isEqualTo(FaultAction.AfterFailover.none);
    assertThat(failover.direction()).isEqualTo(FaultAction.FailoverDirection.PrimaryToRecovery);
    assertThat(failover.recoveryPoint()).isEqualTo(FaultAction.RecoveryPoint.Latest);
    assertThat(e.abort().maxDuration()).isEqualTo(Duration.ofHours(1));
    assertThat(e.report()).isEqualTo(ReportOptions.defaults());
  }

  @Test
  void shortDurationsAndStatusFormsAreRead() {
    String yaml = """
        apiVersion: gameday/v1
        kind: Experiment
        metadata: {name: short-forms}
        window: {timezone: Europe/Berlin, schedule: "0 2 * * TUE#1", duration: 1h30m}
        azure: {subscription: 00000000-0000-0000-0000-00000000da7a}
        steadyState:
          baseline: 30s
          probes:
            - name: home
              http: {url: "https://example.com/", timeout: 500ms}
              every: PT0.5S
              expect: {status: [204, "300-302", "2xx"], latencyBelow: PT800MS}
        faults: [{name: wait, pause: {}, hold: 5m}]
        """;
    Experiment e = loaded(loader.load("short.yaml", yaml.getBytes(StandardCharsets.UTF_8), Path.of(".")));
    assertThat(e.window().duration()).contains(Duration.ofMinutes(90));
    assertThat(e.steadyState().baseline()).isEqualTo(Duration.ofSeconds(30));
    ProbeSpec p = e.steadyState().probes().getFirst();
    assertThat(p.http().timeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(p.expect().latencyBelow()).contains(Duration.ofMillis(800));
    assertThat(p.expect().statusOk(204)).isTrue();
    assertThat(p.expect().statusOk(301)).isTrue();
    assertThat(p.expect().statusOk(250)).isTrue();
    assertThat(p.expect().statusOk(200 + 103)).isFalse();
    assertThat(e.faults().getFirst().hold()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void aPrometheusProbeIsAGetOfTheQueryApiJudgedByItsBound() {
    String query = "sum(rate(http_requests_total{job=\"shop\",code=~\"5..\"}[1m])) / sum(rate(http_requests_total{job=\"shop\"}[1m]))";
    String yaml = """
        apiVersion: gameday/v1
        kind: Experiment
        metadata: {name: prometheus-probe}
        window: {timezone: UTC, start: "2026-03-03T02:00", end: "2026-03-03T04:00+00:00"}
        azure: {subscription: 00000000-0000-0000-0000-00000000da7a}
        steadyState:
          probes:
            - name: checkout-error-ratio
              every: 15s
              prometheus:
                url: https://prometheus.example.internal/
                query: %s
                below: 0.02
                headers: {Authorization: "Bearer ${env:PROM_TOKEN}"}
                timeout: 5s
        faults: [{name: wait, pause: {}, hold: 5m}]
        """.formatted(query);
    var withToken = new ExperimentLoader(Map.of("PROM_TOKEN", "t0ken-9f8e")::get);
    ProbeSpec p = loaded(withToken.load("prom.yaml", yaml.getBytes(StandardCharsets.UTF_8), Path.of(".")))
        .steadyState().probes().getFirst();

    assertThat(p.http().method()).isEqualTo("GET");
    assertThat(p.http().url()).isEqualTo(URI.create("https://prometheus.example.internal/api/v1/query?query="
        + "sum%28rate%28http_requests_total%7Bjob%3D%22shop%22%2Ccode%3D%7E%225..%22%7D%5B1m%5D%29%29%20%2F%20"
        + "sum%28rate%28http_requests_total%7Bjob%3D%22shop%22%7D%5B1m%5D%29%29"));
    assertThat(p.http().url().getQuery()).isEqualTo("query=" + query);
    assertThat(p.http().headers()).containsEntry("Authorization", "Bearer t0ken-9f8e");
    assertThat(p.http().redactedHeaders()).containsEntry("Authorization", "***");
    assertThat(p.http().timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(p.http().followRedirects()).isTrue();
    assertThat(p.http().maxBodyBytes()).isEqualTo(1024 * 1024);
    assertThat(p.http().body()).isEmpty();
    assertThat(p.every()).isEqualTo(Duration.ofSeconds(15));
    assertThat(p.expect()).isEqualTo(new Expectation(List.of(new Expectation.StatusRange(200, 200)),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
        Optional.of(new Expectation.PromValue(Expectation.PromValue.Comparison.BELOW, 0.02))));
  }

  @Test
  void aFileOverOneMebibyteIsRefusedBeforeParsing(@TempDir Path dir) throws IOException {
    byte[] big = new byte[SourceDecoder.MAX_BYTES + 1];
    Arrays.fill(big, (byte) 'a');
    Path file = dir.resolve("huge.yaml");
    Files.write(file, big);

    assertThat(problems(loader.load(file))).singleElement().satisfies(p -> {
      assertThat(p.format()).startsWith(file + ":1:1: the file is 1048577 bytes")
          .contains("at most 1048576 bytes (1 MiB)");
    });
    assertThat(problems(loader.load("stdin", big, dir))).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("at most 1048576 bytes"));
  }

  @Test
  void aMissingFileIsAProblemNotAnException(@TempDir Path dir) {
    Path file = dir.resolve("nope.yaml");
    assertThat(problems(loader.load(file))).singleElement()
        .satisfies(p -> assertThat(p.format()).isEqualTo(file + ":1:1: no such file (hint: check the path)"));
  }

  @Test
  void theSameBytesGiveTheSameDigest() throws IOException {
    Path file = ExamplesAgreeTest.EXPERIMENTS.resolve("sandbox/nsg-partition.yaml");
    var a = (LoadResult.Loaded) loader.load(file);
    var b = (LoadResult.Loaded) loader.load("copy", Files.readAllBytes(file), file.getParent());
    assertThat(a.sha256()).hasSize(64).isEqualTo(b.sha256());
    assertThat(a.redactedYaml()).isEqualTo(Files.readString(file));
  }
}
