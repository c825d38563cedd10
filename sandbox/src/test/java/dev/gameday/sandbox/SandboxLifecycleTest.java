package dev.gameday.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start writes what clients need; close leaves no listener and no thread behind. */
class SandboxLifecycleTest {

  @Test
  void startWritesTheCaAndDescriptorAndCloseFreesEveryPort(@TempDir Path dir) throws Exception {
    Set<String> threadsBefore = threadNames();
    List<Integer> ports = new ArrayList<>();
    try (Sandbox sandbox = Sandbox.start(SandboxConfig.defaults().withStateDir(dir).withSpeed(10))) {
      assertThat(sandbox.armEndpoint().toString()).matches("https://127\\.0\\.0\\.1:\\d+/");
      assertThat(Files.readString(sandbox.caFile())).startsWith("-----BEGIN CERTIFICATE-----");
      assertThat(sandbox.shopUrls()).containsOnlyKeys("frontDoor", "primary", "secondary", "drTest");
      JsonNode descriptor = SandboxClients.JSON.readTree(dir.resolve("sandbox.json").toFile());
      assertThat(descriptor.at("/armEndpoint").asText()).isEqualTo(sandbox.armEndpoint().toString());
      assertThat(descriptor.at("/shopUrls/frontDoor").asText()).isEqualTo(sandbox.shopUrls().get("frontDoor")
          .toString());
      assertThat(descriptor.at("/pid").asLong()).isEqualTo(ProcessHandle.current().pid());
      assertThat(new SandboxClients(sandbox).arm("GET", "/subscriptions/" + sandbox.subscriptionId()
          + "?api-version=2022-12-01", null).statusCode()).isEqualTo(200);
      ports.add(sandbox.armEndpoint().getPort());
      sandbox.shopUrls().values().stream().map(URI::getPort).forEach(ports::add);
    }
    for (int port : ports) {
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        assertThat(socket.getLocalPort()).isEqualTo(port);
      }
    }
    Set<String> leftover = threadNames();
    leftover.removeAll(threadsBefore);
    assertThat(leftover).noneMatch(n -> n.contains("HTTP-Dispatcher") || n.startsWith("sandbox"));
  }

  @Test
  void fixedPortsFollowTheConfiguredBase() throws Exception {
    // Four consecutive free ports, below the ephemeral range that other processes' outgoing
    // connections (a load bench's thousand) take theirs from; another process may still take
    // one between the check and the start, so a bind race is retried with other ports.
    for (int attempt = 1; ; attempt++) {
      int base = fourFreePorts(attempt);
      Sandbox sandbox;
      try {
        sandbox = Sandbox.start(SandboxConfig.defaults().withShopBasePort(base));
      } catch (BindException e) {
        if (attempt == 5) {
          throw e;
        }
        continue;
      }
      try (sandbox) {
        assertThat(sandbox.shopUrls().get("frontDoor").getPort()).isEqualTo(base);
        assertThat(sandbox.shopUrls().get("primary").getPort()).isEqualTo(base + 1);
        assertThat(sandbox.shopUrls().get("drTest").getPort()).isEqualTo(base + 3);
      }
      return;
    }
  }

  /** The first of four consecutive ports free on loopback now, between 20000 and 32000. */
  private static int fourFreePorts(int seed) throws IOException {
    java.util.Random random = new java.util.Random(ProcessHandle.current().pid() * 31 + seed);
    for (int tries = 0; tries < 200; tries++) {
      int base = 20_000 + random.nextInt(12_000 - 4);
      List<ServerSocket> held = new ArrayList<>();
      try {
        for (int i = 0; i < 4; i++) {
          held.add(new ServerSocket(base + i, 1, InetAddress.getLoopbackAddress()));
        }
        return base;
      } catch (BindException e) {
        // taken; try another run of ports
      } finally {
        for (ServerSocket socket : held) {
          socket.close();
        }
      }
    }
    throw new IllegalStateException("no four consecutive free ports between 20000 and 32000");
  }

  @Test
  void mainParsesPortsSpeedAndStateDir() {
    SandboxConfig config = SandboxMain.parse(new String[] {"--port", "9443", "--speed", "20", "--state-dir", "x",
        "--seed", "5"});
    assertThat(config.armPort()).isEqualTo(9443);
    assertThat(config.shopBasePort()).isEqualTo(9444);
    assertThat(config.speed()).isEqualTo(20.0);
    assertThat(config.stateDir()).isEqualTo(Path.of("x"));
    assertThat(config.seed()).isEqualTo(5);
    assertThat(SandboxMain.parse(new String[] {"--port", "0"}).shopBasePort()).isZero();
  }

  private static Set<String> threadNames() {
    return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).collect(Collectors.toSet());
  }
}
