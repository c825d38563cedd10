package dev.gameday.core.port;

/** The platform refused or failed a preflight step (a guard, a lookup, a permission). */
public class PlatformException extends Exception {
  public PlatformException(String message) {
    super(message);
  }

  public PlatformException(String message, Throwable cause) {
    super(message, cause);
  }
}
