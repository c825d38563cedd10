package dev.gameday.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gameday.sandbox.internal.Simulation;
import dev.gameday.sandbox.internal.arm.ArmServer;
import dev.gameday.sandbox.internal.arm.Entra;
import dev.gameday.sandbox.internal.arm.Faults;
import dev.gameday.sandbox.internal.keyvault.KeyVaultServer;
import dev.gameday.sandbox.internal.keyvault.VaultKeys;
import dev.gameday.sandbox.internal.shop.Reply;
import dev.gameday.sandbox.internal.shop.Shop;
import dev.gameday.sandbox.internal.shop.ShopServer;
import dev.gameday.sandbox.internal.time.SimClock;
import dev.gameday.sandbox.internal.time.Timings;
import dev.gameday.sandbox.internal.tls.CertificateAuthority;
import dev.gameday.sandbox.internal.world.Delays;
import dev.gameday.sandbox.internal.world.WorldConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;

/**
 * A local Azure: the ARM emulator over HTTPS on 127.0.0.1 and the sample shop on plain HTTP,
 * both following one emulated world. Start with {@link #start(SandboxConfig)}; {@link #close()}
 * stops every listener and thread.
 */
public final class Sandbox implements AutoCloseable {

  private static final List<String> SHOP_KEYS = List.of(Shop.FRONT_DOOR, Shop.PRIMARY, Shop.SECONDARY, Shop.DR_TEST);

  private final SandboxConfig config;
  private final WorldConfig world;
  private final Path stateDir;
  private final boolean temporaryStateDir;
  private final Path caFile;
  private final CertificateAuthority ca;
  private final ExecutorService executor;
  private final AtomicReference<Simulation> simulation;
  private final Faults faults = new Faults();
  private final Entra entra = new Entra();
  private final SandboxKnobs knobs;
  private final List<AutoCloseable> closeables = new ArrayList<>();
  private final Map<String, URI> shopUrls = new LinkedHashMap<>();
  private ArmServer arm;
  private KeyVaultServer keyVault;
  private boolean closed;

  private Sandbox(SandboxConfig config, WorldConfig world, CertificateAuthority ca, Path stateDir,
      boolean temporaryStateDir) {
    this.config = config;
    this.world = world;
    this.stateDir = stateDir;
    this.temporaryStateDir = temporaryStateDir;
    this.caFile = stateDir.resolve("ca.pem");
    this.ca = ca;
    this.executor = Executors.newVirtualThreadPerTaskExecutor();
    SimClock clock = SimClock.system();
    Delays delays = new Delays(world.timings(), new Timings(config.speed()));
    long seed = config.seed() != 0 ? config.seed() : world.seed();
    this.simulation = new AtomicReference<>(Simulation.create(world, clock, delays, seed));
    Runnable reset = () -> {
      faults.clear();
      simulation.set(Simulation.create(world, clock, delays, seed));
    };
    this.knobs = new SandboxKnobs(faults, entra, simulation::get, reset);
  }

  /** Generates the certificates, builds the world and starts the ARM and shop listeners. */
  public static Sandbox start(SandboxConfig config) throws IOException {
    FutureTask<CertificateAuthority> certificates = new FutureTask<>(CertificateAuthority::generate);
    Thread generator = Thread.ofPlatform().name("sandbox-ca").start(certificates);
    WorldConfig world;
    CertificateAuthority ca;
    try {
      world = WorldConfig.load(config.worldFile());
    } finally {
      ca = join(certificates, generator);
    }
    boolean temporary = config.stateDir() == null;
    Path dir = temporary ? Files.createTempDirectory("gameday-sandbox") : config.stateDir().toAbsolutePath();
    Files.createDirectories(dir);
    Sandbox sandbox = new Sandbox(config, world, ca, dir, temporary);
    try {
      sandbox.listen();
      return sandbox;
    } catch (IOException | RuntimeException e) {
      sandbox.close();
      throw e;
    }
  }

