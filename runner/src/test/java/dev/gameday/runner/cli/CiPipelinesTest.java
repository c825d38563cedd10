package dev.gameday.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The CI files users copy ({@code integrations/github}, {@code integrations/azure-devops}):
 * they parse, carry the steps docs/ci.md promises (OIDC, junit as a check or test results, the
 * report in the summary, the run directory as an artifact even on failure, exit 5 failing the
 * job), and every {@code scripts/gameday} command line in them parses with Gameday's own CLI
 * parser. Not run here: the files on GitHub or Azure DevOps themselves.
 */
class CiPipelinesTest {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final Path GITHUB = CliTest.repo().resolve("integrations/github/gameday.yml");
  static final Path AZURE_DEVOPS = CliTest.repo().resolve("integrations/azure-devops/azure-pipelines.yml");
  static final Pattern COMMAND = Pattern.compile("scripts/gameday ([^\\n]+)");

  /** Every gameday command line in the file's scripts, continuations joined. */
  static List<List<String>> commandLines(JsonNode tree) {
    List<List<String>> out = new ArrayList<>();
    List<JsonNode> strings = new ArrayList<>();
    collect(tree, strings);
    for (JsonNode s : strings) {
      Matcher m = COMMAND.matcher(s.asText().replace("\\\n", " "));
      while (m.find()) {
        out.add(words(m.group(1)));
      }
    }
    return out;
  }

  static void collect(JsonNode n, List<JsonNode> out) {
    if (n.isTextual()) {
      out.add(n);
    }
    n.forEach(c -> collect(c, out));
  }

  /** Shell words, with quotes removed and CI expressions standing for one word each. */
  static List<String> words(String line) {
    String plain = line.replaceAll("\\$\\{\\{[^}]*}}", "EXPR").replace("\"", "");
    List<String> out = new ArrayList<>();
    for (String w : plain.trim().split("\\s+")) {
      out.add(w);
    }
    return out;
  }

  static void assertEveryCommandParses(JsonNode tree, String... expectedVerbs) {
    List<List<String>> lines = commandLines(tree);
    assertThat(lines).extracting(l -> l.getFirst()).contains(expectedVerbs);
    for (List<String> args : lines) {
      CommandLine.ParseResult parsed = Main.commandLine().parseArgs(args.toArray(String[]::new));
      assertThat(parsed.hasSubcommand()).as(String.join(" ", args)).isTrue();
    }
  }

  @Test
  void theGitHubWorkflowUsesOidcPublishesResultsAndEveryCommandParses() throws Exception {
    JsonNode wf = YAML.readTree(GITHUB.toFile());
    JsonNode on = wf.has("on") ? wf.path("on") : wf.path("true");
    assertThat(on.has("workflow_dispatch") && on.has("schedule") && on.has("pull_request")).isTrue();
    assertThat(wf.path("permissions").path("id-token").asText()).isEqualTo("write");
    JsonNode steps = wf.path("jobs").path("gameday").path("steps");
    String all = steps.toString();
    assertThat(all).contains("GITHUB_STEP_SUMMARY", "actions/upload-artifact", "junit.xml")
        .doesNotContain("azure/login");
    for (JsonNode step : steps) {
      String uses = step.path("uses").asText();
      if (uses.startsWith("actions/upload-artifact") || uses.startsWith("mikepenz/action-junit-report")) {
        assertThat(step.path("if").asText()).as(uses + " runs even on failure").isEqualTo("always()");
      }
    }
    String results = steps.get(steps.size() - 1).path("run").asText();
    assertThat(results).contains("5)").containsPattern("5\\).*exit 5");
    assertThat(CliTest.repo().resolve("experiments/vm-poweroff.yaml")).exists();
    assertEveryCommandParses(wf, "validate", "run");
  }

  @Test
  void theAzurePipelineUsesWorkloadIdentityPublishesResultsAndEveryCommandParses()
      throws Exception {
    JsonNode p = YAML.readTree(AZURE_DEVOPS.toFile());
    JsonNode steps = p.path("jobs").get(0).path("steps");
    Map<String, JsonNode> tasks = new java.util.HashMap<>();
    steps.forEach(s -> {
      if (s.has("task")) {
        tasks.put(s.path("task").asText(), s);
      }
    });
    assertThat(tasks).containsKeys("AzureCLI@2", "PublishTestResults@2", "PublishPipelineArtifact@1");
    assertThat(tasks.get("AzureCLI@2").path("env").path("SYSTEM_ACCESSTOKEN").asText())
        .isEqualTo("$(System.AccessToken)");
    assertThat(tasks.get("PublishTestResults@2").path("inputs").path("testResultsFormat").asText())
        .isEqualTo("JUnit");
    assertThat(tasks.get("PublishTestResults@2").path("condition").asText()).isEqualTo("always()");
    assertThat(tasks.get("PublishPipelineArtifact@1").path("condition").asText()).isEqualTo("always()");
    assertThat(p.path("schedules")).isNotEmpty();
    assertEveryCommandParses(p, "validate", "run");
  }

  @Test
  void aCommandLineWithAnOptionGamedayDoesNotKnowIsCaught() {
    var args = words("run EXPR --runs-dir gameday-runs --notfy teams=X");
    org.assertj.core.api.Assertions.assertThatThrownBy(() ->
        Main.commandLine().parseArgs(args.toArray(String[]::new)))
        .isInstanceOf(CommandLine.ParameterException.class);
  }

  @Test
  void validateAnnotatesEachProblemInGitHubActions() throws Exception {
    Path bad = CliTest.repo().resolve("core/src/test/resources/invalid/endpoint-not-https.yaml");
    for (boolean github : new boolean[] {true, false}) {
      ValidateCommand command = new ValidateCommand();
      command.env = Map.of("GITHUB_ACTIONS", String.valueOf(github))::get;
      CommandLine cli = new CommandLine(command);
      StringWriter out = new StringWriter();
      cli.setOut(new PrintWriter(out, true));
      cli.setErr(new PrintWriter(new StringWriter(), true));
      assertThat(cli.execute(bad.toString())).isEqualTo(2);
      if (github) {
        assertThat(out.toString()).contains("::error file=" + bad.toString().replace(":", "%3A")
            + ",line=11,col=13,title=gameday validate::azure.endpoint must use https://, not http://");
      } else {
        assertThat(out.toString()).doesNotContain("::error");
      }
    }
  }
}
