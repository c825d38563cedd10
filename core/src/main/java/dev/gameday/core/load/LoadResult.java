package dev.gameday.core.load;

import dev.gameday.core.model.Experiment;
import dev.gameday.core.redact.Secrets;
import java.util.List;
import java.util.Objects;

/** The outcome of loading an experiment file: a valid experiment, or every problem found. */
public sealed interface LoadResult {

  /**
   * A valid experiment. {@code redactedYaml} is the source text with no secret value in it (it
   * holds the {@code ${env:...}} placeholders, not their values); {@code sha256} is the hex digest
   * of the file's bytes, so a report can say exactly which file ran; {@code secrets} are the values
   * the run must keep out of everything it writes or prints.
   */
  record Loaded(Experiment experiment, String redactedYaml, String sha256, Secrets secrets)
      implements LoadResult {
    public Loaded {
      Objects.requireNonNull(experiment, "experiment");
      Objects.requireNonNull(redactedYaml, "redactedYaml");
      Objects.requireNonNull(sha256, "sha256");
      Objects.requireNonNull(secrets, "secrets");
    }
  }

  /** The file is not a valid experiment; {@code problems} holds all problems found, in file order. */
  record Invalid(List<Problem> problems) implements LoadResult {
    public Invalid {
      problems = List.copyOf(problems);
      if (problems.isEmpty()) {
        throw new IllegalArgumentException("an invalid result needs at least one problem");
      }
    }
  }
}
