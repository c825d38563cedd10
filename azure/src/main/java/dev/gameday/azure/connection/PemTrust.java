package dev.gameday.azure.connection;

import dev.gameday.core.tls.Trust;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * An {@link SSLContext} that trusts exactly the certificates of one PEM file (the sandbox CA),
 * so a local endpoint is verified instead of verification being switched off.
 */
public final class PemTrust {
  private PemTrust() {}

  public static SSLContext sslContext(Path pemFile) {
    try {
      Collection<? extends Certificate> certs = Trust.readPem(pemFile);
      if (certs.isEmpty()) {
        throw new IllegalArgumentException("no certificate in " + pemFile);
      }
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, new TrustManager[] {Trust.exactly(certs)}, null);
      return ctx;
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read CA file " + pemFile + ": " + e.getMessage(),
          e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("CA file " + pemFile + " is not a PEM certificate: "
          + e.getMessage(), e);
    }
  }
}
