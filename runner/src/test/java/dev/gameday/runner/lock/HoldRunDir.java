package dev.gameday.runner.lock;

import java.nio.file.Path;

/**
 * A separate process that holds a run directory as a live run would, until its standard input
 * closes: the operating-system lock of another process, as the lock folder sees it in practice.
 */
public final class HoldRunDir {
  private HoldRunDir() {}

  public static void main(String[] args) throws Exception {
    try (RunLiveness.Held held = RunLiveness.hold(Path.of(args[0]), "test")) {
      System.out.println("held");
      System.out.flush();
      while (System.in.read() >= 0) {
        // wait for the parent to close our input
      }
    }
  }

  /** Starts a holder of {@code runDir} and returns once it holds it. */
  public static Process start(Path runDir) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        HoldRunDir.class.getName(), runDir.toString()).redirectErrorStream(true).start();
    String line = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()))
        .readLine();
    if (!"held".equals(line)) {
      p.destroyForcibly();
      throw new AssertionError("the holder process did not start: " + line);
    }
    return p;
  }
}
