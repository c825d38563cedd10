package dev.gameday.core.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Azurite, Microsoft's Azure Storage emulator, as a child process serving Blob Storage on a free
 * loopback port (127.0.0.1, port chosen by the system), its data in {@code dir}. Installed by
 * {@code scripts/azurite-install} into {@code .tools/azurite}; where it is not installed the test
 * is skipped, except in CI ({@code CI=true}), where that is a failure.
 */
public final class Azurite implements AutoCloseable {
  /** Azurite's well-known development account (public, documented by Microsoft). */
  public static final String ACCOUNT = "devstoreaccount1";
  private static final String KEY =
      "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
  private static final Pattern LISTENING = Pattern.compile("listens on (http://\\S+?):(\\d+)");

  private final Process process;
  private final int port;

  private Azurite(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts Azurite with its data in {@code dir} (kept across a restart on the same folder). */
  public static Azurite start(Path dir) throws IOException, InterruptedException {
    Path bin = binary();
    Files.createDirectories(dir);
    Process p = new ProcessBuilder(bin.toString(), "--blobHost", "127.0.0.1", "--blobPort", "0",
        "--location", dir.toString(), "--skipApiVersionCheck", "--disableTelemetry", "--loose")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.PIPE).start();
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Path log = dir.resolve("azurite.log");
    Thread.ofPlatform().daemon().name("azurite-log").start(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
          StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          Files.writeString(log, line + "\n", StandardCharsets.UTF_8,
              java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
          Matcher m = LISTENING.matcher(line);
          if (m.find()) {
            port.complete(Integer.parseInt(m.group(2)));
          }
        }
      } catch (IOException e) {
        port.completeExceptionally(e);
      }
      port.completeExceptionally(new IOException("Azurite ended before it listened"));
    });
    try {
      return new Azurite(p, port.get(90, TimeUnit.SECONDS));
    } catch (Exception e) {
      p.destroyForcibly().waitFor();
      throw new IOException("Azurite did not start: " + e + "; its output: "
          + (Files.exists(log) ? Files.readString(log) : ""), e);
    }
  }

  /** The installed {@code azurite-blob}, or the test is skipped (a failure in CI). */
  static Path binary() {
    String given = System.getenv("GAMEDAY_AZURITE");
    if (given != null && !given.isBlank()) {
      return Path.of(given);
    }
    Path here = Path.of("").toAbsolutePath();
    for (Path d = here; d != null; d = d.getParent()) {
      Path bin = d.resolve(".tools/azurite/node_modules/.bin/azurite-blob");
      if (Files.isExecutable(bin)) {
        return bin;
      }
    }
    if ("true".equals(System.getenv("CI"))) {
      throw new AssertionError("Azurite is not installed: scripts/azurite-install should have"
          + " installed it into .tools/azurite");
    }
    assumeTrue(false, "Azurite is not installed (run scripts/azurite-install)");
    throw new IllegalStateException();
  }

  public int port() {
    return port;
  }

  /** The blob endpoint of the development account. */
  public String blobEndpoint() {
    return "http://127.0.0.1:" + port + "/" + ACCOUNT;
  }

  /** The URL of {@code container} as {@code --store} takes it. */
  public String containerUrl(String container) {
    return blobEndpoint() + "/" + container;
  }

  /** The connection string of the development account on this instance. */
  public String connectionString() {
    return "DefaultEndpointsProtocol=http;AccountName=" + ACCOUNT + ";AccountKey=" + KEY
        + ";BlobEndpoint=" + blobEndpoint() + ";";
  }

  /** Stops the emulator at once (as a store that goes down mid-run). */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS);
    }
  }
}
