package dev.gameday.runner.cli;

import static dev.gameday.runner.cli.CliTest.cli;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gameday.reports.evidence.Verification;
import dev.gameday.reports.evidence.Verifier;
import dev.gameday.reports.evidence.sign.PublicKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gameday evidence pack}: three signed runs of an experiment in a period go into one zip,
 * which verifies offline from the zip alone (the original runs deleted), with Gameday and with
 * openssl; runs of other experiments or outside the period stay out.
 */
public class EvidencePackTest {
  @TempDir Path tmp;

  /** Runs a command in {@code dir}; -1 when it is not installed. */
  public static int run(Path dir, String... cmd) throws Exception {
    Process p;
    try {
      p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    } catch (IOException e) {
      return -1;
    }
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return p.exitValue();
  }

  @Test
  void aPackOfThreeSignedRunsVerifiesOfflineFromTheZipAlone() throws Exception {
    assumeTrue(run(tmp, "openssl", "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out",
        "key.pem") == 0, "openssl is not installed");
    assertThat(run(tmp, "openssl", "pkey", "-in", "key.pem", "-pubout", "-out", "public.pem")).isZero();
    Path runs = tmp.resolve("runs");
    for (int i = 1; i <= 3; i++) {
      Path r = EvidenceCliTest.finishedRun(runs, "run-" + i, "shop",
          Instant.parse("2026-12-0" + i + "T02:00:00Z"));
      assertThat(cli("report", r.toString(), "--sign-key", tmp.resolve("key.pem").toString())
          .exit()).isZero();
    }
    EvidenceCliTest.finishedRun(runs, "other-experiment", "billing",
        Instant.parse("2026-12-02T02:00:00Z"));
    EvidenceCliTest.finishedRun(runs, "too-late", "shop", Instant.parse("2026-12-04T00:00:00Z"));
    Path zip = tmp.resolve("pack.zip");

    CliTest.Result pack = cli("evidence", "pack", "--experiment", "shop", "--from", "2026-12-01",
        "--to", "2026-12-03", "--runs-dir", runs.toString(), zip.toString());

    assertThat(pack.exit()).as(pack.err()).isZero();
    assertThat(pack.out()).contains("run-1: ").contains("verified").contains("(3 run(s))");
    deleteTree(runs);
    Path out = unzip(zip, tmp.resolve("unpacked"));
    List<String> packed;
    try (Stream<Path> s = Files.list(out.resolve("runs"))) {
      packed = s.map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertThat(packed).containsExactly("run-1", "run-2", "run-3");
    assertThat(out.resolve("README.md")).content().contains("gameday verify runs/<run> --key")
        .contains("openssl dgst -sha256 -verify");
    assertThat(out.resolve("index.html")).content().contains("runs/run-1").contains("runs/run-3")
        .contains("not a certification");
    assertThat(Files.readAllBytes(out.resolve("index.pdf"))).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
    for (String name : packed) {
      Path dir = out.resolve("runs").resolve(name);
      Verification v = Verifier.verify(dir, Optional.of(PublicKeys.read(tmp.resolve("public.pem"))));
      assertThat(v.problems()).as(name).isEmpty();
      assertThat(run(tmp, "openssl", "dgst", "-sha256", "-verify", tmp.resolve("public.pem").toString(),
          "-signature", dir.resolve("evidence.json.sig").toString(),
          dir.resolve("evidence.json").toString())).as(name).isZero();
    }
  }

  @Test
  void noMatchingRunIsAUsageError() throws Exception {
    EvidenceCliTest.finishedRun(tmp.resolve("runs"), "run-1");

    CliTest.Result pack = cli("evidence", "pack", "--experiment", "shop", "--from", "2027-01-01",
        "--to", "2027-01-31", "--runs-dir", tmp.resolve("runs").toString(),
        tmp.resolve("p.zip").toString());

    assertThat(pack.exit()).isEqualTo(2);
    assertThat(pack.err()).contains("no finished run of 'shop' started between 2027-01-01 and"
        + " 2027-01-31");
  }

  public static Path unzip(Path zip, Path into) throws IOException {
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        Path target = into.resolve(e.getName()).normalize();
        assertThat(target.startsWith(into)).as(e.getName()).isTrue();
        Files.createDirectories(target.getParent());
        Files.write(target, in.readAllBytes());
      }
    }
    return into;
  }

  public static void deleteTree(Path root) throws IOException {
    List<Path> all = new ArrayList<>();
    try (Stream<Path> s = Files.walk(root)) {
      s.forEach(all::add);
    }
    for (int i = all.size() - 1; i >= 0; i--) {
      Files.delete(all.get(i));
    }
  }
}
