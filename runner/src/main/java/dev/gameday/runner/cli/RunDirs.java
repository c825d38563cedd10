package dev.gameday.runner.cli;

import dev.gameday.runner.engine.RunRecord;
import java.io.IOException;
import java.nio.file.Path;

/** Reads a run directory named on the command line; a bad one is a usage error (exit 2). */
final class RunDirs {
  private RunDirs() {}

  static RunRecord read(Path runDir) {
    try {
      return RunRecord.read(runDir);
    } catch (IOException e) {
      throw new GamedayException(ExitCodes.INVALID, e.getMessage());
    }
  }
}
