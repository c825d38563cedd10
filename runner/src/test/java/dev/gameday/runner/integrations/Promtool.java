package dev.gameday.runner.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Prometheus's {@code promtool} (Debian package {@code prometheus}; {@code .ci/run}
 * installs it). Without it a test is skipped with a message saying so, except in CI
 * ({@code CI} set), where a missing promtool is a failure: the check must not silently vanish.
 */
public final class Promtool {
  /** What a run of promtool printed and how it ended. */
  public record Result(int exit, String output) {}

  private Promtool() {}

  /** Skips the calling test when promtool is missing (fails in CI). */
  public static void requireInstalled() {
    assumeTrue(installed(), "promtool is not installed: skipping the Prometheus check"
        + " (apt-get install prometheus, as .ci/run does)");
  }

  /** Whether promtool is on the PATH; in CI a missing one fails the test instead. */
  public static boolean installed() {
    boolean present = System.getenv("PATH") != null && List.of(System.getenv("PATH").split(":"))
        .stream().anyMatch(d -> Files.isExecutable(Path.of(d, "promtool")));
    if (System.getenv("CI") != null) {
      assertThat(present).as("promtool must be installed in CI (.ci/run installs prometheus)")
          .isTrue();
    }
    if (!present) {
      System.err.println("promtool is not installed: the Prometheus checks are skipped"
          + " (apt-get install prometheus, as .ci/run does)");
    }
    return present;
  }

  /** {@code promtool ARGS...} in {@code dir}, with {@code stdin} fed to it (bounded: 60 s). */
  public static Result run(Path dir, String stdin, String... args)
      throws IOException, InterruptedException {
    requireInstalled();
    List<String> cmd = new ArrayList<>(List.of("promtool"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    try (var in = p.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("promtool " + String.join(" ", args) + " did not end in 60 s");
    }
    return new Result(p.exitValue(), out);
  }
}
