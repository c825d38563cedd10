package dev.gameday.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.core.journal.JournalFormat;
import dev.gameday.core.model.ReportOptions.Format;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad journals still give every report, with a banner that says what is missing. */
class ReportWriterTest {
  @TempDir Path dir;

  private final ReportWriter writer = new ReportWriter("0.1.0-test");

  private List<Path> writeAll(Path runDir) throws IOException {
    return writer.write(runDir, Set.of());
  }

  private String read(Path runDir, String name) throws IOException {
    return Files.readString(runDir.resolve(name), StandardCharsets.UTF_8);
  }

  @Test
  void writesEveryFormatIntoTheRunDirectory() throws IOException {
    Path run = Scenarios.vmPowerOffWithGap("shop", 95).writeTo(dir.resolve("run"));
    List<Path> files = writeAll(run);

    assertThat(files).extracting(p -> p.getFileName().toString())
        .containsExactlyInAnyOrder("report.html", "report.md", "report.json", "junit.xml",
            "report.pdf");
    assertThat(read(run, "report.md")).contains("OBJECTIVES_MISSED").contains("95 s")
        .contains("maxApplicationGap");
    assertThat(run.resolve("report.html.tmp")).doesNotExist();
  }

  /**
   * Azure's instants known less precisely than the probes are stated with their bracket; those
   * known at least as precisely are not. The VM fixture's journal has no bracket (the request is
   * its lower end: 12 s and 48 s wide against 1 s probes); the NSG one's are 0.4 s and 0.6 s.
   */
  @Test
  void theHtmlStatesABracketWiderThanTheProbeIntervalAndOnlyThen() throws IOException {
    Path vm = Scenarios.vmPowerOffWithGap("shop", 95).writeTo(dir.resolve("vm"));
    Path nsg = Scenarios.nsgNegativeGap("shop-nsg").writeTo(dir.resolve("nsg"));
    writeAll(vm);
    writeAll(nsg);

    assertThat(read(vm, "report.html"))
        .contains("Azure&#39;s fault in force is known to within 12 s")
        .contains("Azure&#39;s platform restored is known to within 48 s")
        .contains("wider than the probe interval of 1.0 s");
    assertThat(read(nsg, "report.html")).doesNotContain("is known to within");
  }

  @Test
  void htmlAndJsonSayWhatTheRunEvidencesAsThePdfDoes() throws IOException {
    Path run = Scenarios.testFailoverHealthyProduction("dr").writeTo(dir.resolve("run"));
    writer.write(run, Set.of(Format.html, Format.json));

    assertThat(read(run, "report.html")).contains("<h2>What this run evidences</h2>")
        .contains("DORA (EU 2022/2554) Art. 12")
        .contains("step &#39;dr-drill&#39; failed the workload over with Site Recovery")
        .contains("It is not a certification");
    com.fasterxml.jackson.databind.JsonNode evidences = new com.fasterxml.jackson.databind
        .ObjectMapper().readTree(read(run, "report.json")).path("evidences");
    assertThat(evidences.path("controls").findValuesAsText("id")).contains("DORA:Art.12",
        "SOC2:A1.3", "ISO22301:8.5");
    assertThat(evidences.path("audit").path("approver").isNull()).isTrue();
    assertThat(evidences.path("disclaimer").asText()).contains("not a certification");
  }

  @Test
  void aRunThatNeverInjectedClaimsNoControl() throws IOException {
    Path run = Scenarios.notStarted("shop").writeTo(dir.resolve("run"));
    writer.write(run, Set.of(Format.html, Format.json));

    assertThat(read(run, "report.html"))
        .contains("No control in Gameday's catalogue is spoken to by this run.");
    assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(read(run,
        "report.json")).path("evidences").path("controls")).isEmpty();
  }

  @Test
  void writesOnlyTheFormatsAsked() throws IOException {
    Path run = Scenarios.vmPowerOffWithGap("shop", 95).writeTo(dir.resolve("run"));
    List<Path> files = writer.write(run, Set.of(Format.md));

    assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("report.md");
    assertThat(run.resolve("report.html")).doesNotExist();
  }

  @Test
  void aTruncatedJournalGivesAReportWithABanner() throws IOException {
    Path run = Scenarios.vmPowerOffWithGap("shop", 95).writeTo(dir.resolve("run"));
    Path journal = run.resolve(JournalFormat.FILE_NAME);
    byte[] all = Files.readAllBytes(journal);
    Files.write(journal, java.util.Arrays.copyOf(all, all.length / 2 - 7));
    writeAll(run);

    assertThat(read(run, "report.html")).contains("class=\"banner\"")
        .contains("the last line is incomplete").contains("INCOMPLETE");
    assertThat(read(run, "report.md")).contains("the last line is incomplete");
    assertThat(read(run, "junit.xml")).contains("<error message=").contains("RunIncomplete");
    assertThat(read(run, "report.json")).contains("\"truncated\" : true");
  }

  @Test
  void aJournalFromANewerGamedayGivesAReportThatSaysSo() throws IOException {
    Path run = dir.resolve("run");
    Files.createDirectories(run);
    Files.writeString(run.resolve(JournalFormat.FILE_NAME),
        "{\"journal\":\"gameday\",\"version\":7}\n{\"seq\":1,\"type\":\"run.started2\"}\n");
    writeAll(run);

    assertThat(read(run, "report.html")).contains("journal format version 7 is newer")
        .contains("INCOMPLETE");
    assertThat(read(run, "report.json")).contains("\"verdict\" : \"INCOMPLETE\"");
  }

  @Test
  void aRunWithOnlyItsStartSaysNoFaultRan() throws IOException {
    Path run = new FixtureJournal()
        .add(0, at -> new dev.gameday.core.event.TimelineEvent.RunStarted(at, "r1", "shop",
            "Shop", "shop.yaml", "", "", "0.1.0", java.util.Map.of("user", "me"),
            java.util.Optional.empty()))
        .writeTo(dir.resolve("run"));
    writeAll(run);

    String html = read(run, "report.html");
    assertThat(html).contains("No fault step ran").contains("did not finish")
        .contains("no run.plan");
    assertThat(read(run, "report.md")).contains("INCOMPLETE");
  }

  @Test
  void aRunWithoutRunFinishedIsIncompleteAndPointsAtRollback() throws IOException {
    FixtureJournal j = Scenarios.standardStart("killed", List.of(Scenarios.vmStep()));
    Scenarios.vmPowerOff(j, 60, 0, false);
    j.samples("storefront", 1, 100, 1,
        dev.gameday.core.event.TimelineEvent.Outcome.OK, 40);
    Path run = j.writeTo(dir.resolve("run"));
    writeAll(run);

    assertThat(read(run, "report.html")).contains("no run.finished").contains("gameday rollback");
    assertThat(read(run, "report.json")).contains("\"verdict\" : \"INCOMPLETE\"");
  }

  @Test
  void aMissingJournalStillGivesAReport() throws IOException {
    Path run = dir.resolve("empty-run");
    Files.createDirectories(run);
    writeAll(run);

    assertThat(read(run, "report.html")).contains("no journal here");
  }
}
