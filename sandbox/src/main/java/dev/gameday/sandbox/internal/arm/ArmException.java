package dev.gameday.sandbox.internal.arm;

/** An ARM error answer: HTTP status plus the {@code error.code} and {@code error.message} of the body. */
public final class ArmException extends RuntimeException {

  private final int status;
  private final String code;

  public ArmException(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  public static ArmException badRequest(String code, String message) {
    return new ArmException(400, code, message);
  }

  public static ArmException notFound(String code, String message) {
    return new ArmException(404, code, message);
  }

  public static ArmException conflict(String code, String message) {
    return new ArmException(409, code, message);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }
}
