package dev.gameday.reports.analysis;

/** The timing figures of a fault step, each with its key in report.json and its owner. */
public enum FigureKind {
  TIME_TO_EFFECT("timeToEffect", "time to effect", Owner.AZURE),
  TIME_TO_IMPACT("timeToImpact", "time to impact", Owner.APPLICATION),
  PLATFORM_RECOVERY("platformRecovery", "platform recovery", Owner.AZURE),
  APPLICATION_GAP("applicationGap", "application recovery gap", Owner.APPLICATION),
  USER_VISIBLE_OUTAGE("userVisibleOutage", "user-visible outage", Owner.SHARED),
  /** Test failover only: from the failover request to the first good answer of the DR copy. */
  DR_COPY_SERVED("drCopyServed", "time until the DR copy served", Owner.SHARED),
  /**
   * Site Recovery failover only: from the recovery point the failover used to the failover job's
   * start, by Azure's times; what a real disaster would have lost.
   */
  RPO("rpo", "recovery point (data-loss window)", Owner.AZURE),
  /**
   * Site Recovery failover only, when Azure states it: the worst of the protected items' last
   * replication RPO ({@code rpoInSeconds}), read just before the failover.
   */
  REPLICATION_RPO("replicationRpo", "replication RPO stated by Azure before the failover",
      Owner.AZURE);

  private final String key;
  private final String label;
  private final Owner owner;

  FigureKind(String key, String label, Owner owner) {
    this.key = key;
    this.label = label;
    this.owner = owner;
  }

  public String key() {
    return key;
  }

  public String label() {
    return label;
  }

  public Owner owner() {
    return owner;
  }
}
