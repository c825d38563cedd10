package dev.gameday.runner.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gameday.runner.cli.EvidencePackTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What an auditor is handed: three signed sandbox runs of one experiment (real faults, real
 * probes, each run by the CLI in its own process) packed with {@code gameday evidence pack}; the
 * original runs are deleted, and every run in the zip verifies offline, with {@code gameday
 * verify --key} and with the {@code openssl} command the pack's README gives.
 */
class EvidencePackEndToEndTest extends WithSandbox {
  private static final Duration RUN_LIMIT = Duration.ofMinutes(2);

  @Test
  void aPackOfThreeSignedSandboxRunsVerifiesOfflineFromTheZipAlone() throws Exception {
    Path work = Files.createDirectories(tmp.resolve("pack-e2e"));
    assumeTrue(EvidencePackTest.run(work, "openssl", "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out",
        "key.pem") == 0, "openssl is not installed");
    assertThat(EvidencePackTest.run(work, "openssl", "pkey", "-in", "key.pem", "-pubout", "-out", "public.pem"))
        .isZero();
    Path runs = work.resolve("runs");
    Map<String, String> env = GamedayProcess.env(sandbox, runs);
    Path yaml = Files.writeString(work.resolve("vm-poweroff.yaml"), Files.readString(
            GamedayProcess.repo().resolve("experiments/sandbox/vm-poweroff.yaml"))
        .replace("baseline: PT5S", "baseline: PT2S").replace("hold: PT15S", "hold: PT2S"));
    for (int i = 1; i <= 3; i++) {
      Path log = work.resolve("run-" + i + ".log");
      int exit = GamedayProcess.run(env, log, RUN_LIMIT, "run", yaml.toString(), "--runs-dir",
          runs.toString(), "--sign-key", work.resolve("key.pem").toString());
      assertThat(exit).as(Files.readString(log)).isIn(0, 1);
      assertSandboxAsItWas();
    }
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Path zip = work.resolve("pack.zip");
    Path packLog = work.resolve("pack.log");

    int packed = GamedayProcess.run(env, packLog, RUN_LIMIT, "evidence", "pack", "--experiment",
        "sandbox-web-vm-poweroff", "--from", today.minusDays(1).toString(), "--to",
        today.plusDays(1).toString(), "--runs-dir", runs.toString(), zip.toString());

    assertThat(packed).as(Files.readString(packLog)).isZero();
    assertThat(Files.readString(packLog)).contains("(3 run(s))");
    EvidencePackTest.deleteTree(runs);
    Path out = EvidencePackTest.unzip(zip, work.resolve("unpacked"));
    List<Path> dirs;
    try (Stream<Path> s = Files.list(out.resolve("runs"))) {
      dirs = s.sorted().toList();
    }
    assertThat(dirs).hasSize(3);
    String index = Files.readString(out.resolve("index.html"));
    for (Path dir : dirs) {
      assertThat(index).contains("runs/" + dir.getFileName());
      Path log = work.resolve("verify-" + dir.getFileName() + ".log");
      assertThat(GamedayProcess.run(env, log, RUN_LIMIT, "verify", dir.toString(), "--key",
          work.resolve("public.pem").toString())).as(Files.readString(log)).isZero();
      assertThat(EvidencePackTest.run(work, "openssl", "dgst", "-sha256", "-verify", "public.pem", "-signature",
          dir.resolve("evidence.json.sig").toString(), dir.resolve("evidence.json").toString()))
          .as(dir.toString()).isZero();
    }
  }
}
