package dev.gameday.runner.cli;

/** A failure a command reports to the user as one clear line, with the exit code to end with. */
public final class GamedayException extends RuntimeException {
  private final int exitCode;

  public GamedayException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
