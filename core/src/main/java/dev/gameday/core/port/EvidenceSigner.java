package dev.gameday.core.port;

import java.security.PublicKey;
import java.util.Objects;

/**
 * Signs a run's evidence with a key the operator controls (a PEM key file, a Key Vault key). The
 * signature is detached and in the encoding {@code openssl} checks for the key's algorithm, so
 * anyone can verify it with the public key alone.
 */
public interface EvidenceSigner {
  /** The key that signs, recorded in the evidence before it is signed. */
  Key key();

  /**
   * The signature of {@code data}: DER-encoded ECDSA over SHA-256 for {@code ES256}, the raw 64
   * bytes of Ed25519 for {@code Ed25519}.
   *
   * @throws SigningException when the key cannot sign (unreadable key, vault unreachable, denied)
   */
  byte[] sign(byte[] data);

  /**
   * A signing key: where it lives ({@code kind}: {@code pem} or {@code keyVault}), its
   * identifier (a file name, a Key Vault key URL), the algorithm and the public key.
   */
  record Key(String kind, String id, String algorithm, PublicKey publicKey) {
    public Key {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(algorithm, "algorithm");
      Objects.requireNonNull(publicKey, "publicKey");
    }
  }

  /** A key that could not sign, with what was tried. */
  final class SigningException extends RuntimeException {
    public SigningException(String message, Throwable cause) {
      super(message, cause);
    }

    public SigningException(String message) {
      super(message);
    }
  }
}
