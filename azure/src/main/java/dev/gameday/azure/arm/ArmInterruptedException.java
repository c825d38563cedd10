package dev.gameday.azure.arm;

/**
 * The calling thread was interrupted (an injection cancelled by an abort) before or while it
 * waited for ARM, for a {@code Retry-After} or for a rate-limit permit. Never retried; the
 * thread's interrupt flag is left set, so the code above it stops too.
 */
public final class ArmInterruptedException extends ArmException {
  public ArmInterruptedException(String request, Throwable cause) {
    super(request, "interrupted (the run is aborting); not sent again", cause);
  }
}
