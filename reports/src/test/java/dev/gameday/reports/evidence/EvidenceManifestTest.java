package dev.gameday.reports.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gameday.core.digest.Sha256;
import dev.gameday.reports.ReportWriter;
import dev.gameday.reports.Scenarios;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceManifestTest {
  @TempDir Path dir;

  private Path runWithReports() throws IOException {
    Path run = Scenarios.vmPowerOffWithGap("shop", 95).writeTo(dir.resolve("run"));
    Files.writeString(run.resolve(EvidenceManifest.EXPERIMENT_COPY), "apiVersion: gameday/v1\n");
    new ReportWriter("0.1.0").write(run, Set.of());
    return run;
  }

  private Path experiment(Path folder) throws IOException {
    Files.createDirectories(folder);
    return Files.writeString(folder.resolve("shop.yaml"), "apiVersion: gameday/v1\nkind: Experiment\n");
  }

  private static JsonNode json(Path file) throws IOException {
    return new ObjectMapper().readTree(file.toFile());
  }

  @Test
  void recordsHashesOfTheJournalExperimentAndEveryReport() throws IOException {
    Path run = runWithReports();
    Path manifest = EvidenceManifest.write(run, experiment(dir.resolve("exp")), "0.1.0");
    JsonNode root = json(manifest);

    assertThat(root.path("files").findValuesAsText("path")).containsExactly("journal.jsonl",
        "experiment.yaml", "report.html", "report.md", "report.json", "junit.xml", "report.pdf");
    assertThat(root.path("files").get(0).path("sha256").asText())
        .isEqualTo(Sha256.of(run.resolve("journal.jsonl"))).hasSize(64);
    assertThat(root.path("experiment").path("sha256").asText()).hasSize(64);
    assertThat(root.path("toolVersion").asText()).isEqualTo("0.1.0");
    assertThat(root.path("run").path("operator").path("user").asText())
        .isEqualTo("sre@example.com");
    assertThat(root.path("run").path("startedUtc").asText()).isEqualTo("2026-03-03T02:00:00Z");
    assertThat(root.path("run").path("finishedUtc").asText()).isEqualTo("2026-03-03T02:06:40Z");
    assertThat(root.path("run").path("targets").path("web").get(0).asText())
        .isEqualTo(Scenarios.VM);
    assertThat(root.path("experiment").has("gitCommit")).isFalse();
    assertThat(root.path("files").get(0).path("lines").asLong())
        .isEqualTo(Files.readAllLines(run.resolve("journal.jsonl")).size());
    assertThat(root.path("files").get(0).path("lastLineSha256").asText()).isEqualTo(Sha256.hex(
        Files.readAllLines(run.resolve("journal.jsonl")).getLast().getBytes(StandardCharsets.UTF_8)));
    assertThat(Verifier.verify(run).problems()).isEmpty();
  }

  @Test
  void aDeletedReportIsCaught() throws IOException {
    Path run = runWithReports();
    EvidenceManifest.write(run, null, "0.1.0");
    Files.delete(run.resolve("junit.xml"));

    assertThat(Verifier.verify(run).problems()).containsExactly("junit.xml: missing");
  }

  @Test
  void withoutAManifestThereIsNothingToVerify() throws IOException {
    assertThat(Verifier.verify(runWithReports()).problems()).singleElement().asString()
        .contains("evidence.json: missing");
  }

  @Test
  void recordsTheGitCommitOfTheExperimentsRepository() throws Exception {
    Path repo = dir.resolve("repo");
    Path experiment = experiment(repo);
    assumeTrue(git(repo, "init", "-q") == 0, "git is not installed");
    git(repo, "add", "shop.yaml");
    assertThat(git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q",
        "-m", "x")).isZero();
    Path run = runWithReports();

    JsonNode root = json(EvidenceManifest.write(run, experiment, "0.1.0"));

    assertThat(root.path("experiment").path("gitCommit").asText()).matches("[0-9a-f]{40}");
  }

  private static int git(Path dir, String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
    cmd.addAll(List.of(args));
    Process p;
    try {
      p = new ProcessBuilder(cmd).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      return -1;
    }
    if (!p.waitFor(10, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return -1;
    }
    return p.exitValue();
  }

}
