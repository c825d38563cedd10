package dev.gameday.azure.connection;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import java.time.OffsetDateTime;
import reactor.core.publisher.Mono;

/**
 * A credential that always returns the same token: only for a local emulator (the sandbox),
 * which accepts any bearer token. Never used for a real cloud.
 */
public final class FixedTokenCredential implements TokenCredential {
  private final String token;

  public FixedTokenCredential(String token) {
    this.token = token;
  }

  @Override
  public Mono<AccessToken> getToken(TokenRequestContext request) {
    return Mono.just(getTokenSync(request));
  }

  @Override
  public AccessToken getTokenSync(TokenRequestContext request) {
    return new AccessToken(token, OffsetDateTime.now().plusHours(1));
  }

  @Override
  public String toString() {
    return "FixedTokenCredential[token hidden]";
  }
}
