package dev.gameday.reports.evidence.sign;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;

/** Checks a detached signature with a public key, for the algorithms Gameday signs with. */
public final class Signatures {
  private Signatures() {}

  /** The JDK's name for {@code algorithm} ({@code ES256} or {@code Ed25519}). */
  static String jcaName(String algorithm) {
    return switch (algorithm) {
      case "ES256" -> "SHA256withECDSA";
      case "Ed25519" -> "Ed25519";
      default -> throw new IllegalArgumentException("unknown signature algorithm " + algorithm);
    };
  }

  /** True when {@code signature} is {@code key}'s signature of {@code data}. */
  public static boolean valid(String algorithm, PublicKey key, byte[] data, byte[] signature) {
    try {
      Signature s = Signature.getInstance(jcaName(algorithm));
      s.initVerify(key);
      s.update(data);
      return s.verify(signature);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }
}
