package dev.gameday.probes;

/**
 * A probe cannot be set up as written: an unreadable CA or client-certificate file, a key in an
 * unsupported format, an invalid regular expression, a body on a GET. Thrown while the monitor is
 * built, so a run fails in preflight and never half-starts its probes.
 */
public final class ProbeSetupException extends RuntimeException {
  private final String probe;

  public ProbeSetupException(String probe, String message, Throwable cause) {
    super("probe " + probe + ": " + message, cause);
    this.probe = probe;
  }

  public ProbeSetupException(String probe, String message) {
    this(probe, message, null);
  }

  /** The name of the probe that cannot be set up. */
  public String probe() {
    return probe;
  }
}
