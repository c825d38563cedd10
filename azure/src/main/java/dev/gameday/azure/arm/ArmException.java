package dev.gameday.azure.arm;

/**
 * An ARM call failed. Carries the request it belongs to ({@code METHOD path}); the subtypes say
 * whether ARM answered ({@link ArmHttpException}) or not ({@link ArmTransportException}).
 */
public abstract sealed class ArmException extends RuntimeException
    permits ArmHttpException, ArmTransportException, ArmAuthException, ArmInterruptedException,
    ArmDeadlineException {
  private final String request;

  protected ArmException(String request, String message, Throwable cause) {
    super(request + ": " + message, cause);
    this.request = request;
  }

  /** The call that failed, as {@code METHOD path}. */
  public String request() {
    return request;
  }
}
