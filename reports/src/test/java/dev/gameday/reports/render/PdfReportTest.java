package dev.gameday.reports.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gameday.core.audit.ControlCatalogue;
import dev.gameday.core.model.Audit;
import dev.gameday.reports.Scenarios;
import dev.gameday.reports.analysis.Analysis;
import dev.gameday.reports.analysis.RecoveryGapAnalyzer;
import dev.gameday.reports.evidence.EvidencedControls;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.pdf as poppler reads it: every page rendered to PNG by {@code pdftoppm}, every page's text
 * by {@code pdftotext}. The run id, the experiment's SHA-256 and "page N of M" must be on every
 * page; the evidence manifest and the signing key's fingerprint on the last.
 */
class PdfReportTest {
  @TempDir Path dir;

  private String tool(String... cmd) throws Exception {
    Process p;
    try {
      p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    } catch (IOException e) {
      assumeTrue(false, cmd[0] + " is not installed (poppler-utils)");
      return null;
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  @Test
  void everyPageCarriesTheRunIdTheExperimentHashAndItsNumberAndTheLastTheEvidence()
      throws Exception {
    Path run = Scenarios.vmPowerOffWithGap("shop", 95).writeTo(dir.resolve("run"));
    Analysis a = new RecoveryGapAnalyzer().analyze(run.resolve("journal.jsonl"));
    String fingerprint = "SHA256:" + "4f".repeat(32);
    PdfReport.EvidencePage evidence = new PdfReport.EvidencePage(new EvidencedControls(
        Optional.of(new Audit(Optional.of("cab@example.com"), Optional.of("CHG0012345"),
            List.of("SOC2:A1.3"))),
        ControlCatalogue.evidencedBy(Map.of("web-power-off", "vm.powerOff"), Set.of("rto"),
            Set.of("SOC2:A1.3"), true)),
        List.of(
        new PdfReport.FileHash("journal.jsonl", 1234, "a1".repeat(32)),
        new PdfReport.FileHash("report.html", 99, "b2".repeat(32))),
        Optional.of(new PdfReport.SigningKey("pem", "operator.pem", "ES256", fingerprint)));

    Path pdf = Files.write(dir.resolve("report.pdf"), new PdfReport("0.1.0").render(a, evidence));

    tool("pdftoppm", "-r", "50", "-png", pdf.toString(), dir.resolve("page").toString());
    List<Path> pngs;
    try (Stream<Path> s = Files.list(dir)) {
      pngs = s.filter(p -> p.getFileName().toString().matches("page-\\d+\\.png")).sorted().toList();
    }
    int pages = pngs.size();
    assertThat(pages).isGreaterThanOrEqualTo(2);
    assertThat(pngs).allSatisfy(p -> assertThat(Files.size(p)).isPositive());
    List<String> texts = new ArrayList<>();
    for (int page = 1; page <= pages; page++) {
      texts.add(tool("pdftotext", "-layout", "-f", "" + page, "-l", "" + page, pdf.toString(),
          "-"));
    }
    for (int page = 1; page <= pages; page++) {
      assertThat(texts.get(page - 1)).as("page " + page)
          .contains("Gameday run " + a.run().runId())
          .contains("experiment SHA-256 " + a.run().experimentSha256())
          .contains("page " + page + " of " + pages);
    }
    assertThat(texts.getFirst()).contains("Recovery-gap report: shop").contains("web-power-off");
    String all = String.join("\n", texts);
    assertThat(all).contains("What this run evidences").contains("CHG0012345")
        .contains("cab@example.com").contains("SOC 2 (2017 TSC) A1.3")
        .contains("ISO 22301:2019 clause 8.5").contains("not a certification");
    String last = texts.getLast();
    assertThat(last).contains("Evidence manifest").contains("journal.jsonl")
        .contains("a1".repeat(32)).contains(fingerprint).contains("ES256")
        .contains("openssl dgst -sha256 -verify PUBLIC.pem");
  }

  @Test
  void textOutsideTheStandardFontsIsReplacedNotDropped() {
    assertThat(PdfReport.text("60 s \u2192 95 s \u2705 caf\u00e9")).isEqualTo("60 s -> 95 s ? caf\u00e9");
  }
}
