package dev.gameday.reports.evidence.sign;

import dev.gameday.core.digest.Sha256;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/**
 * Public keys as PEM ({@code -----BEGIN PUBLIC KEY-----}, what {@code openssl pkey -pubout}
 * writes) and their fingerprint: {@code SHA256:} and the hex SHA-256 of the DER
 * SubjectPublicKeyInfo, the same as {@code openssl pkey -pubin -in KEY.pem -outform DER | sha256sum}.
 */
public final class PublicKeys {
  private PublicKeys() {}

  public static String pem(PublicKey key) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(out)) {
      w.writeObject(key);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write a PEM to memory", e);
    }
    return out.toString();
  }

  public static String fingerprint(PublicKey key) {
    return "SHA256:" + Sha256.hex(key.getEncoded());
  }

  /** Reads a PEM public key from text. */
  public static PublicKey parse(String pem, String source) {
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      Object o = parser.readObject();
      if (o instanceof SubjectPublicKeyInfo info) {
        return new JcaPEMKeyConverter().getPublicKey(info);
      }
      throw new IllegalArgumentException(source + ": not a PEM public key"
          + " (expected -----BEGIN PUBLIC KEY-----, as 'openssl pkey -pubout' writes)");
    } catch (IOException e) {
      throw new IllegalArgumentException(source + ": not a PEM public key: " + e.getMessage(), e);
    }
  }

  /** Reads a PEM public key file. */
  public static PublicKey read(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
  }
}
