package dev.gameday.runner.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The live view in a real terminal: {@code gameday run} of a three-probe sandbox experiment inside
 * tmux at 50 and 80 columns, the screen captured every 300 ms. On every capture the status line
 * is one row that fits the width (wrapped rows are joined back with {@code capture-pane -J}, so a
 * status that wrapped would show as one over-long line), there is never a stale second copy, it
 * shows "starting…" before the first phase, and no line has the status glued to an event line.
 * The captures are kept in {@code runner/target/live-view-*.txt} to look at.
 */
class LiveViewTmuxTest extends WithSandbox {
  private static final Pattern STATUS =
      Pattern.compile("^(starting\u2026|(PREFLIGHT|WARMUP|BASELINE|INJECT|HOLD|REVERT|RECOVERY|VERIFY|REPORT)\\b).*");
  private static final Pattern GLUED =
      Pattern.compile("(PREFLIGHT|WARMUP|BASELINE|INJECT|HOLD|REVERT|RECOVERY|VERIFY|REPORT|\u2026|%)"
          + "(metrics:|run directory:|\\d\\d:\\d\\d:\\d\\d)");

  private static boolean tmuxAvailable() {
    try {
      return new ProcessBuilder("tmux", "-V").start().waitFor(5, TimeUnit.SECONDS);
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {50, 80})
  void theStatusLineFitsTheTerminalAndIsNeverRepeated(int columns) throws Exception {
    assumeTrue(tmuxAvailable(), "tmux is not installed");
    Path runs = tmp.resolve("live-runs-" + columns);
    Path experiment = Files.writeString(tmp.resolve("three-probes.yaml"), threeProbes());
    Path script = tmp.resolve("live-" + columns + ".sh");
    Files.writeString(script, script(GamedayProcess.env(sandbox, runs), experiment, runs));
    String socket = "gameday-live-" + UUID.randomUUID();
    List<String> captures = new ArrayList<>();
    try {
      tmux(socket, "new-session", "-d", "-x", Integer.toString(columns), "-y", "40", "-s", "run",
          "bash " + script);
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (System.nanoTime() < deadline) {
        String screen = tmux(socket, "capture-pane", "-p", "-J", "-t", "run");
        captures.add(screen);
        if (screen.contains("GAMEDAY-EXIT=")) {
          break;
        }
        Thread.sleep(300);
      }
    } finally {
      tmux(socket, "kill-server");
      // Kept beside the build's other outputs (target/), to look at after the test.
      Files.writeString(Path.of("target", "live-view-" + columns + ".txt"),
          String.join("\n----- capture -----\n", captures));
    }
    String last = captures.getLast();
    assertThat(last).as("the run ended").contains("GAMEDAY-EXIT=");
    assertThat(captures).as("something shows at once").anySatisfy(c ->
        assertThat(c).contains("starting\u2026"));
    assertThat(captures).as("the status went through the phases").anySatisfy(c ->
        assertThat(c).containsPattern("(?m)^HOLD "));
    for (String screen : captures) {
      List<String> statusRows = screen.lines().filter(l -> STATUS.matcher(l).matches()).toList();
      assertThat(statusRows).as(screen).hasSizeLessThanOrEqualTo(1)
          .allSatisfy(row -> assertThat(row.stripTrailing().length()).isLessThan(columns));
      assertThat(screen).as(screen).doesNotContainPattern(GLUED.pattern());
    }
    assertThat(captures).as("the metrics line is whole").anySatisfy(c ->
        assertThat(c).containsPattern("(?m)^metrics: http://127\\.0\\.0\\.1:\\d+/metrics$"));
  }

  private static String tmux(String socket, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket, "-f", "/dev/null"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor(10, TimeUnit.SECONDS);
    return out;
  }

  private static String script(Map<String, String> env, Path experiment, Path runs) {
    StringBuilder b = new StringBuilder("cd '" + GamedayProcess.repo() + "'\n");
    env.forEach((k, v) -> b.append("export ").append(k).append("='").append(v).append("'\n"));
    String java = ProcessHandle.current().info().command().orElse("java");
    b.append("'").append(java).append("' -cp '").append(System.getProperty("java.class.path"))
        .append("' dev.gameday.runner.cli.Main run '").append(experiment)
        .append("' --runs-dir '").append(runs).append("' --metrics-port 0 --metrics-linger PT0S\n");
    b.append("echo GAMEDAY-EXIT=$?\nsleep 60\n");
    return b.toString();
  }

  private static String threeProbes() throws IOException {
    String yaml = Files.readString(GamedayProcess.repo().resolve("experiments/sandbox/vm-poweroff.yaml"));
    String probes = """
            - name: storefront
              http: {url: "${env:GAMEDAY_SHOP_URL:-http://127.0.0.1:8444/}", timeout: PT1S}
              every: PT0.25S
              expect: {status: ["2xx"]}
              tolerance: {successRatio: 0.9, over: PT2S, failuresToBreach: 3, successesToRestore: 3}
            - name: primary-region
              http: {url: "${env:GAMEDAY_SHOP_PRIMARY_URL}", timeout: PT1S}
              every: PT0.25S
              expect: {status: ["2xx"]}
              tolerance: {successRatio: 0.9, over: PT2S, failuresToBreach: 3, successesToRestore: 3}
            - name: storefront-again
              http: {url: "${env:GAMEDAY_SHOP_URL:-http://127.0.0.1:8444/}", timeout: PT1S}
              every: PT0.25S
              expect: {status: ["2xx"]}
              tolerance: {successRatio: 0.9, over: PT2S, failuresToBreach: 3, successesToRestore: 3}
        """;
    int from = yaml.indexOf("    - name: storefront");
    int to = yaml.indexOf("\nfaults:");
    String out = yaml.substring(0, from) + probes + yaml.substring(to)
        .replace("hold: PT15S", "hold: PT6S");
    assertThat(out).contains("storefront-again").contains("hold: PT6S");
    return out;
  }
}
