package dev.gameday.sandbox.internal.arm;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for Microsoft Entra ID: the OAuth token endpoints (any client credentials get a
 * bearer token that expires, see {@link Entra}) and the discovery documents MSAL reads first.
 * No authentication happens.
 */
final class TokenApi {

  private static final Pattern TOKEN = Pattern.compile("/(?<tenant>[^/]+)/oauth2(/v2\\.0)?/token",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern OPENID = Pattern.compile("/(?<tenant>[^/]+)(/v2\\.0)?/\\.well-known/openid-configuration",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern DISCOVERY = Pattern.compile("/common/discovery/instance", Pattern.CASE_INSENSITIVE);

  private TokenApi() {
  }

  /** Whether this server answers {@code path} without a bearer token. */
  static boolean handles(String method, String path) {
    return (method.equals("POST") && TOKEN.matcher(path).matches())
        || (method.equals("GET") && (OPENID.matcher(path).matches() || DISCOVERY.matcher(path).matches()));
  }

  static ArmResponse handle(ArmRequest request, Entra entra) {
    Matcher token = TOKEN.matcher(request.path());
    if (token.matches()) {
      return entra.token(request);
    }
    Matcher openid = OPENID.matcher(request.path());
    String base = request.baseUrl();
    if (openid.matches()) {
      String tenant = openid.group("tenant");
      ObjectNode node = JsonNodeFactory.instance.objectNode();
      node.put("issuer", base + "/" + tenant + "/v2.0");
      node.put("token_endpoint", base + "/" + tenant + "/oauth2/v2.0/token");
      node.put("authorization_endpoint", base + "/" + tenant + "/oauth2/v2.0/authorize");
      node.put("device_authorization_endpoint", base + "/" + tenant + "/oauth2/v2.0/devicecode");
      node.put("jwks_uri", base + "/" + tenant + "/discovery/v2.0/keys");
      node.put("tenant_region_scope", "EU");
      node.putArray("response_types_supported").add("code").add("token");
      node.putArray("token_endpoint_auth_methods_supported").add("client_secret_post").add("client_secret_basic");
      return ArmResponse.ok(node);
    }
    String host = base.replaceFirst("^https://", "");
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("tenant_discovery_endpoint", base + "/" + "common/v2.0/.well-known/openid-configuration");
    node.put("api-version", "1.1");
    node.putArray("metadata").addObject().put("preferred_network", host).put("preferred_cache", host)
        .set("aliases", JsonNodeFactory.instance.arrayNode().add(host));
    return ArmResponse.ok(node);
  }

}
