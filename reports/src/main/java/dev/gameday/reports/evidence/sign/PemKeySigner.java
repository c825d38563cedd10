package dev.gameday.reports.evidence.sign;

import dev.gameday.core.port.EvidenceSigner;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Signs with a private key from a PEM file: ECDSA on P-256 ({@code openssl ecparam -name
 * prime256v1 -genkey} or {@code openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256})
 * as {@code ES256}, or Ed25519 ({@code openssl genpkey -algorithm ed25519}). The public key is
 * derived from the private key. Encrypted keys are refused with a clear message.
 */
public final class PemKeySigner implements EvidenceSigner {
  private static final int P256_BITS = 256;

  private final PrivateKey privateKey;
  private final Key key;

  private PemKeySigner(PrivateKey privateKey, Key key) {
    this.privateKey = privateKey;
    this.key = key;
  }

  /** Reads {@code file}; throws {@link SigningException} saying what is wrong with it. */
  public static PemKeySigner read(Path file) {
    PrivateKeyInfo info;
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        PEMParser parser = new PEMParser(r)) {
      Object o = parser.readObject();
      info = switch (o) {
        case PEMKeyPair pair -> pair.getPrivateKeyInfo();
        case PrivateKeyInfo i -> i;
        case PEMEncryptedKeyPair e -> throw encrypted(file);
        case PKCS8EncryptedPrivateKeyInfo e -> throw encrypted(file);
        case null -> throw new SigningException(file + ": no PEM object in the file");
        default -> throw new SigningException(file + ": not a private key (found "
            + o.getClass().getSimpleName() + ")");
      };
    } catch (IOException e) {
      throw new SigningException(file + ": cannot read the key: " + e.getMessage(), e);
    }
    try {
      JcaPEMKeyConverter jca = new JcaPEMKeyConverter();
      PrivateKey priv = jca.getPrivateKey(info);
      AsymmetricKeyParameter params = PrivateKeyFactory.createKey(info);
      String algorithm;
      AsymmetricKeyParameter pub;
      switch (params) {
        case ECPrivateKeyParameters ec -> {
          ECDomainParameters d = ec.getParameters();
          if (d.getCurve().getFieldSize() != P256_BITS) {
            throw new SigningException(file + ": an EC key on a " + d.getCurve().getFieldSize()
                + "-bit curve; Gameday signs with P-256 (prime256v1) or Ed25519");
          }
          algorithm = "ES256";
          pub = new ECPublicKeyParameters(d.getG().multiply(ec.getD()).normalize(), d);
        }
        case Ed25519PrivateKeyParameters ed -> {
          algorithm = "Ed25519";
          pub = ed.generatePublicKey();
        }
        default -> throw new SigningException(file + ": a " + priv.getAlgorithm()
            + " key; Gameday signs with ECDSA P-256 or Ed25519");
      }
      PublicKey publicKey = jca.getPublicKey(
          SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(pub));
      return new PemKeySigner(priv, new Key("pem", file.getFileName().toString(), algorithm,
          publicKey));
    } catch (IOException e) {
      throw new SigningException(file + ": unusable key: " + e.getMessage(), e);
    }
  }

  private static SigningException encrypted(Path file) {
    return new SigningException(file + ": the key is encrypted; give an unencrypted key"
        + " (e.g. on a tmpfs)");
  }

  @Override
  public Key key() {
    return key;
  }

  @Override
  public byte[] sign(byte[] data) {
    try {
      Signature s = Signature.getInstance(Signatures.jcaName(key.algorithm()));
      s.initSign(privateKey);
      s.update(data);
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new SigningException(key.id() + ": cannot sign: " + e.getMessage(), e);
    }
  }
}
