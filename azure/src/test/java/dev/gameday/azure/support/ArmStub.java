package dev.gameday.azure.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.gameday.azure.AzureOptions;
import dev.gameday.azure.arm.ArmClient;
import dev.gameday.azure.arm.ArmResilience;
import dev.gameday.azure.connection.AzureConnection;
import dev.gameday.azure.connection.FixedTokenCredential;
import dev.gameday.azure.fault.FaultContext;
import dev.gameday.core.port.RunClock;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A WireMock HTTPS server on 127.0.0.1 standing in for ARM, and an {@link ArmClient} that
 * reaches it through the real pipeline (JDK HTTP client trusting the stub's PEM, bearer token).
 */
public final class ArmStub implements AutoCloseable {
  public static final String SUB = "00000000-0000-0000-0000-0000000000aa";
  public static final String TOKEN = "test-token";

  public final WireMockServer server;
  public final AzureConnection connection;
  public final Path pem;

  public ArmStub(Path dir) throws Exception {
    SelfSignedTls tls = SelfSignedTls.create(dir);
    this.pem = tls.pem();
    server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").httpDisabled(true)
        .dynamicHttpsPort().keystorePath(tls.keystore().toString()).keystoreType("PKCS12")
        .keystorePassword(tls.password()).keyManagerPassword(tls.password()));
    server.start();
    connection = AzureConnection.custom(endpoint(), Optional.of(tls.pem()), null, SUB,
        new FixedTokenCredential(TOKEN), Duration.ofSeconds(10));
    warmUp();
  }

  /** One call first, so TLS set-up and class loading do not count against a test's timings. */
  private void warmUp() {
    try {
      new ArmClient(connection.pipeline(), connection.endpoint(),
          ArmResilience.defaults().withMaxAttempts(1).withCallTimeout(Duration.ofSeconds(10)))
          .find(dev.gameday.azure.arm.ArmRequest.get("/warm-up", "0"));
    } catch (RuntimeException ignored) {
      // the stub has no mapping yet: any answer will do
    }
  }

  public URI endpoint() {
    return URI.create("https://127.0.0.1:" + server.httpsPort());
  }

  /** Fast resilience for tests: 3 attempts, 20-80 ms apart, 3 s per call. */
  public static ArmResilience fast() {
    return ArmResilience.defaults().withMaxAttempts(3)
        .withBackoff(Duration.ofMillis(20), Duration.ofMillis(80))
        .withCallTimeout(Duration.ofSeconds(3)).withRates(1000, 1000);
  }

  public ArmClient client(ArmResilience resilience) {
    return new ArmClient(connection.pipeline(), connection.endpoint(), resilience);
  }

  public FaultContext faults() {
    return new FaultContext(client(fast()), RunClock.SYSTEM, Duration.ofMillis(50),
        connection.endpoint().toString());
  }

  public AzureOptions options() {
    return new AzureOptions(Duration.ofMillis(50), fast());
  }

  @Override
  public void close() {
    server.stop();
  }
}
