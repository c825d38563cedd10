package dev.gameday.reports.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.core.digest.Sha256;
import dev.gameday.core.journal.JournalFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a run directory against its evidence.json: walks the journal's hash chain and compares
 * its end with the one recorded, recomputes the SHA-256 of every other file the manifest lists
 * (and of the experiment file, if it is still where the manifest says). Every problem names the
 * file, and for the journal the line; an empty list of problems means the run directory is as
 * recorded.
 */
public final class Verifier {
  private Verifier() {}

  public static Verification verify(Path runDir) throws IOException {
    List<String> problems = new ArrayList<>();
    Path manifest = runDir.resolve(EvidenceManifest.FILE_NAME);
    if (!Files.isRegularFile(manifest)) {
      problems.add(EvidenceManifest.FILE_NAME + ": missing, nothing to verify against");
      return new Verification(problems, List.of());
    }
    JsonNode root;
    try {
      root = JournalFormat.mapper().readTree(manifest.toFile());
    } catch (IOException e) {
      problems.add(EvidenceManifest.FILE_NAME + ": unreadable: " + e.getMessage());
      return new Verification(problems, List.of());
    }
    List<JsonNode> entries = EvidenceManifest.entries(root);
    if (entries.isEmpty()) {
      problems.add(EvidenceManifest.FILE_NAME + ": lists no files");
    }
    Verification journal = new Verification(List.of(), List.of());
    for (JsonNode e : entries) {
      String name = e.path("path").asText();
      Path file = runDir.resolve(name).normalize();
      if (!file.startsWith(runDir.normalize()) || name.isEmpty()) {
        problems.add(name + ": listed outside the run directory");
        continue;
      }
      JournalCheck.Recorded recorded = JournalCheck.Recorded.of(e);
      if (name.equals(JournalFormat.FILE_NAME) && recorded != null && Files.isRegularFile(file)) {
        journal = JournalCheck.check(file, List.of(
            new JournalCheck.Named(EvidenceManifest.FILE_NAME, recorded)));
        if (journal.passed()) {
          check(problems, name, file, e.path("sha256").asText());
        }
        continue;
      }
      check(problems, name, file, e.path("sha256").asText());
    }
    JsonNode experiment = root.path("experiment");
    if (experiment.hasNonNull("path") && experiment.hasNonNull("sha256")) {
      Path file = Path.of(experiment.path("path").asText());
      if (Files.isRegularFile(file)) {
        check(problems, "experiment " + file, file, experiment.path("sha256").asText());
      }
    }
    return journal.plus(new Verification(problems, List.of()));
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
