package dev.gameday.probes.http;

import static dev.gameday.probes.TestSpecs.probe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gameday.core.event.TimelineEvent.Outcome;
import dev.gameday.core.port.RunClock;
import dev.gameday.probes.ProbeSetupException;
import dev.gameday.probes.TestSpecs;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsProbeTest {
  private final MockWebServer server = new MockWebServer();
  private HeldCertificate ca;
  private HeldCertificate serverCert;
  @TempDir Path dir;

  @BeforeEach
  void startHttps() throws IOException {
    ca = new HeldCertificate.Builder().commonName("Test CA").certificateAuthority(0).build();
    serverCert = new HeldCertificate.Builder().commonName("127.0.0.1")
        .addSubjectAlternativeName("127.0.0.1").addSubjectAlternativeName("localhost")
        .signedBy(ca).build();
  }

  private void start(HandshakeCertificates serverSide) throws IOException {
    server.useHttps(serverSide.sslSocketFactory());
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    server.enqueue(new MockResponse.Builder().body("ok").build());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String url() {
    return "https://127.0.0.1:" + server.getPort() + "/";
  }

  private Path write(String name, String pem) throws IOException {
    return Files.writeString(dir.resolve(name), pem);
  }

  private ProbeResult call(TestSpecs spec) {
    var http = spec.http();
    return new HttpProbe("tls", http, spec.build().expect(),
        ProbeClients.forProbe(ProbeClients.defaultClient(), "tls", http), RunClock.SYSTEM,
        new ObjectMapper()).call();
  }

  @Test
  void aServerWithAnUntrustedCertificateIsATlsFailure() throws IOException {
    start(new HandshakeCertificates.Builder().heldCertificate(serverCert).build());
    ProbeResult r = call(probe(url()));
    assertThat(r.outcome()).isEqualTo(Outcome.TLS);
    assertThat(r.reason()).isEqualTo("TLS: server certificate not trusted");
  }

  @Test
  void theGivenCaFileIsTrusted() throws IOException {
    start(new HandshakeCertificates.Builder().heldCertificate(serverCert).build());
    Path caFile = write("ca.pem", ca.certificatePem());
    ProbeResult r = call(probe(url()).tls(Optional.of(caFile), Optional.empty(),
        Optional.empty(), false));
    assertThat(r.outcome()).isEqualTo(Outcome.OK);
  }

  @Test
  void aCaFileIsTrustedExclusively() throws IOException {
    start(new HandshakeCertificates.Builder().heldCertificate(serverCert).build());
    HeldCertificate otherCa = new HeldCertificate.Builder().certificateAuthority(0).build();
    Path caFile = write("other.pem", otherCa.certificatePem());
    ProbeResult r = call(probe(url()).tls(Optional.of(caFile), Optional.empty(),
        Optional.empty(), false));
    assertThat(r.outcome()).isEqualTo(Outcome.TLS);
  }

  @Test
  void aClientCertificateIsPresentedWhenTheServerRequiresOne() throws IOException {
    HeldCertificate client = new HeldCertificate.Builder().commonName("probe").signedBy(ca)
        .build();
    start(new HandshakeCertificates.Builder().heldCertificate(serverCert)
        .addTrustedCertificate(ca.certificate()).build());
    server.requireClientAuth();
    server.enqueue(new MockResponse.Builder().body("ok").build());
    Path caFile = write("ca.pem", ca.certificatePem());
    Path cert = write("client.pem", client.certificatePem());
    Path key = write("client.key", client.privateKeyPkcs8Pem());
    ProbeResult with = call(probe(url()).tls(Optional.of(caFile), Optional.of(cert),
        Optional.of(key), false));
    ProbeResult without = call(probe(url()).tls(Optional.of(caFile), Optional.empty(),
        Optional.empty(), false));
    assertThat(with.outcome()).isEqualTo(Outcome.OK);
    assertThat(without.outcome()).isIn(Outcome.TLS, Outcome.IO_ERROR);
  }

  @Test
  void insecureAcceptsAnyCertificate() throws IOException {
    start(new HandshakeCertificates.Builder().heldCertificate(serverCert).build());
    ProbeResult r = call(probe(url()).tls(Optional.empty(), Optional.empty(), Optional.empty(),
        true));
    assertThat(r.outcome()).isEqualTo(Outcome.OK);
  }

  @Test
  void aPkcs1KeyIsRejectedAtSetupWithTheConversionCommand() throws IOException {
    HeldCertificate rsa = new HeldCertificate.Builder().rsa2048().signedBy(ca).build();
    Path cert = write("client.pem", rsa.certificatePem());
    Path key = write("client.key", rsa.privateKeyPkcs1Pem());
    assertThatThrownBy(() -> call(probe("https://127.0.0.1:1/").tls(Optional.empty(),
        Optional.of(cert), Optional.of(key), false)))
        .isInstanceOf(ProbeSetupException.class)
        .hasMessageContaining("openssl pkcs8 -topk8");
  }

  @Test
  void aMissingCaFileFailsAtSetupNamingTheFile() {
    Path missing = dir.resolve("nope.pem");
    assertThatThrownBy(() -> call(probe("https://127.0.0.1:1/").tls(Optional.of(missing),
        Optional.empty(), Optional.empty(), false)))
        .isInstanceOf(ProbeSetupException.class)
        .hasMessageContaining("nope.pem");
  }
}
