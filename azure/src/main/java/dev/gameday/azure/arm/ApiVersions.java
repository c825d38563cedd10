package dev.gameday.azure.arm;

/** The ARM api-versions Gameday speaks, one per resource provider. */
public final class ApiVersions {
  /** Microsoft.Compute (the one azure-resourcemanager-compute 2.55.1 sends for virtualMachines). */
  public static final String COMPUTE = "2025-04-01";
  /** Microsoft.Network (the one azure-resourcemanager-network 2.57.0 sends for NSGs, subnets). */
  public static final String NETWORK = "2025-03-01";
  /** Microsoft.RecoveryServices Site Recovery (SiteRecovery/stable/2026-05-01/service.json). */
  public static final String SITE_RECOVERY = "2026-05-01";
  /** Microsoft.ResourceHealth availability statuses. */
  public static final String RESOURCE_HEALTH = "2025-05-01";
  /** Microsoft.Authorization permissions of the caller. */
  public static final String AUTHORIZATION = "2022-04-01";
  /** Microsoft.ResourceGraph queries. */
  public static final String RESOURCE_GRAPH = "2024-04-01";

  private ApiVersions() {}
}
