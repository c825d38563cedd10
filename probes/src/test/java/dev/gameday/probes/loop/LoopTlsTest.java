package dev.gameday.probes.loop;

import static dev.gameday.probes.TestSpecs.probe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.core.event.TimelineEvent.Outcome;
import dev.gameday.core.event.TimelineEvent.ProbeSample;
import dev.gameday.probes.TestSpecs;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loop client's HTTPS gives the outcomes and reasons of {@code TlsProbeTest}'s. */
class LoopTlsTest {
  private final MockWebServer server = new MockWebServer();
  private final LoopClient client = LoopClient.create(Duration.ofMillis(1));
  private HeldCertificate ca;
  private HeldCertificate serverCert;
  @TempDir Path dir;

  @BeforeEach
  void certificates() {
    ca = new HeldCertificate.Builder().commonName("Test CA").certificateAuthority(0).build();
    serverCert = new HeldCertificate.Builder().commonName("127.0.0.1")
        .addSubjectAlternativeName("127.0.0.1").addSubjectAlternativeName("localhost")
        .signedBy(ca).build();
  }

  private void start(HandshakeCertificates serverSide) throws IOException {
    server.useHttps(serverSide.sslSocketFactory());
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().body("ok").build();
      }
    });
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() {
    server.close();
    client.close();
  }

  private String url(String host) {
    return "https://" + host + ":" + server.getPort() + "/";
  }

  private Path write(String name, String pem) throws IOException {
    return Files.writeString(dir.resolve(name), pem);
  }

  private ProbeSample first(TestSpecs spec) throws InterruptedException {
    return LoopSamples.first(client, spec);
  }

  @Test
  void aServerWithAnUntrustedCertificateIsATlsFailure() throws Exception {
    start(new HandshakeCertificates.Builder().heldCertificate(serverCert).build());
    ProbeSample s = first(probe(url("127.0.0.1")));
    assertThat(s.outcome()).isEqualTo(Outcome.TLS);
    assertThat(s.reason()).isEqualTo("TLS: server certificate not trusted");
  }

  @Test
  void theGivenCaFileIsTrusted() throws Exception {
    start(new HandshakeCertificates.Builder().heldCertificate(serverCert).build());
    Path caFile = write("ca.pem", ca.certificatePem());
    ProbeSample s = first(probe(url("127.0.0.1")).tls(Optional.of(caFile), Optional.empty(),
        Optional.empty(), false));
    assertThat(s.outcome()).isEqualTo(Outcome.OK);
    assertThat(s.status()).isEqualTo(200);
  }

  @Test
  void aCertificateForAnotherHostIsATlsFailureNamingTheHost() throws Exception {
    HeldCertificate other = new HeldCertificate.Builder().commonName("shop.example")
        .addSubjectAlternativeName("shop.example").signedBy(ca).build();
    start(new HandshakeCertificates.Builder().heldCertificate(other).build());
    Path caFile = write("ca.pem", ca.certificatePem());
    ProbeSample s = first(probe(url("localhost")).tls(Optional.of(caFile), Optional.empty(),
        Optional.empty(), false));
    assertThat(s.outcome()).isEqualTo(Outcome.TLS);
    assertThat(s.reason()).isEqualTo("TLS: certificate does not match host localhost");
  }

  @Test
  void aClientCertificateIsPresentedWhenTheServerRequiresOne() throws Exception {
    HeldCertificate probeCert = new HeldCertificate.Builder().commonName("probe").signedBy(ca)
        .build();
    start(new HandshakeCertificates.Builder().heldCertificate(serverCert)
        .addTrustedCertificate(ca.certificate()).build());
    server.requireClientAuth();
    Path caFile = write("ca.pem", ca.certificatePem());
    Path cert = write("client.pem", probeCert.certificatePem());
    Path key = write("client.key", probeCert.privateKeyPkcs8Pem());
    ProbeSample with = first(probe(url("127.0.0.1")).tls(Optional.of(caFile), Optional.of(cert),
        Optional.of(key), false));
    ProbeSample without = first(probe(url("127.0.0.1")).tls(Optional.of(caFile),
        Optional.empty(), Optional.empty(), false));
    assertThat(with.outcome()).isEqualTo(Outcome.OK);
    assertThat(without.outcome()).isIn(Outcome.TLS, Outcome.IO_ERROR);
  }

  @Test
  void insecureAcceptsAnyCertificateAndAnyHost() throws Exception {
    HeldCertificate other = new HeldCertificate.Builder().commonName("shop.example")
        .addSubjectAlternativeName("shop.example").build();
    start(new HandshakeCertificates.Builder().heldCertificate(other).build());
    ProbeSample s = first(probe(url("127.0.0.1")).tls(Optional.empty(), Optional.empty(),
        Optional.empty(), true));
    assertThat(s.outcome()).isEqualTo(Outcome.OK);
  }
}
