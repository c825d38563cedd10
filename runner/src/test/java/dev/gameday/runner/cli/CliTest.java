package dev.gameday.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** The CLI as a user meets it: commands, outputs and exit codes, in process. */
class CliTest {
  @TempDir Path tmp;

  record Result(int exit, String out, String err) {}

  static Path repo() {
    Path here = Path.of("").toAbsolutePath();
    return Files.isDirectory(here.resolve("experiments")) ? here : here.getParent();
  }

  static Result cli(String... args) {
    CommandLine cli = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new Result(exit, out.toString(), err.toString());
  }

  static List<Path> examples() throws IOException {
    try (Stream<Path> a = Files.list(repo().resolve("experiments"));
        Stream<Path> b = Files.list(repo().resolve("experiments/sandbox"))) {
      return Stream.concat(a, b).filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  static List<Path> invalidCorpus() throws IOException {
    try (Stream<Path> s = Files.list(repo().resolve("core/src/test/resources/invalid"))) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  @Test
  void validateAcceptsEveryExample() throws IOException {
    List<Path> files = examples();
    Result r = cli(Stream.concat(Stream.of("validate"), files.stream().map(Path::toString)).toArray(String[]::new));

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out().lines()).hasSize(files.size()).allMatch(l -> l.contains(": valid ("));
  }

  @ParameterizedTest
  @MethodSource("invalidCorpus")
  void validateRejectsEachInvalidFileWithItsLocation(Path file) {
    Result r = cli("validate", file.toString());

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).containsPattern(java.util.regex.Pattern.quote(file.toString()) + ":\\d+:\\d+: ");
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void planDescribesEachStepWithItsRevertAndArmCallsWithoutContactingAzure() {
    Result r = cli("plan", repo().resolve("experiments/nsg-partition.yaml").toString());

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("window:").contains("probes:").contains("revert: delete the rule")
        .contains("PUT").contains("securityRules/gameday-").contains("objectives:").contains("abort when:");
  }

  @Test
  void planShowsAPrometheusProbeWithItsQueryAsWritten() throws IOException {
    Path file = tmp.resolve("prometheus.yaml");
    Files.writeString(file, """
        apiVersion: gameday/v1
        kind: Experiment
        metadata: {name: prometheus-probe}
        window: {timezone: UTC, schedule: "0 2 * * TUE#1", duration: PT2H}
        azure: {subscription: 00000000-0000-0000-0000-00000000da7a}
        steadyState:
          probes:
            - name: error-ratio
              prometheus:
                url: https://prometheus.example.internal
                query: sum(rate(http_requests_total{code=~"5.."}[1m])) / sum(rate(http_requests_total[1m]))
                below: 0.02
        faults: [{name: wait, pause: {}, hold: 5m}]
        """);
    Result r = cli("plan", file.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("error-ratio: GET https://prometheus.example.internal/api/v1/query?query="
        + "sum(rate(http_requests_total{code=~\"5..\"}[1m])) / sum(rate(http_requests_total[1m])) every ")
        .contains("expect status [200] and every value < 0.02;");
  }

  @Test
  void planAsJsonIsParseable() throws Exception {
    Result r = cli("plan", repo().resolve("experiments/vm-poweroff.yaml").toString(), "--output", "json");

    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode plan = new ObjectMapper().readTree(r.out());
    assertThat(plan.path("steps").get(0).path("does").asText()).contains("power off").contains("start them");
  }

  @Test
  void schemaPrintsTheJsonSchema() throws Exception {
    Result r = cli("schema");

    assertThat(r.exit()).isZero();
    assertThat(new ObjectMapper().readTree(r.out()).path("$schema").asText()).contains("json-schema.org");
  }

  @Test
  void everyCommandHasHelp() {
    for (String sub : Main.commandLine().getSubcommands().keySet()) {
      Result r = cli(sub, "--help");
      assertThat(r.exit()).as(sub).isZero();
      assertThat(r.out()).as(sub).contains("Usage: gameday " + sub);
    }
  }

  @Test
  void versionNamesTheBuild() {
    Result r = cli("--version");

    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("gameday ").doesNotContain("unknown");
  }

  @Test
  void completionScriptCoversTheCommands() {
    Result r = cli("completion");

    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("complete -F").contains("validate").contains("rollback");
  }

  @Test
  void unknownOptionIsAUsageErrorWithASuggestion() {
    Result r = cli("validate", "--strictt", "x.yaml");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--strictt");
  }

  @Test
  void ignoringTheWindowNeedsAReason() {
    Result r = cli("run", repo().resolve("experiments/vm-poweroff.yaml").toString(), "--ignore-window",
        "--runs-dir", tmp.toString());

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--reason");
  }

  @Test
  void anUnknownProbeClientIsAUsageErrorNamingTheChoices() {
    Result r = cli("run", repo().resolve("experiments/vm-poweroff.yaml").toString(),
        "--runs-dir", tmp.toString(), "--probe-client", "curl");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--probe-client").contains("loop, okhttp").contains("curl");
    assertThat(tmp).isEmptyDirectory();
  }

  @Test
  void runsListsNothingInAnEmptyFolder() {
    Result r = cli("runs", "--runs-dir", tmp.toString());

    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("no runs");
  }

  @Test
  void windowsListsTheNextOpeningsOfTheExample() {
    Result r = cli("windows", repo().resolve("experiments/vm-poweroff.yaml").toString(), "--count", "3");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out().lines().filter(l -> l.contains(" to "))).hasSizeGreaterThanOrEqualTo(3);
  }
}