  private static CertificateAuthority join(FutureTask<CertificateAuthority> task, Thread thread) {
    try {
      CertificateAuthority ca = task.get();
      thread.join();
      return ca;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while generating certificates", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
  }

  private void listen() throws IOException {
    ca.writeCaPem(caFile);
    ObjectMapper mapper = new ObjectMapper();
    arm = ArmServer.start(config.armPort(), ca.serverContext(), executor, mapper, simulation::get, faults,
        entra, knobs::resetWorld);
    closeables.add(arm);
    for (int i = 0; i < SHOP_KEYS.size(); i++) {
      String key = SHOP_KEYS.get(i);
      int port = config.shopBasePort() == 0 ? 0 : config.shopBasePort() + i;
      ShopServer server = ShopServer.start(port, executor, (method, path) -> shopReply(key, method, path));
      closeables.add(server);
      shopUrls.put(key, server.uri());
    }
    keyVault = KeyVaultServer.start(ca.serverContext(), executor, mapper, tenantId(),
        VaultKeys.generate(VaultKeys.EVIDENCE_KEY));
    closeables.add(keyVault);
    writeDescriptor(mapper);
  }

  private Reply shopReply(String key, String method, String path) {
    Simulation sim = simulation.get();
    synchronized (sim.world()) {
      return sim.shop().endpoint(key).handle(method, path, sim.world().now());
    }
  }

  private void writeDescriptor(ObjectMapper mapper) throws IOException {
    ObjectNode json = mapper.createObjectNode();
    json.put("armEndpoint", armEndpoint().toString());
    json.put("caFile", caFile.toString());
    json.put("subscriptionId", subscriptionId());
    json.put("tenantId", tenantId());
    json.put("evidenceKeyUrl", evidenceKeyUrl().toString());
    ObjectNode urls = json.putObject("shopUrls");
    shopUrls.forEach((k, v) -> urls.put(k, v.toString()));
    json.put("pid", ProcessHandle.current().pid());
    json.put("speed", config.speed());
    json.put("stateDir", stateDir.toString());
    Files.writeString(stateDir.resolve("sandbox.json"), mapper.writerWithDefaultPrettyPrinter().writeValueAsString(json));
  }

  /** The ARM endpoint, e.g. {@code https://127.0.0.1:8443/}. */
  public URI armEndpoint() {
    return arm.endpoint();
  }

  /**
   * The Key Vault key (EC P-256) that evidence can be signed with, in the sandbox's own Key Vault
   * ({@code https://127.0.0.1:PORT/keys/gameday-evidence}; same CA as ARM).
   */
  public URI evidenceKeyUrl() {
    return keyVault.vaultUrl().resolve("keys/" + VaultKeys.EVIDENCE_KEY);
  }

  /** PEM of the CA that signed the ARM server's certificate: the one certificate clients must trust. */
  public Path caFile() {
    return caFile;
  }

  /** A client TLS context that trusts only the sandbox CA. */
  public SSLContext sslContext() {
    try {
      return CertificateAuthority.trusting(caFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String subscriptionId() {
    return world.subscriptionId();
  }

  public String tenantId() {
    return world.tenantId();
  }

  /** Shop URLs by key: {@code frontDoor}, {@code primary}, {@code secondary}, {@code drTest}. */
  public Map<String, URI> shopUrls() {
    return Collections.unmodifiableMap(shopUrls);
  }

  public SandboxKnobs knobs() {
    return knobs;
  }

  /** Where {@code ca.pem} and {@code sandbox.json} are. */
  public Path stateDir() {
    return stateDir;
  }

  public SandboxConfig config() {
    return config;
  }

  /** Stops every listener and thread; deletes the state directory if it was a temporary one. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (AutoCloseable c : closeables.reversed()) {
      try {
        c.close();
      } catch (Exception ignored) {
        // keep closing the others
      }
    }
    executor.close();
    if (temporaryStateDir) {
      try (Stream<Path> files = Files.walk(stateDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException ignored) {
        // a leftover temporary directory is harmless
      }
    }
  }
}
