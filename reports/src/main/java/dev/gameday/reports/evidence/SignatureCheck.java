package dev.gameday.reports.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.reports.evidence.sign.PublicKeys;
import dev.gameday.reports.evidence.sign.Signatures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;

/**
 * Checks one evidence record's detached signature: with the public key the record names, and,
 * when the verifier was given the operator's public key, that it is that key. A record without a
 * signature is a note, unless a key was given: then it is a problem.
 */
final class SignatureCheck {
  private SignatureCheck() {}

  static Verification check(Path record, JsonNode root, Optional<PublicKey> expected)
      throws IOException {
    String name = record.getFileName().toString();
    JsonNode sig = root.path("signature");
    if (!sig.isObject()) {
      return expected.isPresent()
          ? problem(name + ": not signed, but a key was given to check its signature against")
          : note(name + ": not signed (give the run a key: --sign-key)");
    }
    Path sigFile = EvidenceRecords.signatureOf(record);
    String sigName = sigFile.getFileName().toString();
    if (!sigName.equals(sig.path("file").asText())) {
      return problem(name + ": names signature file '" + sig.path("file").asText()
          + "', expected " + sigName);
    }
    if (!Files.isRegularFile(sigFile)) {
      return problem(sigName + ": missing (" + name + " says it is signed)");
    }
    PublicKey named;
    try {
      named = PublicKeys.parse(sig.path("publicKey").asText(), name + " signature.publicKey");
    } catch (IllegalArgumentException e) {
      return problem(e.getMessage());
    }
    String fingerprint = PublicKeys.fingerprint(named);
    if (!fingerprint.equals(sig.path("publicKeyFingerprint").asText())) {
      return problem(name + ": signature.publicKeyFingerprint does not match its publicKey");
    }
    String algorithm = sig.path("algorithm").asText();
    PublicKey key = expected.orElse(named);
    if (expected.isPresent() && !PublicKeys.fingerprint(key).equals(fingerprint)) {
      return problem(name + ": signed by key " + fingerprint + ", not by the key given ("
          + PublicKeys.fingerprint(key) + ")");
    }
    if (!Signatures.valid(algorithm, key, Files.readAllBytes(record),
        Files.readAllBytes(sigFile))) {
      return problem(sigName + ": not a valid " + algorithm + " signature of " + name + " by key "
          + fingerprint + " (" + name + " or its signature was changed)");
    }
    return note(name + ": signature valid (" + algorithm + ", " + sig.path("keyKind").asText()
        + " key " + sig.path("keyId").asText() + ", " + fingerprint + ")"
        + (expected.isPresent() ? ", the key given"
            : "; give --key PUBLIC.pem to check that it is the operator's key"));
  }

  private static Verification problem(String message) {
    return new Verification(List.of(message), List.of());
  }

  private static Verification note(String message) {
    return new Verification(List.of(), List.of(message));
  }
}
