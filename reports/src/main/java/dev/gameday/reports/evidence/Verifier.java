package dev.gameday.reports.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.core.journal.JournalFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a run directory against its evidence.json: recomputes the SHA-256 of every file the
 * manifest lists (and of the experiment file, if it is still where the manifest says) and
 * returns one message per mismatch; an empty list means the run directory is as recorded.
 */
public final class Verifier {
  private Verifier() {}

  public static List<String> verify(Path runDir) throws IOException {
    List<String> mismatches = new ArrayList<>();
    Path manifest = runDir.resolve(EvidenceManifest.FILE_NAME);
    if (!Files.isRegularFile(manifest)) {
      mismatches.add(EvidenceManifest.FILE_NAME + ": missing, nothing to verify against");
      return mismatches;
    }
    JsonNode root;
    try {
      root = JournalFormat.mapper().readTree(manifest.toFile());
    } catch (IOException e) {
      mismatches.add(EvidenceManifest.FILE_NAME + ": unreadable: " + e.getMessage());
      return mismatches;
    }
    List<JsonNode> entries = EvidenceManifest.entries(root);
    if (entries.isEmpty()) {
      mismatches.add(EvidenceManifest.FILE_NAME + ": lists no files");
    }
    for (JsonNode e : entries) {
      String name = e.path("path").asText();
      Path file = runDir.resolve(name).normalize();
      if (!file.startsWith(runDir.normalize()) || name.isEmpty()) {
        mismatches.add(name + ": listed outside the run directory");
        continue;
      }
      check(mismatches, name, file, e.path("sha256").asText());
    }
    JsonNode experiment = root.path("experiment");
    if (experiment.hasNonNull("path") && experiment.hasNonNull("sha256")) {
      Path file = Path.of(experiment.path("path").asText());
      if (Files.isRegularFile(file)) {
        check(mismatches, "experiment " + file, file, experiment.path("sha256").asText());
      }
    }
    return mismatches;
  }

  private static void check(List<String> mismatches, String name, Path file, String expected)
      throws IOException {
    if (!Files.isRegularFile(file)) {
      mismatches.add(name + ": missing");
      return;
    }
    String actual = Sha256.of(file);
    if (!actual.equals(expected)) {
      mismatches.add(name + ": SHA-256 differs (recorded " + expected + ", now " + actual + ")");
    }
  }
}
