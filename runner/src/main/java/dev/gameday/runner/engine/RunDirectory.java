package dev.gameday.runner.engine;

import dev.gameday.core.journal.JournalFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A run's folder, {@code <runs root>/<run id>-<experiment name>/}: the journal, a copy of the
 * experiment, the reports, the evidence, and the {@code abort} file that {@code gameday abort}
 * drops to stop the run from another terminal.
 */
public record RunDirectory(String runId, Path path) {
  public static final String ABORT_FILE = "abort";
  public static final String EXPERIMENT_COPY = "experiment.yaml";
  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** Creates a new run folder; the run id is the UTC start time plus four random hex digits. */
  public static RunDirectory create(Path runsRoot, String experimentName, Instant now)
      throws IOException {
    String suffix = HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
    String runId = ID_TIME.format(now).toLowerCase(java.util.Locale.ROOT) + "-" + suffix;
    Path dir = runsRoot.resolve(runId + "-" + experimentName);
    Files.createDirectories(dir);
    return new RunDirectory(runId, dir);
  }

  public Path journal() {
    return path.resolve(JournalFormat.FILE_NAME);
  }

  public Path abortFile() {
    return path.resolve(ABORT_FILE);
  }
}
