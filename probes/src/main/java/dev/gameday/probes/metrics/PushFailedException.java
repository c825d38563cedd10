package dev.gameday.probes.metrics;

/** Pushing metrics to a Pushgateway failed; carries the URL and the HTTP status (0 if none). */
public final class PushFailedException extends RuntimeException {
  private final String url;
  private final int status;

  public PushFailedException(String url, int status, String message, Throwable cause) {
    super("push to " + url + " failed: " + message, cause);
    this.url = url;
    this.status = status;
  }

  public String url() {
    return url;
  }

  public int status() {
    return status;
  }
}
