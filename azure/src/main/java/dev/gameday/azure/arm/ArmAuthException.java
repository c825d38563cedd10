package dev.gameday.azure.arm;

/** No token could be obtained for ARM: the identity is not logged in or not configured. */
public final class ArmAuthException extends ArmException {
  public ArmAuthException(String request, String message, Throwable cause) {
    super(request, message + " (log in with 'az login', or set AZURE_CLIENT_ID/AZURE_TENANT_ID"
        + " with AZURE_CLIENT_SECRET or AZURE_FEDERATED_TOKEN_FILE, or run with a managed"
        + " identity)", cause);
  }
}
