package dev.gameday.sandbox.internal.tls;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;

/**
 * A throw-away CA generated at start (EC P-256, fast) and a server certificate it signs for
 * {@code IP:127.0.0.1} and {@code DNS:localhost}. Clients trust the CA's PEM; nothing turns TLS
 * verification off.
 */
public final class CertificateAuthority {

  private final X509Certificate caCertificate;
  private final SSLContext serverContext;

  private CertificateAuthority(X509Certificate caCertificate, SSLContext serverContext) {
    this.caCertificate = caCertificate;
    this.serverContext = serverContext;
  }

  public static CertificateAuthority generate() {
    try {
      SecureRandom random = new SecureRandom();
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), random);
      KeyPair caKeys = generator.generateKeyPair();
      KeyPair serverKeys = generator.generateKeyPair();
      Instant now = Instant.now();
      Date from = Date.from(now.minus(Duration.ofHours(1)));
      Date until = Date.from(now.plus(Duration.ofDays(30)));

      X500Name caName = new X500Name("CN=Gameday Sandbox CA " + now.getEpochSecond() + ",O=Gameday");
      X509v3CertificateBuilder ca = new X509v3CertificateBuilder(caName, new BigInteger(64, random), from, until,
          caName, SubjectPublicKeyInfo.getInstance(caKeys.getPublic().getEncoded()))
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      X509Certificate caCert = sign(ca, caKeys);

      X509v3CertificateBuilder server = new X509v3CertificateBuilder(caName, new BigInteger(64, random), from,
          until, new X500Name("CN=localhost,O=Gameday Sandbox"),
          SubjectPublicKeyInfo.getInstance(serverKeys.getPublic().getEncoded()))
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
          .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
          .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
              new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")}));
      X509Certificate serverCert = sign(server, caKeys);

      SSLContext context = SSLContext.getInstance("TLS");
      context.init(new KeyManager[] {new FixedKeyManager(serverKeys.getPrivate(),
          new X509Certificate[] {serverCert, caCert})}, null, random);
      return new CertificateAuthority(caCert, context);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot generate the sandbox certificates: " + e.getMessage(), e);
    }
  }

  /** Signs with the JDK's own ECDSA (BouncyCastle's JCA helpers cost seconds of class loading). */
  private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer)
      throws GeneralSecurityException, IOException {
    ByteArrayOutputStream tbs = new ByteArrayOutputStream();
    ContentSigner contentSigner = new ContentSigner() {
      @Override
      public AlgorithmIdentifier getAlgorithmIdentifier() {
        return new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);
      }

      @Override
      public OutputStream getOutputStream() {
        return tbs;
      }

      @Override
      public byte[] getSignature() {
        try {
          Signature signature = Signature.getInstance("SHA256withECDSA");
          signature.initSign(signer.getPrivate());
          signature.update(tbs.toByteArray());
          return signature.sign();
        } catch (GeneralSecurityException e) {
          throw new IllegalStateException("cannot sign the sandbox certificate", e);
        }
      }
    };
    byte[] der = builder.build(contentSigner).getEncoded();
    return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
  }

  /** The server side TLS context (server certificate and key). */
  public SSLContext serverContext() {
    return serverContext;
  }

  public X509Certificate caCertificate() {
    return caCertificate;
  }

  /** Writes the CA certificate as PEM. */
  public void writeCaPem(Path file) throws IOException {
    try {
      String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
          .encodeToString(caCertificate.getEncoded());
      Files.writeString(file, "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n",
          StandardCharsets.US_ASCII);
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IOException("cannot encode the CA certificate", e);
    }
  }

  /** A client TLS context that trusts only the CA(s) in {@code pemFile}. */
  public static SSLContext trusting(Path pemFile) throws IOException {
    try (InputStream in = Files.newInputStream(pemFile)) {
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      int i = 0;
      for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        trust.setCertificateEntry("ca-" + i++, cert);
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot load CA certificates from " + pemFile + ": " + e.getMessage(), e);
    }
  }
}
