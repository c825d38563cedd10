package dev.gameday.azure.connection;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long a run's credential lasts. A credential that renews itself (a CI OIDC credential,
 * which fetches a fresh federated token whenever Entra ID needs one) outlives any run; one that
 * does not (the az CLI after {@code azure/login}, a fixed token) lasts until {@code expiresAt}.
 */
public record CredentialLifetime(String kind, boolean refreshes, Instant expiresAt) {

  /**
   * Why a run that must be able to revert until {@code needed} cannot rely on this credential,
   * or empty when it can.
   */
  public Optional<String> shortfall(Instant now, Instant needed) {
    if (refreshes || !expiresAt.isBefore(needed)) {
      return Optional.empty();
    }
    return Optional.of("the Azure credential (" + kind + ") does not renew itself and its token"
        + " expires at " + expiresAt + ", in " + Duration.between(now, expiresAt).toSeconds()
        + " s, before the run's planned end plus its revert deadlines (" + needed + ")");
  }
}
