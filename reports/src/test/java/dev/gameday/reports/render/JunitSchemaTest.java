package dev.gameday.reports.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gameday.core.event.Phase;
import dev.gameday.core.model.ReportOptions.Format;
import dev.gameday.reports.FixtureJournal;
import dev.gameday.reports.ReportWriter;
import dev.gameday.reports.Scenarios;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.SAXException;

/**
 * junit.xml is valid against the schema the Jenkins xUnit plugin validates JUnit reports with
 * ({@code src/test/resources/schema/xunit-junit-10.xsd}, its source noted in the file), for a
 * passing run, a missed objective, a step that did not run and a run that never finished.
 */
class JunitSchemaTest {
  @TempDir Path dir;

  private static Schema schema() throws SAXException {
    SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    return f.newSchema(new StreamSource(JunitSchemaTest.class
        .getResourceAsStream("/schema/xunit-junit-10.xsd")));
  }

  private Path junit(String name, FixtureJournal journal) throws IOException {
    return new ReportWriter("0.1.0-test").write(journal.writeTo(dir.resolve(name)),
        Set.of(Format.junit)).get(0);
  }

  private static void validate(Path xml) throws SAXException, IOException {
    schema().newValidator().validate(new StreamSource(xml.toFile()));
  }

  @Test
  void aRunThatMissedAnObjectiveIsValid() throws Exception {
    Path xml = junit("missed", Scenarios.vmPowerOffWithGap("shop", 95));
    assertThat(java.nio.file.Files.readString(xml)).contains("<failure");
    validate(xml);
  }

  @Test
  void aPassingRunIsValid() throws Exception {
    validate(junit("passed", Scenarios.vmPowerOffWithGap("shop", 5)));
  }

  @Test
  void aRunThatNeverFinishedWithAStepThatDidNotRunIsValid() throws Exception {
    FixtureJournal j = Scenarios.standardStart("shop", List.of(Scenarios.vmStep(),
        Scenarios.nsgStep()));
    Scenarios.vmPowerOff(j, 60, 10, false);
    j.add(200, at -> new dev.gameday.core.event.TimelineEvent.PhaseStarted(at, Phase.VERIFY,
        Optional.empty()));
    Path xml = junit("unfinished", j);
    assertThat(java.nio.file.Files.readString(xml)).contains("<error").contains("<skipped");
    validate(xml);
  }

  @Test
  void theSchemaRefusesWhatJenkinsRefuses() throws Exception {
    Path bad = java.nio.file.Files.writeString(dir.resolve("bad.xml"),
        "<testsuites skipped=\"1\"><testsuite name=\"x\" tests=\"0\" failures=\"0\" errors=\"0\"/>"
            + "</testsuites>");
    assertThatThrownBy(() -> validate(bad)).isInstanceOf(SAXException.class)
        .hasMessageContaining("skipped");
  }
}
