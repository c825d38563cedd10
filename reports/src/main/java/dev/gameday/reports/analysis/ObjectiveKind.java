package dev.gameday.reports.analysis;

/** The objectives an experiment can set, each judged against one figure with one owner. */
public enum ObjectiveKind {
  RTO("rto", "user-visible outage; test failover: until the DR copy served", Owner.SHARED),
  MAX_APPLICATION_GAP("maxApplicationGap", "application recovery gap", Owner.APPLICATION),
  MAX_ERROR_RATIO("maxErrorRatio", "error ratio while the fault was in force", Owner.APPLICATION),
  MAX_TIME_TO_EFFECT("maxTimeToEffect", "time to effect", Owner.AZURE),
  RPO("rpo", "data-loss window of a Site Recovery failover", Owner.AZURE);

  private final String key;
  private final String measures;
  private final Owner owner;

  ObjectiveKind(String key, String measures, Owner owner) {
    this.key = key;
    this.measures = measures;
    this.owner = owner;
  }

  /** The key in the experiment's {@code objectives} and in report.json. */
  public String key() {
    return key;
  }

  /** What figure the objective is judged against. */
  public String measures() {
    return measures;
  }

  public Owner owner() {
    return owner;
  }
}
