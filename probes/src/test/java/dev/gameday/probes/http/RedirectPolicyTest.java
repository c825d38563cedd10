package dev.gameday.probes.http;

import static dev.gameday.probes.TestSpecs.probe;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gameday.core.event.TimelineEvent.Outcome;
import dev.gameday.core.model.HttpRequestSpec.Redirects;
import dev.gameday.core.port.RunClock;
import dev.gameday.probes.TestSpecs;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A probe's redirects: secret headers stay with their origin; https never falls back to http. */
class RedirectPolicyTest {
  private final MockWebServer first = new MockWebServer();
  private final MockWebServer other = new MockWebServer();

  @BeforeEach
  void start() throws IOException {
    other.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() {
    first.close();
    other.close();
  }

  private ProbeResult call(TestSpecs spec) {
    // Timing is not what these tests are about: a TLS handshake on a busy machine may take 1 s.
    var http = spec.timeout(Duration.ofSeconds(10)).http();
    return new HttpProbe("p", http, spec.build().expect(),
        ProbeClients.forProbe(ProbeClients.defaultClient(), "p", http), RunClock.SYSTEM,
        new ObjectMapper()).call();
  }

  private TestSpecs withSecrets(String url) {
    return probe(url).secretHeader("X-Api-Key", "key-from-env")
        .secretHeader("Authorization", "Bearer tok").header("X-Plain", "visible");
  }

  private void redirectTo(MockWebServer from, String location) {
    from.enqueue(new MockResponse.Builder().code(302).setHeader("Location", location).build());
  }

  @Test
  void secretHeadersAreNotSentToAnotherOrigin() throws Exception {
    first.start(InetAddress.getByName("127.0.0.1"), 0);
    redirectTo(first, other.url("/landing").toString());
    other.enqueue(new MockResponse.Builder().body("ok").build());

    ProbeResult r = call(withSecrets(first.url("/").toString()));

    assertThat(r.outcome()).isEqualTo(Outcome.OK);
    assertThat(first.takeRequest().getHeaders().get("X-Api-Key")).isEqualTo("key-from-env");
    RecordedRequest landed = other.takeRequest();
    assertThat(landed.getHeaders().get("X-Api-Key")).isNull();
    assertThat(landed.getHeaders().get("Authorization")).isNull();
    assertThat(landed.getHeaders().get("X-Plain")).isEqualTo("visible");
  }

  @Test
  void secretHeadersFollowARedirectWithinTheOrigin() throws Exception {
    first.start(InetAddress.getByName("127.0.0.1"), 0);
    redirectTo(first, "/moved");
    first.enqueue(new MockResponse.Builder().body("ok").build());

    call(withSecrets(first.url("/").toString()));

    first.takeRequest();
    assertThat(first.takeRequest().getHeaders().get("X-Api-Key")).isEqualTo("key-from-env");
  }

  @Test
  void aProbeMayAllowSecretHeadersToFollowToAnotherOrigin() throws Exception {
    first.start(InetAddress.getByName("127.0.0.1"), 0);
    redirectTo(first, other.url("/landing").toString());
    other.enqueue(new MockResponse.Builder().body("ok").build());

    call(withSecrets(first.url("/").toString()).redirects(new Redirects(true, false)));

    assertThat(other.takeRequest().getHeaders().get("X-Api-Key")).isEqualTo("key-from-env");
  }

  @Test
  void aRedirectFromHttpsToHttpIsRefusedBeforeAnyConnection() throws Exception {
    startHttps();
    redirectTo(first, other.url("/plain").toString());

    ProbeResult r = call(trusted(withSecrets(httpsUrl())));

    assertThat(r.outcome()).isEqualTo(Outcome.IO_ERROR);
    assertThat(r.reason()).startsWith("redirect from https to http refused (" + other.url("/").host() + ":"
        + other.getPort() + ")");
    assertThat(other.getRequestCount()).isZero();
  }

  @Test
  void aProbeMayAllowARedirectFromHttpsToHttp() throws Exception {
    startHttps();
    redirectTo(first, other.url("/plain").toString());
    other.enqueue(new MockResponse.Builder().body("ok").build());

    ProbeResult r = call(trusted(withSecrets(httpsUrl()))
        .redirects(new Redirects(false, true)));

    assertThat(r.outcome()).isEqualTo(Outcome.OK);
    assertThat(other.takeRequest().getHeaders().get("X-Api-Key")).isNull();
  }

  @Test
  void aPostRedirectedBy303BecomesAGetWithoutItsBody() throws Exception {
    first.start(InetAddress.getByName("127.0.0.1"), 0);
    first.enqueue(new MockResponse.Builder().code(303).setHeader("Location", "/result").build());
    first.enqueue(new MockResponse.Builder().body("ok").build());

    call(probe(first.url("/").toString()).method("POST").body("{}")
        .header("Content-Type", "application/json"));

    assertThat(first.takeRequest().getMethod()).isEqualTo("POST");
    RecordedRequest followed = first.takeRequest();
    assertThat(followed.getMethod()).isEqualTo("GET");
    assertThat(followed.getHeaders().get("Content-Type")).isNull();
  }

  private HeldCertificate ca;

  private void startHttps() throws IOException {
    ca = new HeldCertificate.Builder().commonName("Test CA").certificateAuthority(0).build();
    HeldCertificate cert = new HeldCertificate.Builder().commonName("127.0.0.1")
        .addSubjectAlternativeName("127.0.0.1").addSubjectAlternativeName("localhost")
        .signedBy(ca).build();
    first.useHttps(new HandshakeCertificates.Builder().heldCertificate(cert).build().sslSocketFactory());
    first.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  private String httpsUrl() {
    return "https://127.0.0.1:" + first.getPort() + "/";
  }

  private TestSpecs trusted(TestSpecs spec) throws IOException {
    java.nio.file.Path caFile = java.nio.file.Files.createTempFile("ca", ".pem");
    java.nio.file.Files.writeString(caFile, ca.certificatePem());
    caFile.toFile().deleteOnExit();
    return spec.tls(Optional.of(caFile), Optional.empty(), Optional.empty(), false);
  }
}
