package dev.gameday.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.gameday.core.model.ReportOptions.Format;
import dev.gameday.reports.history.RunSummary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins report.json and junit.xml byte for byte. To regenerate after an intended change, run
 * with {@code -Dgameday.golden.update=true} (or {@code GAMEDAY_GOLDEN_UPDATE=1}) and review the
 * diff.
 */
class GoldenReportTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  @TempDir Path dir;

  private static boolean update() {
    return Boolean.getBoolean("gameday.golden.update")
        || "1".equals(System.getenv("GAMEDAY_GOLDEN_UPDATE"));
  }

  private Path render(Format format) throws IOException {
    FixtureJournal j = Scenarios.vmPowerOffWithGap("shop-web-vm-poweroff", 95);
    Path run = j.writeTo(dir.resolve("run"));
    return new ReportWriter("0.1.0-golden").write(run, Set.of(format)).get(0);
  }

  private void assertGolden(Path actual, String goldenName) throws IOException {
    String text = Files.readString(actual, StandardCharsets.UTF_8);
    Path golden = GOLDEN.resolve(goldenName);
    if (update()) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, text, StandardCharsets.UTF_8);
    }
    assertThat(golden).as("golden file (regenerate with -Dgameday.golden.update=true)").exists();
    assertThat(text).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  /**
   * The summary a run store keeps of a finished run for history, read from its report.json:
   * pinned, and read back to the same figures.
   */
  @Test
  void aRunsStoredSummaryMatchesItsGoldenFileAndReadsBack() throws IOException {
    Path report = render(Format.json);
    Path run = report.getParent();
    RunSummary.Reported reported = RunSummary.readReport(report, run).orElseThrow();
    Path json = Files.write(dir.resolve("summary.json"), reported.toJson());

    assertGolden(json, "run-summary.json");
    assertThat(RunSummary.Reported.fromJson(reported.toJson(), run)).contains(reported);
    assertThat(reported.summary()).isEqualTo(RunSummary.fromReport(run).orElseThrow());
  }

  /** Runs at the edges, each pinned in report.json, junit.xml and report.md. */
  static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> edges() {
    return java.util.stream.Stream.of(
        org.junit.jupiter.params.provider.Arguments.of("aborted",
            Scenarios.abortedVmPowerOff("shop-aborted")),
        org.junit.jupiter.params.provider.Arguments.of("not-started",
            Scenarios.notStarted("shop-not-started")),
        org.junit.jupiter.params.provider.Arguments.of("never-failing-slow-app",
            Scenarios.neverFailingSlowApp("shop-slow")),
        org.junit.jupiter.params.provider.Arguments.of("negative-gap",
            Scenarios.nsgNegativeGap("shop-nsg")),
        org.junit.jupiter.params.provider.Arguments.of("test-failover-healthy-production",
            Scenarios.testFailoverHealthyProduction("shop-dr")),
        org.junit.jupiter.params.provider.Arguments.of("missed-by-less-than-rounding",
            Scenarios.gapMissedByLessThanRounding("shop-precise")));
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.MethodSource("edges")
  void reportsAtTheEdgesMatchTheirGoldenFiles(String name, FixtureJournal journal)
      throws Exception {
    Path run = journal.writeTo(dir.resolve(name));
    List<Path> files = new ReportWriter("0.1.0-golden").write(run,
        Set.of(Format.json, Format.junit, Format.md));
    for (Path f : files) {
      assertGolden(f, name + "/" + f.getFileName());
    }
    JsonNode report = new ObjectMapper().readTree(run.resolve("report.json").toFile());
    JsonSchema schema;
    try (InputStream in = getClass().getResourceAsStream("/report-v1.schema.json")) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    }
    assertThat(schema.validate(report)).isEmpty();
  }

  @Test
  void reportJsonMatchesTheGoldenFile() throws IOException {
    assertGolden(render(Format.json), "report.json");
  }

  @Test
  void junitXmlMatchesTheGoldenFile() throws IOException {
    assertGolden(render(Format.junit), "junit.xml");
  }

  @Test
  void reportJsonFollowsItsSchema() throws IOException {
    JsonNode report = new ObjectMapper().readTree(render(Format.json).toFile());
    JsonSchema schema;
    try (InputStream in = getClass().getResourceAsStream("/report-v1.schema.json")) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    }
    Set<ValidationMessage> errors = schema.validate(report);

    assertThat(errors).isEmpty();
    assertThat(report.path("reportVersion").asInt()).isEqualTo(1);
  }

  @Test
  void junitXmlIsWellFormedWithATestcasePerObjectiveAndStep() throws Exception {
    Path xml = render(Format.junit);
    var doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(xml.toFile());
    var suites = doc.getDocumentElement();
    var cases = doc.getElementsByTagName("testcase");

    assertThat(suites.getTagName()).isEqualTo("testsuites");
    assertThat(cases.getLength()).isEqualTo(1 + 4 + 1);
    assertThat(suites.getAttribute("tests")).isEqualTo("6");
    assertThat(suites.getAttribute("failures")).isEqualTo("3");
    assertThat(doc.getElementsByTagName("failure").item(0).getAttributes()
        .getNamedItem("message").getNodeValue()).contains("maxApplicationGap missed")
        .contains("95 s");
  }
}
