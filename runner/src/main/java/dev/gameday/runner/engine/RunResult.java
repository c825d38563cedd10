package dev.gameday.runner.engine;

import dev.gameday.core.event.RunOutcome;
import java.nio.file.Path;
import java.util.List;

/** How a run ended, where its files are, and what still needs a person (failed reverts). */
public record RunResult(RunOutcome outcome, String summary, Path runDir,
    List<String> revertFailures) {
  public int exitCode() {
    return outcome.exitCode();
  }
}
