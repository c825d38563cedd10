package dev.gameday.azure.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class OperatorIdentityTest {
  static String jwt(String payload) {
    Base64.Encoder b = Base64.getUrlEncoder().withoutPadding();
    return b.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
        + b.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
  }

  @Test
  void readsUserAndTenantFromTheTokenButNeverKeepsIt() {
    String token = jwt("{\"upn\":\"sre@contoso.com\",\"oid\":\"o-1\",\"tid\":\"t-1\"}");

    var who = OperatorIdentity.fromToken(token);

    assertThat(who).containsEntry("name", "sre@contoso.com").containsEntry("oid", "o-1")
        .containsEntry("tid", "t-1");
    assertThat(who.values()).noneMatch(v -> v.contains(token.split("\\.")[1]));
  }

  @Test
  void namesAServicePrincipalByItsAppId() {
    assertThat(OperatorIdentity.fromToken(jwt("{\"appid\":\"app-1\",\"oid\":\"o\",\"tid\":\"t\"}")))
        .containsEntry("name", "app-1").containsEntry("appid", "app-1");
  }

  @Test
  void callsAFixedNonJwtTokenTheSandbox() {
    assertThat(OperatorIdentity.fromToken("sandbox")).containsEntry("name", "sandbox");
  }
}
