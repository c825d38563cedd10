package dev.gameday.runner.cli;

import dev.gameday.core.load.ExperimentLoader;
import dev.gameday.core.load.LoadResult;
import dev.gameday.core.load.Problem;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Loads experiment files for the commands, printing every problem as FILE:LINE:COLUMN. */
final class ExperimentFiles {
  private ExperimentFiles() {}

  static ExperimentLoader loader() {
    return new ExperimentLoader(System::getenv);
  }

  /** Loads one file or throws (exit 2) after printing its problems to {@code err}. */
  static LoadResult.Loaded loadOrFail(Path file, PrintWriter err) {
    LoadResult result = loader().load(file);
    return switch (result) {
      case LoadResult.Loaded loaded -> loaded;
      case LoadResult.Invalid invalid -> {
        invalid.problems().forEach(p -> err.println(p.format()));
        err.flush();
        throw new GamedayException(ExitCodes.INVALID, file + ": " + count(invalid) + ", nothing was run");
      }
    };
  }

  static String count(LoadResult.Invalid invalid) {
    int n = invalid.problems().size();
    return n == 1 ? "1 problem" : n + " problems";
  }

  static String format(Problem p) {
    return p.format();
  }
}
