package dev.gameday.reports.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gameday.reports.ReportWriter;
import dev.gameday.reports.Scenarios;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every way of changing a recorded run directory is caught, with a message that names the file
 * and, for the journal, the line.
 */
class TamperingTest {
  @TempDir Path dir;

  private Path recordedRun() throws IOException {
    Path run = Scenarios.vmPowerOffWithGap("shop", 95).writeTo(dir.resolve("run"));
    Files.writeString(run.resolve(EvidenceManifest.EXPERIMENT_COPY), "apiVersion: gameday/v1\n");
    new ReportWriter("0.1.0").write(run, Set.of());
    EvidenceManifest.write(run, null, "0.1.0");
    assertThat(Verifier.verify(run).problems()).isEmpty();
    return run;
  }

  private static List<String> lines(Path file) throws IOException {
    return new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
  }

  private static void write(Path file, List<String> lines) throws IOException {
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @ValueSource(strings = {"experiment.yaml", "report.html", "report.md", "report.json", "junit.xml"})
  void oneChangedByteInAnyFileIsNamed(String name) throws IOException {
    Path run = recordedRun();
    Path file = run.resolve(name);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 1;
    Files.write(file, bytes);

    assertThat(Verifier.verify(run).problems()).singleElement().asString()
        .startsWith(name + ": SHA-256 differs (recorded ");
  }

  @Test
  void oneChangedByteInTheJournalIsNamedWithItsLine() throws IOException {
    Path run = recordedRun();
    Path journal = run.resolve("journal.jsonl");
    List<String> lines = lines(journal);
    String line = lines.get(10);
    int at = line.indexOf("\"utc\":\"") + 20;
    lines.set(10, line.substring(0, at) + (char) (line.charAt(at) ^ 1) + line.substring(at + 1));
    write(journal, lines);

    assertThat(Verifier.verify(run).problems()).singleElement().asString()
        .startsWith("journal.jsonl:12 (seq 11): the hash chain breaks: line 11 was changed");
  }

  @Test
  void anEditedJournalLineWithARecomputedChainIsStillCaughtAtTheRecordedEnd() throws IOException {
    Path run = recordedRun();
    Path journal = run.resolve("journal.jsonl");
    List<String> lines = lines(journal);
    lines.set(lines.size() - 1, lines.getLast().replace("\"outcome\":", "\"outcome\" :"));
    write(journal, lines);

    assertThat(Verifier.verify(run).problems()).singleElement().asString()
        .startsWith("journal.jsonl:" + lines.size() + ": differs from the line evidence.json"
            + " recorded there");
  }

  @Test
  void twoReorderedJournalLinesAreNamed() throws IOException {
    Path run = recordedRun();
    Path journal = run.resolve("journal.jsonl");
    List<String> lines = lines(journal);
    String a = lines.get(6);
    lines.set(6, lines.get(7));
    lines.set(7, a);
    write(journal, lines);

    assertThat(Verifier.verify(run).problems()).singleElement().asString()
        .startsWith("journal.jsonl:7 (seq 7): the hash chain breaks: seq 7 comes after seq 5");
  }

  @Test
  void aDroppedLastJournalLineIsNamed() throws IOException {
    Path run = recordedRun();
    Path journal = run.resolve("journal.jsonl");
    List<String> lines = lines(journal);
    int recorded = lines.size();
    lines.removeLast();
    write(journal, lines);

    assertThat(Verifier.verify(run).problems()).singleElement().asString()
        .isEqualTo("journal.jsonl: ends at line " + (recorded - 1) + ", but evidence.json recorded "
            + recorded + " lines: the last 1 line(s) were removed");
  }

  @Test
  void evidenceIsNeverWrittenOverAnEditedJournal() throws IOException {
    Path run = recordedRun();
    Path journal = run.resolve("journal.jsonl");
    List<String> lines = lines(journal);
    lines.set(3, lines.get(3).replace("web-1", "web-2"));
    write(journal, lines);

    assertThatThrownBy(() -> JournalCheck.requireIntact(journal))
        .isInstanceOf(BrokenJournalException.class).hasMessageStartingWith("journal.jsonl:5 (seq 4)");
    assertThatThrownBy(() -> EvidenceManifest.write(run, null, "0.1.0"))
        .isInstanceOf(BrokenJournalException.class);
  }

  @Test
  void aCrashTruncatedJournalIsANoteNotTampering() throws IOException {
    Path run = Scenarios.vmPowerOffWithGap("shop", 95).writeTo(dir.resolve("crashed"));
    Path journal = run.resolve("journal.jsonl");
    String text = Files.readString(journal);
    Files.writeString(journal, text.substring(0, text.length() - 30));
    EvidenceManifest.write(run, null, "0.1.0");

    Verification v = Verifier.verify(run);

    assertThat(v.problems()).isEmpty();
    assertThat(v.notes()).filteredOn(n -> n.startsWith("journal.jsonl:")).singleElement()
        .asString().contains("the last line is incomplete");
  }
}
