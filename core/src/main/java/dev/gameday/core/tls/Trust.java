package dev.gameday.core.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Trust for TLS clients: the JDK's CAs, or exactly the CAs of a PEM file (a private CA, the
 * sandbox's) so that a private endpoint is verified rather than verification switched off. Used
 * by the ARM connection and by HTTP probes; each turns failures into its own error.
 */
public final class Trust {
  private Trust() {}

  /** The certificates of a PEM file, possibly none. */
  public static Collection<? extends Certificate> readPem(Path file)
      throws IOException, GeneralSecurityException {
    try (InputStream in = Files.newInputStream(file)) {
      return CertificateFactory.getInstance("X.509").generateCertificates(in);
    }
  }

  /** Trusts exactly {@code cas}, nothing from the JDK's store. */
  public static X509TrustManager exactly(Collection<? extends Certificate> cas)
      throws GeneralSecurityException {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    try {
      store.load(null, null);
    } catch (IOException e) {
      throw new GeneralSecurityException(e);
    }
    int i = 0;
    for (Certificate ca : cas) {
      store.setCertificateEntry("ca-" + i++, ca);
    }
    return x509(store);
  }

  /** The JDK's default trust (its cacerts). */
  public static X509TrustManager system() throws GeneralSecurityException {
    return x509(null);
  }

  private static X509TrustManager x509(KeyStore store) throws GeneralSecurityException {
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    for (TrustManager m : factory.getTrustManagers()) {
      if (m instanceof X509TrustManager x) {
        return x;
      }
    }
    throw new GeneralSecurityException("no X509TrustManager available");
  }
}
