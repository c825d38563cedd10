package dev.gameday.runner.cli;

import dev.gameday.runner.engine.RunHead;
import java.io.IOException;
import java.nio.file.Path;

/** Reads a run directory named on the command line; a bad one is a usage error (exit 2). */
final class RunDirs {
  private RunDirs() {}

  static RunHead read(Path runDir) {
    try {
      return RunHead.read(runDir);
    } catch (IOException e) {
      throw new GamedayException(ExitCodes.INVALID, e.getMessage());
    }
  }
}
