package dev.gameday.reports.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gameday.core.journal.ChainLink;
import dev.gameday.core.port.EvidenceSigner;
import dev.gameday.reports.ReportWriter;
import dev.gameday.reports.Scenarios;
import dev.gameday.reports.evidence.EvidenceRecords.Kind;
import dev.gameday.reports.evidence.sign.PemKeySigner;
import dev.gameday.reports.evidence.sign.PublicKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signed evidence round trips with operator keys made by {@code openssl}, checked by Gameday and
 * by the exact {@code openssl} commands docs/evidence.md gives.
 */
class SignedEvidenceTest {
  @TempDir Path dir;

  /** Runs a command in {@code dir}; returns exit code and output, or null when it cannot start. */
  private record Ran(int exit, String output) {}

  private Ran run(String... cmd) throws Exception {
    Process p;
    try {
      p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    } catch (IOException e) {
      return null;
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new Ran(p.exitValue(), out);
  }

  /** An operator key pair made by openssl: the private key file and the public key file. */
  private Path[] opensslKey(String name, String... genCommand) throws Exception {
    Ran gen = run(genCommand);
    assumeTrue(gen != null, "openssl is not installed");
    assertThat(gen.exit()).as(gen.output()).isZero();
    Ran pub = run("openssl", "pkey", "-in", name + ".pem", "-pubout", "-out", name + "-public.pem");
    assertThat(pub.exit()).as(pub.output()).isZero();
    return new Path[] {dir.resolve(name + ".pem"), dir.resolve(name + "-public.pem")};
  }

  private Path[] ecKey() throws Exception {
    return opensslKey("operator", "openssl", "ecparam", "-name", "prime256v1", "-genkey", "-noout",
        "-out", "operator.pem");
  }

  private Path[] edKey() throws Exception {
    return opensslKey("operator-ed", "openssl", "genpkey", "-algorithm", "ed25519", "-out",
        "operator-ed.pem");
  }

  private Path runDir() throws IOException {
    Path run = Scenarios.vmPowerOffWithGap("shop", 95).writeTo(dir.resolve("run"));
    Files.writeString(run.resolve(EvidenceManifest.EXPERIMENT_COPY), "apiVersion: gameday/v1\n");
    new ReportWriter("0.1.0").write(run, Set.of());
    return run;
  }

  private static List<Path> sign(Path run, Kind kind, EvidenceSigner signer) throws IOException {
    return EvidenceRecords.write(run, null, "0.1.0", kind, Optional.of(signer));
  }

  private static JsonNode json(Path file) throws IOException {
    return new ObjectMapper().readTree(file.toFile());
  }

  @Test
  void anEcdsaSignatureVerifiesWithGamedayAndWithOpensslDgst() throws Exception {
    Path[] key = ecKey();
    Path run = runDir();

    List<Path> written = sign(run, Kind.END_OF_RUN, PemKeySigner.read(key[0]));

    assertThat(written).extracting(p -> p.getFileName().toString())
        .containsExactly("evidence.json", "evidence.json.sig");
    JsonNode sig = json(run.resolve("evidence.json")).path("signature");
    PublicKey pub = PublicKeys.read(key[1]);
    assertThat(sig.path("algorithm").asText()).isEqualTo("ES256");
    assertThat(sig.path("publicKeyFingerprint").asText()).isEqualTo(PublicKeys.fingerprint(pub));
    Verification v = Verifier.verify(run, Optional.of(pub));
    assertThat(v.problems()).isEmpty();
    assertThat(v.notes()).anySatisfy(n -> assertThat(n).startsWith("evidence.json: signature valid"));
    Ran openssl = run("openssl", "dgst", "-sha256", "-verify", key[1].toString(), "-signature",
        run.resolve("evidence.json.sig").toString(), run.resolve("evidence.json").toString());
    assertThat(openssl.exit()).as(openssl.output()).isZero();
    assertThat(openssl.output()).contains("Verified OK");
  }

  @Test
  void anEd25519SignatureVerifiesWithGamedayAndWithOpensslPkeyutl() throws Exception {
    Path[] key = edKey();
    Path run = runDir();

    sign(run, Kind.END_OF_RUN, PemKeySigner.read(key[0]));

    assertThat(json(run.resolve("evidence.json")).path("signature").path("algorithm").asText())
        .isEqualTo("Ed25519");
    assertThat(Verifier.verify(run, Optional.of(PublicKeys.read(key[1]))).problems()).isEmpty();
    Ran openssl = run("openssl", "pkeyutl", "-verify", "-pubin", "-inkey", key[1].toString(),
        "-rawin", "-in", run.resolve("evidence.json").toString(), "-sigfile",
        run.resolve("evidence.json.sig").toString());
    assertThat(openssl.exit()).as(openssl.output()).isZero();
    assertThat(openssl.output()).contains("Signature Verified Successfully");
  }

  @Test
  void aChangedByteInTheSignedManifestIsCaughtByBoth() throws Exception {
    Path[] key = ecKey();
    Path run = runDir();
    sign(run, Kind.END_OF_RUN, PemKeySigner.read(key[0]));
    Path manifest = run.resolve("evidence.json");
    Files.writeString(manifest, Files.readString(manifest).replace("\"outcome\" : \"",
        "\"outcome\" : \"X"));

    assertThat(Verifier.verify(run, Optional.of(PublicKeys.read(key[1]))).problems())
        .singleElement().asString().startsWith("evidence.json.sig: not a valid ES256 signature"
            + " of evidence.json");
    Ran openssl = run("openssl", "dgst", "-sha256", "-verify", key[1].toString(), "-signature",
        run.resolve("evidence.json.sig").toString(), manifest.toString());
    assertThat(openssl.exit()).isNotZero();
  }

  @Test
  void anotherKeysSignatureIsRefusedWhenTheOperatorsKeyIsGiven() throws Exception {
    Path[] operator = ecKey();
    Path[] other = edKey();
    Path run = runDir();
    sign(run, Kind.END_OF_RUN, PemKeySigner.read(other[0]));

    assertThat(Verifier.verify(run, Optional.of(PublicKeys.read(operator[1]))).problems())
        .singleElement().asString().startsWith("evidence.json: signed by key SHA256:")
        .contains("not by the key given");
  }

  @Test
  void aStrippedSignatureIsCaughtWhenAKeyIsGiven() throws Exception {
    Path[] key = ecKey();
    Path run = runDir();
    EvidenceRecords.write(run, null, "0.1.0", Kind.END_OF_RUN, Optional.empty());

    assertThat(Verifier.verify(run).problems()).isEmpty();
    assertThat(Verifier.verify(run, Optional.of(PublicKeys.read(key[1]))).problems())
        .containsExactly("evidence.json: not signed, but a key was given to check its signature"
            + " against");
  }

  @Test
  void aReRenderAddsASignedRecordAndKeepsTheOriginal() throws Exception {
    Path[] key = ecKey();
    Path run = runDir();
    PemKeySigner signer = PemKeySigner.read(key[0]);
    sign(run, Kind.END_OF_RUN, signer);
    byte[] original = Files.readAllBytes(run.resolve("evidence.json"));
    new ReportWriter("0.2.0").write(run, Set.of());

    List<Path> written = sign(run, Kind.RE_RENDER, signer);

    assertThat(written).extracting(p -> p.getFileName().toString())
        .containsExactly("evidence-rerender-1.json", "evidence-rerender-1.json.sig");
    assertThat(Files.readAllBytes(run.resolve("evidence.json"))).isEqualTo(original);
    JsonNode record = json(run.resolve("evidence-rerender-1.json")).path("record");
    assertThat(record.path("kind").asText()).isEqualTo("re-render");
    assertThat(record.path("previous").path("path").asText()).isEqualTo("evidence.json");
    assertThat(json(run.resolve("evidence.json")).path("record").path("kind").asText())
        .isEqualTo("end-of-run");
    Verification v = Verifier.verify(run, Optional.of(PublicKeys.read(key[1])));
    assertThat(v.problems()).isEmpty();
    assertThat(v.notes()).filteredOn(n -> n.contains("signature valid")).hasSize(2);
  }

  @Test
  void aReRenderAfterAnEditWithARecomputedChainIsCaughtByTheOriginalRecord() throws Exception {
    Path[] key = ecKey();
    Path run = runDir();
    PemKeySigner signer = PemKeySigner.read(key[0]);
    sign(run, Kind.END_OF_RUN, signer);
    Path journal = run.resolve("journal.jsonl");
    List<String> lines = new ArrayList<>(Files.readAllLines(journal, StandardCharsets.UTF_8));
    int edited = lines.size() / 2;
    lines.set(edited, lines.get(edited).replace("\"mono\":", "\"mono\": "));
    Files.writeString(journal, rechained(lines), StandardCharsets.UTF_8);
    JournalCheck.requireIntact(journal);
    new ReportWriter("0.1.0").write(run, Set.of());
    sign(run, Kind.RE_RENDER, signer);

    assertThat(Verifier.verify(run, Optional.of(PublicKeys.read(key[1]))).problems())
        .singleElement().asString().startsWith("journal.jsonl:" + lines.size()
            + ": differs from the line evidence.json recorded there");
  }

  /** The journal with every link recomputed, as someone who edits it and covers up would. */
  private static String rechained(List<String> lines) {
    StringBuilder out = new StringBuilder(lines.getFirst()).append('\n');
    byte[] header = lines.getFirst().getBytes(StandardCharsets.UTF_8);
    ChainLink link = ChainLink.after(header, 0, header.length);
    for (String line : lines.subList(1, lines.size())) {
      String relinked = line.replaceFirst("\"prev\":\"[0-9a-f]{64}\"",
          "\"prev\":\"" + link.prev() + "\"");
      link.advance(relinked.getBytes(StandardCharsets.UTF_8));
      out.append(relinked).append('\n');
    }
    return out.toString();
  }
}
