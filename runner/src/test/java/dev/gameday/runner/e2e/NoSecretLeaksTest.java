package dev.gameday.runner.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A run against a hostile probe target (it echoes every header into its status line and body,
 * redirects to another origin, and answers with terminal escape sequences), with secrets in a
 * header, a query string, a URL password from the environment and a literal URL password. Then
 * every file of the run directory and everything printed is searched for every secret value:
 * zero hits, and no escape character reached the output.
 */
class NoSecretLeaksTest extends WithSandbox {
  static final String TOKEN = "tok-5e1f-bearer-credential";
  static final String KEY = "key-77aa-api-credential";
  static final String QUERY = "qry-91c3-query-credential";
  static final String PASSWORD = "pw-0d4b-url-credential";
  static final String LITERAL = "literal-pw-4242-credential";

  @Test
  void noSecretReachesTheRunDirectoryOrTheOutputAndNoEscapeReachesTheTerminal() throws Exception {
    try (HostileTarget target = new HostileTarget()) {
      Path runs = tmp.resolve("leak-runs");
      Path experiment = tmp.resolve("hostile.yaml");
      Files.writeString(experiment, experiment(target));
      Map<String, String> env = new HashMap<>(GamedayProcess.env(sandbox, runs));
      env.putAll(Map.of("HOSTILE_TOKEN", TOKEN, "HOSTILE_KEY", KEY, "HOSTILE_QUERY", QUERY,
          "HOSTILE_PASSWORD", PASSWORD));

      Path planLog = tmp.resolve("leak-plan.log");
      int planExit = GamedayProcess.run(env, planLog, Duration.ofMinutes(1), "plan",
          experiment.toString());
      Path planJsonLog = tmp.resolve("leak-plan-json.log");
      GamedayProcess.run(env, planJsonLog, Duration.ofMinutes(1), "plan", experiment.toString(),
          "--output", "json");
      Path runLog = tmp.resolve("leak-run.log");
      int runExit = GamedayProcess.run(env, runLog, Duration.ofMinutes(2), "run",
          experiment.toString(), "--runs-dir", runs.toString());
      Path runsLog = tmp.resolve("leak-runs.log");
      GamedayProcess.run(env, runsLog, Duration.ofMinutes(1), "runs", "--runs-dir", runs.toString());

      assertThat(planExit).as(Files.readString(planLog)).isZero();
      assertThat(runExit).as(Files.readString(runLog)).isEqualTo(3);
      String printed = Files.readString(runLog);
      assertThat(printed).as("the hostile answers were judged").contains("599");
      assertThat(printed).doesNotContain("\u001b").doesNotContain("\u0007");

      List<Path> scanned = new ArrayList<>(List.of(planLog, planJsonLog, runLog, runsLog));
      try (Stream<Path> files = Files.walk(runs)) {
        files.filter(Files::isRegularFile).forEach(scanned::add);
      }
      assertThat(scanned).as("journal, reports, experiment copy").hasSizeGreaterThan(6);
      for (Path f : scanned) {
        String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
        for (String secret : List.of(TOKEN, KEY, QUERY, PASSWORD, LITERAL)) {
          assertThat(text).as(f + " holds a secret").doesNotContain(secret)
              .doesNotContain(URLEncoder.encode(secret, StandardCharsets.UTF_8));
        }
      }
      assertThat(Files.readString(runs.resolve(onlyRun(runs)).resolve("experiment.yaml")))
          .contains("http://gameday:***@127.0.0.1");

      assertThat(target.receivedByOtherOrigin()).as("the redirect was followed").isNotEmpty()
          .allSatisfy(headers -> assertThat(headers.values().toString())
              .doesNotContain(KEY).doesNotContain(TOKEN));
    }
  }

  private static Path onlyRun(Path runs) throws Exception {
    try (Stream<Path> dirs = Files.list(runs)) {
      return dirs.filter(Files::isDirectory).findFirst().orElseThrow().getFileName();
    }
  }

  private static String experiment(HostileTarget t) {
    String base = t.url("/").replace("http://", "");
    return """
        apiVersion: gameday/v1
        kind: Experiment
        metadata: {name: hostile-target}
        window: {timezone: UTC, schedule: "* * * * *", duration: PT1H, margin: PT1M}
        azure:
          subscription: "${env:GAMEDAY_SANDBOX_SUBSCRIPTION}"
          endpoint: "${env:GAMEDAY_SANDBOX_ARM}"
          caFile: "${env:GAMEDAY_SANDBOX_CA}"
        targets:
          web: {type: virtualMachine, resourceGroup: rg-shop-weu, tags: {tier: web}, pick: all}
        safety:
          requireTag: {chaos: allowed}
          maxTargets: 2
          checkPermissions: false
        steadyState:
          baseline: PT2S
          probes:
            - name: echo-status
              http:
                url: "%1$secho?token=${env:HOSTILE_QUERY}"
                headers: {Authorization: "Bearer ${env:HOSTILE_TOKEN}", X-Api-Key: "${env:HOSTILE_KEY}"}
              every: PT0.2S
            - name: echo-json
              http:
                url: "http://gameday:${env:HOSTILE_PASSWORD}@%2$secho"
                headers: {Authorization: "Bearer ${env:HOSTILE_TOKEN}"}
              expect: {status: [599], jsonPointer: {pointer: /auth, equals: nope}}
              every: PT0.2S
            - name: elsewhere
              http:
                url: "http://gameday:%3$s@%2$saway"
                headers: {X-Api-Key: "${env:HOSTILE_KEY}", Authorization: "Bearer ${env:HOSTILE_TOKEN}"}
              every: PT0.2S
        faults:
          - name: web-power-off
            vm.powerOff: {target: web, skipShutdown: true}
            hold: PT5S
        abort: {maxDuration: PT2M}
        """.formatted(t.url("/"), base, LITERAL);
  }
}
