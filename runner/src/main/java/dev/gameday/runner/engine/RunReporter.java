package dev.gameday.runner.engine;

import java.nio.file.Path;
import java.util.List;

/** Renders a finished run's reports from its journal; returns the files written. */
public interface RunReporter {
  List<Path> write(Path runDir);

  RunReporter NONE = dir -> List.of();
}
