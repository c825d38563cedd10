package dev.gameday.azure.arm;

/**
 * No answer from ARM: a connection refused or reset, or no answer in time. {@code maybeSent}
 * says whether the request may have reached ARM (then a non-idempotent action may have been
 * accepted, and must not be blindly repeated).
 */
public final class ArmTransportException extends ArmException {
  private final boolean maybeSent;

  public ArmTransportException(String request, String message, boolean maybeSent,
      Throwable cause) {
    super(request, message, cause);
    this.maybeSent = maybeSent;
  }

  public boolean maybeSent() {
    return maybeSent;
  }
}
