package dev.gameday.sandbox;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code gameday sandbox}: starts a sandbox and runs until SIGTERM/SIGINT.
 *
 * <pre>
 * --port N        ARM HTTPS port (default 8443; 0 = free port)
 * --shop-port N   first shop port (default: ARM port + 1, i.e. 8444..8447; 0 = free ports)
 * --speed X       divide every world duration by X (default 1)
 * --world FILE    world YAML (default: the built-in two-region shop)
 * --state-dir DIR where ca.pem, sandbox.json, sandbox.env and sandbox.pid go (default ./.gameday-sandbox)
 * --seed N        seed of every random choice (default: the world's seed)
 * </pre>
 */
public final class SandboxMain {

  private SandboxMain() {
  }

  public static void main(String[] args) throws Exception {
    long started = System.nanoTime();
    SandboxConfig config;
    try {
      config = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("sandbox: " + e.getMessage());
      System.err.println(usage());
      System.exit(2);
      return;
    }
    Sandbox sandbox = Sandbox.start(config);
    Path pidFile = sandbox.stateDir().resolve("sandbox.pid");
    Files.writeString(pidFile, ProcessHandle.current().pid() + "\n");
    List<String> env = environment(sandbox);
    Files.write(sandbox.stateDir().resolve("sandbox.env"), env);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      sandbox.close();
      try {
        Files.deleteIfExists(pidFile);
      } catch (IOException ignored) {
        // nothing left to do on the way out
      }
      stopped.countDown();
    }, "sandbox-shutdown"));
    print(System.out, sandbox, env, (System.nanoTime() - started) / 1_000_000);
    stopped.await();
  }

  static SandboxConfig parse(String[] args) {
    SandboxConfig config = SandboxConfig.defaults().withArmPort(8443).withStateDir(Path.of(".gameday-sandbox"));
    Integer shopPort = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("-h") || arg.equals("--help")) {
        throw new IllegalArgumentException("usage");
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value after " + arg);
      }
      String value = args[++i];
      try {
        switch (arg) {
          case "--port" -> config = config.withArmPort(Integer.parseInt(value));
          case "--shop-port" -> shopPort = Integer.parseInt(value);
          case "--speed" -> config = config.withSpeed(Double.parseDouble(value));
          case "--world" -> config = config.withWorldFile(Path.of(value));
          case "--state-dir" -> config = config.withStateDir(Path.of(value));
          case "--seed" -> config = config.withSeed(Long.parseLong(value));
          default -> throw new IllegalArgumentException("unknown option " + arg);
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bad number for " + arg + ": " + value);
      }
    }
    int shop = shopPort != null ? shopPort : config.armPort() == 0 ? 0 : config.armPort() + 1;
    return config.withShopBasePort(shop);
  }

  static List<String> environment(Sandbox sandbox) {
    Map<String, java.net.URI> shop = sandbox.shopUrls();
    List<String> env = new ArrayList<>();
    env.add("GAMEDAY_SANDBOX_ARM=" + sandbox.armEndpoint());
    env.add("GAMEDAY_SANDBOX_CA=" + sandbox.caFile().toAbsolutePath());
    env.add("GAMEDAY_SANDBOX_SUBSCRIPTION=" + sandbox.subscriptionId());
    env.add("GAMEDAY_SANDBOX_TENANT=" + sandbox.tenantId());
    env.add("GAMEDAY_SHOP_URL=" + shop.get("frontDoor"));
    env.add("GAMEDAY_SHOP_PRIMARY_URL=" + shop.get("primary"));
    env.add("GAMEDAY_SHOP_SECONDARY_URL=" + shop.get("secondary"));
    env.add("GAMEDAY_SHOP_DRTEST_URL=" + shop.get("drTest"));
    return env;
  }

  private static void print(PrintStream out, Sandbox sandbox, List<String> env, long startMillis) {
    out.println("Gameday sandbox (speed x" + sandbox.config().speed() + ")");
    out.println("  ARM endpoint : " + sandbox.armEndpoint());
    out.println("  CA to trust  : " + sandbox.caFile().toAbsolutePath());
    out.println("  subscription : " + sandbox.subscriptionId() + "  tenant: " + sandbox.tenantId());
    sandbox.shopUrls().forEach((k, v) -> out.printf("  shop %-9s: %s%n", k, v));
    out.println("  knobs        : " + sandbox.armEndpoint() + "_sandbox/state | faults | reset");
    out.println("  Key Vault key: " + sandbox.evidenceKeyUrl() + " (run --sign-key-vault URL)");
    out.println("Environment for the runner (also in " + sandbox.stateDir().resolve("sandbox.env") + "):");
    env.forEach(out::println);
    long jvm = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    out.println("ready in " + startMillis + " ms (" + jvm + " ms since JVM start); Ctrl-C or SIGTERM stops it");
    out.flush();
  }

  private static String usage() {
    return "usage: sandbox [--port N] [--shop-port N] [--speed X] [--world FILE] [--state-dir DIR] [--seed N]";
  }
}
