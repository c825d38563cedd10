package dev.gameday.azure.arm;

/**
 * A call was not sent because its deadline ({@link ArmClient#until}) had passed. Never retried;
 * the caller's last real failure, not this, says why its work did not finish.
 */
public final class ArmDeadlineException extends ArmException {
  public ArmDeadlineException(String request, java.time.Instant deadline) {
    super(request, "not sent: its deadline " + deadline + " has passed", null);
  }
}
