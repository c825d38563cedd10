package dev.gameday.azure.support;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A throwaway certificate for 127.0.0.1: a PKCS12 keystore for WireMock and a PEM to trust. */
public record SelfSignedTls(Path keystore, String password, Path pem) {

  public static SelfSignedTls create(Path dir) throws Exception {
    KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
    gen.initialize(256);
    KeyPair kp = gen.generateKeyPair();
    X500Name name = new X500Name("CN=127.0.0.1");
    long now = System.currentTimeMillis();
    var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now),
        new Date(now - 60_000), new Date(now + 86_400_000L), name, kp.getPublic());
    builder.addExtension(Extension.subjectAlternativeName, false,
        new GeneralNames(new GeneralName[] {new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
            new GeneralName(GeneralName.dNSName, "localhost")}));
    X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
        builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate())));
    String password = "changeit";
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    ks.setKeyEntry("wiremock", kp.getPrivate(), password.toCharArray(),
        new java.security.cert.Certificate[] {cert});
    Path keystore = dir.resolve("wiremock.p12");
    try (OutputStream out = Files.newOutputStream(keystore)) {
      ks.store(out, password.toCharArray());
    }
    Path pem = dir.resolve("ca.pem");
    Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(cert.getEncoded())
        + "\n-----END CERTIFICATE-----\n");
    return new SelfSignedTls(keystore, password, pem);
  }
}
