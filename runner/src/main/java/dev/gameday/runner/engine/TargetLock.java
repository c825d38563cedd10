package dev.gameday.runner.engine;

import java.util.Optional;
import java.util.Set;

/** Finds an unfinished run (crashed, or still going) that holds any of these resources. */
public interface TargetLock {
  /** A description of the conflicting run (its directory), if there is one. */
  Optional<String> conflict(Set<String> resources, String ownRunId);

  TargetLock NONE = (r, id) -> Optional.empty();
}
