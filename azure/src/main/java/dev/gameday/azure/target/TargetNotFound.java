package dev.gameday.azure.target;

import dev.gameday.core.port.PlatformException;

/** A target matched nothing, or names a resource that does not exist. */
public final class TargetNotFound extends PlatformException {
  private final String target;

  public TargetNotFound(String target, String message) {
    super("target '" + target + "': " + message);
    this.target = target;
  }

  public String target() {
    return target;
  }
}
