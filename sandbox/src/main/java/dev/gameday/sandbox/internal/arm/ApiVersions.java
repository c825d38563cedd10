package dev.gameday.sandbox.internal.arm;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The api-versions each emulated provider accepts, and ARM's 400s for the others:
 * {@code MissingApiVersionParameter}, {@code InvalidApiVersionParameter} (malformed, or
 * unsupported on ARM's own types) and {@code NoRegisteredProviderFound} (unsupported on a
 * provider type).
 */
public record ApiVersions(String namespace, String resourceType, List<String> supported) {

  private static final Pattern WELL_FORMED = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(-(preview|beta|alpha|privatepreview))?");

  public static final ApiVersions COMPUTE = new ApiVersions("Microsoft.Compute", "virtualMachines",
      List.of("2024-03-01", "2024-07-01", "2024-11-01", "2025-04-01"));
  public static final ApiVersions NETWORK = new ApiVersions("Microsoft.Network", "networkSecurityGroups",
      List.of("2024-05-01", "2024-07-01", "2024-10-01", "2025-01-01", "2025-03-01", "2025-05-01"));
  public static final ApiVersions SITE_RECOVERY = new ApiVersions("Microsoft.RecoveryServices",
      "vaults/replicationRecoveryPlans", List.of("2025-08-01", "2026-02-01", "2026-05-01"));
  public static final ApiVersions VAULTS = new ApiVersions("Microsoft.RecoveryServices", "vaults",
      List.of("2023-04-01", "2024-04-01", "2024-10-01", "2025-02-01", "2025-08-01", "2026-02-01"));
  public static final ApiVersions RESOURCE_HEALTH = new ApiVersions("Microsoft.ResourceHealth", "availabilityStatuses",
      List.of("2022-10-01", "2024-02-01", "2025-05-01"));
  public static final ApiVersions RESOURCE_GRAPH = new ApiVersions("Microsoft.ResourceGraph", "resources",
      List.of("2021-03-01", "2022-10-01", "2024-04-01"));
  /** The caller's permissions ({@code Microsoft.Authorization/permissions}): the stable versions. */
  public static final ApiVersions AUTHORIZATION = new ApiVersions("Microsoft.Authorization", "permissions",
      List.of("2015-07-01", "2022-04-01"));
  /** Subscriptions and resource groups: ARM's own types. */
  public static final ApiVersions RESOURCES = new ApiVersions(null, null, List.of("2016-06-01", "2020-01-01",
      "2021-01-01", "2021-04-01", "2022-09-01", "2022-12-01", "2023-07-01", "2024-03-01", "2024-07-01", "2024-08-01",
      "2024-11-01", "2025-03-01", "2025-04-01"));
  /** Operation-status URLs handed out by the sandbox itself: any well-formed version. */
  public static final ApiVersions ANY = new ApiVersions(null, null, List.of());

  public void check(String apiVersion, String location) {
    if (apiVersion == null || apiVersion.isBlank()) {
      throw ArmException.badRequest("MissingApiVersionParameter",
          "The api-version query parameter (?api-version=) is required for all requests.");
    }
    if (!WELL_FORMED.matcher(apiVersion).matches()) {
      throw ArmException.badRequest("InvalidApiVersionParameter", "The api-version '" + apiVersion
          + "' is invalid. The supported versions are '" + String.join(",", supported) + "'.");
    }
    if (supported.isEmpty() || supported.contains(apiVersion)) {
      return;
    }
    if (namespace == null) {
      throw ArmException.badRequest("InvalidApiVersionParameter", "The api-version '" + apiVersion
          + "' is invalid. The supported versions are '" + String.join(",", supported) + "'.");
    }
    throw ArmException.badRequest("NoRegisteredProviderFound", "No registered resource provider found for location '"
        + (location == null ? "global" : location) + "' and API version '" + apiVersion + "' for type '" + resourceType
        + "'. The supported api-versions are '" + String.join(", ", supported) + "'. The supported locations are "
        + "'westeurope, northeurope'.");
  }
}
