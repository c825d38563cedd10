package dev.gameday.reports.evidence;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gameday.core.digest.Sha256;
import dev.gameday.core.port.EvidenceSigner;
import dev.gameday.reports.evidence.sign.PublicKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A run's evidence records, each a manifest and, when a key was given, its detached signature
 * ({@code NAME.sig}). The run writes {@code evidence.json} at its end. A record is never
 * rewritten: re-rendering the reports adds {@code evidence-rerender-1.json}, {@code -2}, ..., each
 * marked {@code "kind": "re-render"} and naming the SHA-256 of the record before it, so the
 * original signature stays checkable.
 */
public final class EvidenceRecords {
  public static final String SIGNATURE_SUFFIX = ".sig";
  private static final Pattern RERENDER = Pattern.compile("evidence-rerender-(\\d+)\\.json");

  /** Why a record was written. */
  public enum Kind {
    END_OF_RUN("end-of-run"),
    RE_RENDER("re-render");

    private final String json;

    Kind(String json) {
      this.json = json;
    }

    public String json() {
      return json;
    }
  }

  private EvidenceRecords() {}

  /** The record files of {@code runDir}, oldest first. */
  public static List<Path> list(Path runDir) throws IOException {
    List<Path> out = new ArrayList<>();
    Path first = runDir.resolve(EvidenceManifest.FILE_NAME);
    if (Files.isRegularFile(first)) {
      out.add(first);
    }
    try (Stream<Path> files = Files.list(runDir)) {
      files.filter(p -> RERENDER.matcher(p.getFileName().toString()).matches())
          .sorted(Comparator.comparingInt(EvidenceRecords::number))
          .forEach(out::add);
    }
    return out;
  }

  private static int number(Path record) {
    Matcher m = RERENDER.matcher(record.getFileName().toString());
    return m.matches() ? Integer.parseInt(m.group(1)) : 0;
  }

  /** The signature file of a record. */
  public static Path signatureOf(Path record) {
    return record.resolveSibling(record.getFileName() + SIGNATURE_SUFFIX);
  }

  /**
   * Writes the next record over the run directory as it is now ({@code evidence.json} when there
   * is none yet) and signs it when a signer is given. Returns the files written.
   *
   * @throws BrokenJournalException when the journal's chain is broken
   * @throws EvidenceSigner.SigningException when the key cannot sign; the manifest is then
   *     removed again, so no record claims a signature it lacks
   */
  public static List<Path> write(Path runDir, Path experimentFile, String toolVersion, Kind kind,
      Optional<EvidenceSigner> signer) throws IOException {
    List<Path> existing = list(runDir);
    Path out = existing.isEmpty() ? runDir.resolve(EvidenceManifest.FILE_NAME)
        : runDir.resolve("evidence-rerender-" + (number(existing.getLast()) + 1) + ".json");
    ObjectNode root = EvidenceManifest.build(runDir, experimentFile, toolVersion);
    ObjectNode record = root.putObject("record");
    record.put("kind", existing.isEmpty() ? kind.json() : Kind.RE_RENDER.json());
    if (!existing.isEmpty()) {
      ObjectNode previous = record.putObject("previous");
      previous.put("path", existing.getLast().getFileName().toString());
      previous.put("sha256", Sha256.of(existing.getLast()));
    }
    signer.ifPresent(s -> {
      ObjectNode sig = root.putObject("signature");
      sig.put("file", signatureOf(out).getFileName().toString());
      sig.put("algorithm", s.key().algorithm());
      sig.put("keyKind", s.key().kind());
      sig.put("keyId", s.key().id());
      sig.put("publicKeyFingerprint", PublicKeys.fingerprint(s.key().publicKey()));
      sig.put("publicKey", PublicKeys.pem(s.key().publicKey()));
    });
    byte[] bytes = (EvidenceManifest.MAPPER.writeValueAsString(root) + "\n")
        .getBytes(StandardCharsets.UTF_8);
    Files.write(out, bytes);
    if (signer.isEmpty()) {
      return List.of(out);
    }
    try {
      Path sig = Files.write(signatureOf(out), signer.get().sign(bytes));
      return List.of(out, sig);
    } catch (RuntimeException e) {
      Files.deleteIfExists(out);
      throw e;
    }
  }
}
