package dev.gameday.azure.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gameday.azure.connection.AzureConnection;
import dev.gameday.azure.connection.FixedTokenCredential;
import dev.gameday.core.port.EvidenceSigner;
import dev.gameday.sandbox.Sandbox;
import dev.gameday.sandbox.SandboxConfig;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signing through the real Key Vault SDK against the sandbox's Key Vault (challenge, get key,
 * sign), checked with the JDK and with {@code openssl dgst}: the signature must be the DER form
 * openssl expects, made by the key the vault holds.
 */
class KeyVaultSignerTest {
  @TempDir static Path dir;
  static Sandbox sandbox;
  static AzureConnection connection;

  @BeforeAll
  static void start() throws Exception {
    sandbox = Sandbox.start(new SandboxConfig(0, 0, 10, null, dir.resolve("sandbox"), 0));
    connection = AzureConnection.custom(sandbox.armEndpoint(), Optional.of(sandbox.caFile()),
        sandbox.tenantId(), sandbox.subscriptionId(), new FixedTokenCredential("sandbox"),
        Duration.ofSeconds(10));
  }

  @AfterAll
  static void stop() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  @Test
  void signsWithTheVaultsKeyAndOpensslAcceptsTheSignature() throws Exception {
    KeyVaultSigner signer = KeyVaultSigner.open(sandbox.evidenceKeyUrl(), connection);
    byte[] data = "{\"evidenceVersion\":1}\n".getBytes(StandardCharsets.UTF_8);

    byte[] signature = signer.sign(data);

    assertThat(signer.key().kind()).isEqualTo("keyVault");
    assertThat(signer.key().algorithm()).isEqualTo("ES256");
    assertThat(signer.key().id()).startsWith(sandbox.evidenceKeyUrl() + "/").matches(".*/[0-9a-f]{32}");
    Signature jdk = Signature.getInstance("SHA256withECDSA");
    jdk.initVerify(signer.key().publicKey());
    jdk.update(data);
    assertThat(jdk.verify(signature)).isTrue();
    Path file = Files.write(dir.resolve("evidence.json"), data);
    Path sig = Files.write(dir.resolve("evidence.json.sig"), signature);
    Path pub = Files.writeString(dir.resolve("vault-public.pem"), pem(signer.key()));
    Process p;
    try {
      p = new ProcessBuilder("openssl", "dgst", "-sha256", "-verify", pub.toString(), "-signature",
          sig.toString(), file.toString()).redirectErrorStream(true).start();
    } catch (IOException e) {
      assumeTrue(false, "openssl is not installed");
      return;
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(out).contains("Verified OK");
  }

  @Test
  void anUnknownKeyIsRefusedWhenTheSignerOpens() {
    URI missing = sandbox.evidenceKeyUrl().resolve("no-such-key");

    assertThatThrownBy(() -> KeyVaultSigner.open(missing, connection))
        .isInstanceOf(EvidenceSigner.SigningException.class)
        .hasMessageContaining("no-such-key").hasMessageContaining("cannot use the Key Vault key");
  }

  private static String pem(EvidenceSigner.Key key) throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(out)) {
      w.writeObject(key.publicKey());
    }
    return out.toString();
  }
}
