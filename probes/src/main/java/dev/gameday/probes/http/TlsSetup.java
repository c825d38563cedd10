package dev.gameday.probes.http;

import dev.gameday.core.model.HttpRequestSpec;
import dev.gameday.core.tls.Trust;
import dev.gameday.probes.ProbeSetupException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * Applies a probe's {@link HttpRequestSpec.Tls} to an OkHttp client builder: trust exactly the
 * given CA (PEM) when set, present a client certificate (PEM certificate chain plus PKCS#8 PEM
 * key), or, when {@code insecure}, verify nothing at all.
 */
public final class TlsSetup {
  private static final Pattern PKCS8 = Pattern.compile(
      "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
  private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448",
      "RSASSA-PSS");

  private TlsSetup() {}

  static boolean isDefault(HttpRequestSpec.Tls tls) {
    return tls.caFile().isEmpty() && tls.clientCert().isEmpty() && tls.clientKey().isEmpty()
        && !tls.insecure();
  }

  static void apply(String probe, HttpRequestSpec.Tls tls, OkHttpClient.Builder builder) {
    Context c = context(probe, tls);
    builder.sslSocketFactory(c.ssl().getSocketFactory(), c.trust());
    if (tls.insecure()) {
      builder.hostnameVerifier((host, session) -> true);
    }
  }

  /**
   * The probe's TLS context for a transport other than OkHttp (the event-loop client), built as
   * for OkHttp. With {@code insecure} the caller must not check the host name either.
   *
   * @throws ProbeSetupException when the files cannot be read or used
   */
  public static SSLContext sslContext(String probe, HttpRequestSpec.Tls tls) {
    return context(probe, tls).ssl();
  }

  private record Context(SSLContext ssl, X509TrustManager trust) {}

  private static Context context(String probe, HttpRequestSpec.Tls tls) {
    if (tls.clientCert().isPresent() != tls.clientKey().isPresent()) {
      throw new ProbeSetupException(probe, "tls.clientCert and tls.clientKey go together");
    }
    try {
      X509TrustManager trust = tls.insecure() ? new TrustEverything()
          : tls.caFile().isPresent()
          ? Trust.exactly(certificates(probe, tls.caFile().get(), "tls.caFile")) : Trust.system();
      KeyManager[] keys = tls.clientCert().isPresent()
          ? clientKeys(probe, tls.clientCert().get(), tls.clientKey().get()) : null;
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys, new TrustManager[] {trust}, null);
      return new Context(context, trust);
    } catch (GeneralSecurityException e) {
      throw new ProbeSetupException(probe, "cannot set up TLS: " + e.getMessage(), e);
    }
  }

  private static KeyManager[] clientKeys(String probe, Path certFile, Path keyFile)
      throws GeneralSecurityException {
    Certificate[] chain =
        certificates(probe, certFile, "tls.clientCert").toArray(new Certificate[0]);
    PrivateKey key = privateKey(probe, keyFile);
    KeyStore store = emptyStore();
    char[] password = new char[0];
    store.setKeyEntry("client", key, password, chain);
    KeyManagerFactory factory =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(store, password);
    return factory.getKeyManagers();
  }

  private static Collection<? extends Certificate> certificates(String probe, Path file,
      String key) {
    try {
      Collection<? extends Certificate> certs = Trust.readPem(file);
      if (certs.isEmpty()) {
        throw new ProbeSetupException(probe, key + " " + file + " holds no PEM certificate");
      }
      return certs;
    } catch (IOException e) {
      throw new ProbeSetupException(probe, "cannot read " + key + " " + file, e);
    } catch (GeneralSecurityException e) {
      throw new ProbeSetupException(probe, key + " " + file + " is not a PEM certificate", e);
    }
  }

  private static PrivateKey privateKey(String probe, Path file) {
    String pem;
    try {
      pem = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new ProbeSetupException(probe, "cannot read tls.clientKey " + file, e);
    }
    Matcher m = PKCS8.matcher(pem);
    if (!m.find()) {
      throw new ProbeSetupException(probe, "tls.clientKey " + file + " must be an unencrypted "
          + "PKCS#8 PEM key (BEGIN PRIVATE KEY); convert it with "
          + "'openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem'");
    }
    byte[] der = Base64.getMimeDecoder().decode(m.group(1));
    for (String algorithm : KEY_ALGORITHMS) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // not this algorithm; try the next
      }
    }
    throw new ProbeSetupException(probe, "tls.clientKey " + file
        + " is not an RSA, EC or EdDSA key");
  }

  private static KeyStore emptyStore() throws GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try {
      store.load(null, null);
    } catch (IOException e) {
      throw new GeneralSecurityException(e);
    }
    return store;
  }

  /** Accepts every certificate: only for {@code insecure: true}, which is logged loudly. */
  private static final class TrustEverything implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
