package dev.gameday.core.port;

import java.util.Optional;

/**
 * A fault could not do its part. Carries the step, the resource and, for a failed revert, the
 * command that finishes the job by hand.
 */
public class FaultException extends Exception {
  private final String step;
  private final String resource;
  private final String manualCommand;

  public FaultException(String step, String resource, String message, String manualCommand,
      Throwable cause) {
    super(message, cause);
    this.step = step;
    this.resource = resource;
    this.manualCommand = manualCommand;
  }

  public FaultException(String step, String resource, String message) {
    this(step, resource, message, null, null);
  }

  public String step() {
    return step;
  }

  public String resource() {
    return resource;
  }

  public Optional<String> manualCommand() {
    return Optional.ofNullable(manualCommand);
  }
}
