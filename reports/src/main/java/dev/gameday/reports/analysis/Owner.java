package dev.gameday.reports.analysis;

/** Who answers for a figure under Azure's shared-responsibility model. */
public enum Owner {
  /** The platform: Azure's own part (power state, rule provisioning, failover job). */
  AZURE("Azure"),
  /** The customer's application: what users see once the platform has done its part. */
  APPLICATION("application"),
  /** Both: the figure spans the platform's and the application's time. */
  SHARED("shared");

  private final String label;

  Owner(String label) {
    this.label = label;
  }

  /** How the owner is named in reports. */
  public String label() {
    return label;
  }
}
