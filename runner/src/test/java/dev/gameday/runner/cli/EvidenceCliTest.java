package dev.gameday.runner.cli;

import static dev.gameday.runner.cli.CliTest.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.core.event.Phase;
import dev.gameday.core.event.RunOutcome;
import dev.gameday.core.event.Stamp;
import dev.gameday.core.event.TimelineEvent;
import dev.gameday.core.journal.JournalWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report} and {@code verify} over a recorded run directory, as an auditor uses them. */
class EvidenceCliTest {
  static final String VM = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/web-1";

  @TempDir Path tmp;

  /** A finished run's journal (no reports yet), as the runner writes it. */
  static Path finishedRun(Path root, String name) throws Exception {
    return finishedRun(root, name, "shop", Instant.parse("2026-12-01T01:00:00Z"));
  }

  /** As above, of {@code experiment}, started at {@code t0}. */
  static Path finishedRun(Path root, String name, String experiment, Instant t0) throws Exception {
    Path dir = Files.createDirectories(root.resolve(name));
    try (JournalWriter w = JournalWriter.create(dir.resolve("journal.jsonl"))) {
      w.append(new TimelineEvent.RunStarted(new Stamp(t0, 0), "id-" + name, experiment, "Shop", "/e.yaml",
          "sha", "apiVersion: gameday/v1\n", "t", Map.of("user", "sre@example.com"), Optional.empty()));
      w.append(new TimelineEvent.TargetsResolved(new Stamp(t0, 0), Map.of("web", List.of(VM))));
      w.append(new TimelineEvent.PhaseStarted(new Stamp(t0, 0), Phase.BASELINE, Optional.empty()));
      for (int i = 0; i < 20; i++) {
        Stamp at = new Stamp(t0.plusMillis(500L * i), 500_000_000L * i);
        w.append(new TimelineEvent.ProbeSample(at, "storefront", at.mono(), at.mono(),
            at.mono() + 20_000_000L, 200, TimelineEvent.Outcome.OK, ""));
      }
      w.append(new TimelineEvent.RunFinished(new Stamp(t0.plusSeconds(10), 10_000_000_000L),
          RunOutcome.PASSED, 0, "ok"));
    }
    Files.writeString(dir.resolve("experiment.yaml"), "apiVersion: gameday/v1\n");
    return dir;
  }

  @Test
  void aRenderedRunVerifies() throws Exception {
    Path run = finishedRun(tmp, "run-1");

    assertThat(cli("report", run.toString()).exit()).isZero();
    CliTest.Result verify = cli("verify", run.toString());

    assertThat(verify.exit()).as(verify.err()).isZero();
    assertThat(verify.out()).contains("every file matches its evidence record");
  }

  @Test
  void aSignedRunReRenderedTwiceVerifiesWithTheOperatorsPublicKey() throws Exception {
    Path run = finishedRun(tmp, "run-1");
    Process gen = new ProcessBuilder("openssl", "genpkey", "-algorithm", "ed25519", "-out",
        tmp.resolve("key.pem").toString()).redirectErrorStream(true).start();
    org.junit.jupiter.api.Assumptions.assumeTrue(gen.waitFor() == 0, "openssl genpkey failed");
    assertThat(new ProcessBuilder("openssl", "pkey", "-in", tmp.resolve("key.pem").toString(),
        "-pubout", "-out", tmp.resolve("public.pem").toString()).start().waitFor()).isZero();
    String key = tmp.resolve("key.pem").toString();

    assertThat(cli("report", run.toString(), "--sign-key", key).exit()).isZero();
    assertThat(cli("report", run.toString(), "--sign-key", key).exit()).isZero();
    CliTest.Result verify = cli("verify", run.toString(), "--key", tmp.resolve("public.pem").toString());

    assertThat(run.resolve("evidence-rerender-1.json")).exists();
    assertThat(run.resolve("evidence-rerender-1.json.sig")).exists();
    assertThat(verify.exit()).as(verify.err()).isZero();
    assertThat(verify.out()).contains("evidence.json: signature valid (Ed25519, pem key key.pem")
        .contains("evidence-rerender-1.json: signature valid")
        .contains("signed by the key given");
  }

  @Test
  void aPemKeyAndAKeyVaultKeyTogetherAreAUsageError() throws Exception {
    Path run = finishedRun(tmp, "run-1");

    CliTest.Result report = cli("report", run.toString(), "--sign-key", "a.pem", "--sign-key-vault",
        "https://example.vault.azure.net/keys/k");

    assertThat(report.exit()).isEqualTo(2);
    assertThat(report.err()).contains("either --sign-key or --sign-key-vault, not both");
  }

  @Test
  void anUnreadableSigningKeyIsAUsageError() throws Exception {
    Path run = finishedRun(tmp, "run-1");
    Files.writeString(tmp.resolve("bad.pem"), "not a key\n");

    CliTest.Result report = cli("report", run.toString(), "--sign-key", tmp.resolve("bad.pem").toString());

    assertThat(report.exit()).isEqualTo(2);
    assertThat(report.err()).contains("bad.pem: no PEM object in the file");
    assertThat(run.resolve("evidence.json")).doesNotExist();
  }

  @Test
  void reportRefusesAJournalEditedAfterTheRunAndVerifyNamesTheLine() throws Exception {
    Path run = finishedRun(tmp, "run-1");
    assertThat(cli("report", run.toString()).exit()).isZero();
    Path journal = run.resolve("journal.jsonl");
    List<String> lines = new ArrayList<>(Files.readAllLines(journal, StandardCharsets.UTF_8));
    lines.set(10, lines.get(10).replace("\"ended\":", "\"ended\":1"));
    Files.writeString(journal, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);

    CliTest.Result report = cli("report", run.toString());
    CliTest.Result verify = cli("verify", run.toString());

    assertThat(report.exit()).isEqualTo(1);
    assertThat(report.err()).contains("journal.jsonl:12 (seq 11): the hash chain breaks: line 11 was"
        + " changed").contains("refusing to render reports");
    assertThat(verify.exit()).isEqualTo(1);
    assertThat(verify.err()).contains("journal.jsonl:12 (seq 11)").contains("VERIFICATION FAILED");
  }
}
