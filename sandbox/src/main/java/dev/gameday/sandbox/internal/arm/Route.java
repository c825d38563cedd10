package dev.gameday.sandbox.internal.arm;

import java.util.regex.Pattern;

/** One ARM operation: method, path pattern (named groups, case-insensitive) and accepted api-versions. */
public record Route(String method, Pattern pattern, ApiVersions versions, Handler handler) {

  /** Answers a routed call. */
  @FunctionalInterface
  public interface Handler {
    ArmResponse handle(ArmCall call);
  }

  /** Path prefix of a resource group: named groups {@code sub} and {@code rg}. */
  public static final String RG = "/subscriptions/(?<sub>[^/]+)/resourceGroups/(?<rg>[^/]+)";
  /** Path prefix of a subscription: named group {@code sub}. */
  public static final String SUB = "/subscriptions/(?<sub>[^/]+)";

  public static Route of(String method, String regex, ApiVersions versions, Handler handler) {
    return new Route(method, Pattern.compile(regex, Pattern.CASE_INSENSITIVE), versions, handler);
  }
}
