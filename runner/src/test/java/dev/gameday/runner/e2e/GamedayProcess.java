package dev.gameday.runner.e2e;

import dev.gameday.sandbox.Sandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code gameday} CLI as a child JVM, with the sandbox's environment. */
final class GamedayProcess {
  private GamedayProcess() {}

  /** The repository root (tests run in the runner module's folder). */
  static Path repo() {
    Path here = Path.of("").toAbsolutePath();
    return Files.isDirectory(here.resolve("experiments")) ? here : here.getParent();
  }

  /**
   * The environment a user gets from {@code scripts/sandbox start}, with a lock folder of the
   * test's own beside the runs directory (sandboxes of other test runs have the same resource
   * IDs).
   */
  static Map<String, String> env(Sandbox sandbox, Path runsDir) {
    return env(sandbox, runsDir, runsDir.resolveSibling(runsDir.getFileName() + "-locks"));
  }

  /** As {@link #env(Sandbox, Path)}, with the lock folder given (runs that must see each other). */
  static Map<String, String> env(Sandbox sandbox, Path runsDir, Path lockDir) {
    Map<String, String> env = new HashMap<>();
    env.put("GAMEDAY_SANDBOX_ARM", sandbox.armEndpoint().toString());
    env.put("GAMEDAY_SANDBOX_CA", sandbox.caFile().toAbsolutePath().toString());
    env.put("GAMEDAY_SANDBOX_SUBSCRIPTION", sandbox.subscriptionId());
    env.put("GAMEDAY_SANDBOX_TENANT", sandbox.tenantId());
    env.put("GAMEDAY_SHOP_URL", sandbox.shopUrls().get("frontDoor").toString());
    env.put("GAMEDAY_SHOP_PRIMARY_URL", sandbox.shopUrls().get("primary").toString());
    env.put("GAMEDAY_SHOP_SECONDARY_URL", sandbox.shopUrls().get("secondary").toString());
    env.put("GAMEDAY_SHOP_DRTEST_URL", sandbox.shopUrls().get("drTest").toString());
    env.put("GAMEDAY_RUNS_DIR", runsDir.toString());
    env.put("GAMEDAY_LOCK_DIR", lockDir.toString());
    return env;
  }

  /** Starts {@code gameday ARGS...}; output goes to {@code log}. */
  static Process start(Map<String, String> env, Path log, String... args) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
        "dev.gameday.runner.cli.Main"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(repo().toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().putAll(env);
    return pb.start();
  }

  /** Runs to completion (bounded); returns the exit code. */
  static int run(Map<String, String> env, Path log, Duration timeout, String... args)
      throws IOException, InterruptedException {
    Process p = start(env, log, args);
    if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      p.destroyForcibly().waitFor();
      throw new AssertionError("gameday " + String.join(" ", args) + " did not end within " + timeout
          + "; output:\n" + Files.readString(log));
    }
    return p.exitValue();
  }
}
