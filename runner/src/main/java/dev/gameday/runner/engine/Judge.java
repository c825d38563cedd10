package dev.gameday.runner.engine;

import java.nio.file.Path;

/**
 * Decides, from a finished run's journal, whether the experiment's objectives were met. The
 * reports module's analysis implements it; the engine only needs the yes or no and a line.
 */
public interface Judge {
  /** The verdict of a completed run. */
  record Verdict(boolean objectivesMet, String summary) {}

  Verdict judge(Path journal);
}
