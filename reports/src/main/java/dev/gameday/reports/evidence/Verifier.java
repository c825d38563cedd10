package dev.gameday.reports.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.core.digest.Sha256;
import dev.gameday.core.journal.JournalFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a run directory against its evidence records ({@link EvidenceRecords}): each record's
 * signature, the link from each re-render record to the record before it, the journal's hash
 * chain against the end every record saw, and the SHA-256 of every other file against the latest
 * record (and the experiment file, if it is still where that record says). Every problem names
 * the file, and for the journal the line; no problems means the run directory is as recorded.
 */
public final class Verifier {
  private Verifier() {}

  public static Verification verify(Path runDir) throws IOException {
    return verify(runDir, Optional.empty());
  }

  /** As {@link #verify(Path)}; with {@code key}, every record must be signed by that key. */
  public static Verification verify(Path runDir, Optional<PublicKey> key) throws IOException {
    List<Path> records = EvidenceRecords.list(runDir);
    if (records.isEmpty()) {
      return new Verification(List.of(EvidenceManifest.FILE_NAME
          + ": missing, nothing to verify against"), List.of());
    }
    List<String> problems = new ArrayList<>();
    Verification result = new Verification(List.of(), List.of());
    List<JournalCheck.Named> journalViews = new ArrayList<>();
    JsonNode latest = null;
    Path previous = null;
    for (Path record : records) {
      String name = record.getFileName().toString();
      JsonNode root;
      try {
        root = JournalFormat.mapper().readTree(record.toFile());
      } catch (IOException e) {
        problems.add(name + ": unreadable: " + e.getMessage());
        continue;
      }
      result = result.plus(SignatureCheck.check(record, root, key));
      linkToPrevious(problems, name, root.path("record").path("previous"), previous, runDir);
      for (JsonNode e : EvidenceManifest.entries(root)) {
        JournalCheck.Recorded r = JournalCheck.Recorded.of(e);
        if (e.path("path").asText().equals(JournalFormat.FILE_NAME) && r != null) {
          journalViews.add(new JournalCheck.Named(name, r, record == records.getLast()));
        }
      }
      latest = root;
      previous = record;
    }
    if (latest == null) {
      return result.plus(new Verification(problems, List.of()));
    }
    Path journal = runDir.resolve(JournalFormat.FILE_NAME);
    Verification chain = new Verification(List.of(), List.of());
    if (!journalViews.isEmpty() && Files.isRegularFile(journal)) {
      chain = JournalCheck.check(journal, journalViews);
    }
    checkFiles(problems, runDir, latest, chain.passed());
    return chain.plus(result).plus(new Verification(problems, List.of()));
  }

  /** A re-render record names the record before it by SHA-256; that record must be unchanged. */
  private static void linkToPrevious(List<String> problems, String name, JsonNode link,
      Path previous, Path runDir) throws IOException {
    if (link.isMissingNode()) {
      if (previous != null) {
        problems.add(name + ": does not name the record before it (" + previous.getFileName()
            + ")");
      }
      return;
    }
    String expected = link.path("path").asText();
    if (previous == null || !previous.getFileName().toString().equals(expected)) {
      problems.add(expected + ": missing (" + name + " names it as the record before it)");
      return;
    }
    String now = Sha256.of(previous);
    if (!now.equals(link.path("sha256").asText())) {
      problems.add(expected + ": changed after " + name + " was written (recorded SHA-256 "
          + link.path("sha256").asText() + ", now " + now + ")");
    }
  }

  /** Every file the latest record lists; the journal's hash only when its chain told nothing. */
  private static void checkFiles(List<String> problems, Path runDir, JsonNode latest,
      boolean journalChainPassed) throws IOException {
    List<JsonNode> entries = EvidenceManifest.entries(latest);
    if (entries.isEmpty()) {
      problems.add(EvidenceManifest.FILE_NAME + ": lists no files");
    }
    for (JsonNode e : entries) {
      String name = e.path("path").asText();
      Path file = runDir.resolve(name).normalize();
      if (!file.startsWith(runDir.normalize()) || name.isEmpty()) {
        problems.add(name + ": listed outside the run directory");
        continue;
      }
      boolean chained = name.equals(JournalFormat.FILE_NAME) && JournalCheck.Recorded.of(e) != null;
      if (!chained || journalChainPassed) {
        check(problems, name, file, e.path("sha256").asText());
      }
    }
    JsonNode experiment = latest.path("experiment");
    if (experiment.hasNonNull("path") && experiment.hasNonNull("sha256")) {
      Path file = Path.of(experiment.path("path").asText());
      if (Files.isRegularFile(file)) {
        check(problems, "experiment " + file, file, experiment.path("sha256").asText());
      }
    }
  }

  private static void check(List<String> problems, String name, Path file, String expected)
      throws IOException {
    if (!Files.isRegularFile(file)) {
      problems.add(name + ": missing");
      return;
    }
    String actual = Sha256.of(file);
    if (!actual.equals(expected)) {
      problems.add(name + ": SHA-256 differs (recorded " + expected + ", now " + actual + ")");
    }
  }
}
