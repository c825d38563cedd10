package dev.gameday.sandbox.internal.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Entra ID's token issuing as far as Gameday's credentials meet it: access tokens that expire
 * (default lifetime 3599 s, as Entra answers {@code expires_in}; shorter ones on request) and
 * that ARM refuses once expired, and client assertions (federated tokens) checked for their
 * time range like Entra does (AADSTS700024). Signatures are not checked: the sandbox
 * authenticates nobody. Times are wall-clock, as the clients' are, with Entra's and ARM's
 * allowance for clock skew scaled down to {@link #SKEW} (theirs is minutes).
 */
public final class Entra {
  private static final Pattern ISSUED = Pattern.compile("sandbox\\.(\\d+)\\..+");
  private static final ObjectMapper JSON = new ObjectMapper();
  /** How long past its expiry a token or an assertion is still accepted (clock skew). */
  public static final Duration SKEW = Duration.ofSeconds(2);

  private volatile Duration lifetime = Duration.ofSeconds(3599);
  private final Set<String> assertions = ConcurrentHashMap.newKeySet();
  private final AtomicInteger issued = new AtomicInteger();
  private final AtomicInteger refusedAssertions = new AtomicInteger();
  private final AtomicInteger refusedTokens = new AtomicInteger();

  /** Access tokens issued from now on live this long. */
  public void tokenLifetime(Duration d) {
    lifetime = d;
  }

  public int tokensIssued() {
    return issued.get();
  }

  /** Distinct client assertions accepted (each is one federated token). */
  public int assertionsAccepted() {
    return assertions.size();
  }

  /** Client assertions refused for being outside their valid time range. */
  public int assertionsRefused() {
    return refusedAssertions.get();
  }

  /** ARM requests refused because their access token had expired. */
  public int expiredTokensRefused() {
    return refusedTokens.get();
  }

  /** The token endpoint: {@code POST /{tenant}/oauth2/v2.0/token} (form-encoded). */
  ArmResponse token(ArmRequest request) {
    Map<String, String> form = form(new String(request.body(), StandardCharsets.UTF_8));
    String assertion = form.get("client_assertion");
    if (assertion != null) {
      Optional<Instant> exp = expiry(assertion);
      if (exp.isEmpty() || !exp.get().plus(SKEW).isAfter(Instant.now())) {
        refusedAssertions.incrementAndGet();
        ObjectNode error = JsonNodeFactory.instance.objectNode()
            .put("error", "invalid_client")
            .put("error_description", "AADSTS700024: Client assertion is not within its valid"
                + " time range. Current time: " + Instant.now() + ", assertion valid to: "
                + exp.map(Instant::toString).orElse("unknown"))
            .put("error_codes", 700024);
        return ArmResponse.of(400, error);
      }
      assertions.add(assertion);
    }
    issued.incrementAndGet();
    long seconds = Math.max(1, lifetime.toSeconds());
    long expires = Instant.now().plusSeconds(seconds).toEpochMilli();
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("token_type", "Bearer").put("expires_in", seconds).put("ext_expires_in", seconds)
        .put("access_token", "sandbox." + expires + "." + UUID.randomUUID());
    return ArmResponse.ok(node);
  }

  /** True (and counted) for a token this stand-in issued whose time is up. */
  boolean expired(String bearer) {
    Matcher m = ISSUED.matcher(bearer);
    if (m.matches() && Long.parseLong(m.group(1)) + SKEW.toMillis() <= System.currentTimeMillis()) {
      refusedTokens.incrementAndGet();
      return true;
    }
    return false;
  }

  private static Optional<Instant> expiry(String jwt) {
    String[] parts = jwt.split("\\.");
    if (parts.length < 2) {
      return Optional.empty();
    }
    try {
      JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
      return claims.path("exp").isNumber()
          ? Optional.of(Instant.ofEpochSecond(claims.path("exp").asLong())) : Optional.empty();
    } catch (java.io.IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Map<String, String> form(String body) {
    Map<String, String> out = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }
}
