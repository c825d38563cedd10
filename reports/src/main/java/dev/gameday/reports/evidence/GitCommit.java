package dev.gameday.reports.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The git commit checked out in a folder, by {@code git -C DIR rev-parse HEAD}, if it is a repo. */
final class GitCommit {
  private final Duration timeout;

  GitCommit(Duration timeout) {
    this.timeout = timeout;
  }

  Optional<String> of(Path dir) {
    if (dir == null || !Files.isDirectory(dir)) {
      return Optional.empty();
    }
    ProcessBuilder pb = new ProcessBuilder("git", "-C", dir.toString(), "rev-parse", "HEAD")
        .redirectErrorStream(false)
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("GIT_TERMINAL_PROMPT", "0");
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      return Optional.empty();
    }
    try {
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        return Optional.empty();
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return p.exitValue() == 0 && out.matches("[0-9a-f]{40,64}") ? Optional.of(out)
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
