package dev.gameday.azure.arm;

/**
 * A call was not sent because its deadline ({@link ArmClient#until}) had passed, or was cut off
 * by it before an answer came. Never retried; the caller's last real failure, not this, says why
 * its work did not finish.
 */
public final class ArmDeadlineException extends ArmException {
  public ArmDeadlineException(String request, java.time.Instant deadline, boolean sent,
      Throwable cause) {
    super(request, sent ? "cut off by its deadline " + deadline + " before an answer came"
        : "not sent: its deadline " + deadline + " has passed", cause);
  }
}
