package dev.gameday.runner.engine;

import java.time.Duration;
import java.util.Optional;

/**
 * Knobs of the run engine that are not part of the experiment: how long to wait for the platform
 * to confirm a fault, how long a revert may keep retrying, how often to look at the application,
 * and the operator's reasons for overriding a guard.
 *
 * @param effectTimeout how long the platform gets to confirm a fault before the step fails
 * @param revertTimeout how long a revert keeps retrying before it is reported incomplete
 * @param pollInterval how often the engine looks at deadlines and the application's state
 * @param ignoreWindowReason set: run outside the maintenance window, journaling this reason
 * @param forceReason set: run although an unfinished run holds the same targets
 */
public record EngineOptions(
    Duration effectTimeout,
    Duration revertTimeout,
    Duration pollInterval,
    Optional<String> ignoreWindowReason,
    Optional<String> forceReason) {

  public static EngineOptions defaults() {
    return new EngineOptions(Duration.ofMinutes(10), Duration.ofMinutes(15), Duration.ofMillis(50),
        Optional.empty(), Optional.empty());
  }

  public EngineOptions withIgnoreWindow(String reason) {
    return new EngineOptions(effectTimeout, revertTimeout, pollInterval, Optional.of(reason),
        forceReason);
  }

  public EngineOptions withForce(String reason) {
    return new EngineOptions(effectTimeout, revertTimeout, pollInterval, ignoreWindowReason,
        Optional.of(reason));
  }

  public EngineOptions withTimeouts(Duration effect, Duration revert) {
    return new EngineOptions(effect, revert, pollInterval, ignoreWindowReason, forceReason);
  }
}
