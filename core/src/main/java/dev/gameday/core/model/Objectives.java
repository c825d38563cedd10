package dev.gameday.core.model;

import java.time.Duration;
import java.util.Optional;

/**
 * What the experiment promises. {@code rto}: from the first failed probe to the application
 * being restored (the user-visible outage). {@code maxApplicationGap}: application restored minus
 * platform restored. {@code maxErrorRatio}: failed probe samples over all samples while a fault is
 * in force. {@code maxTimeToEffect}: how fast the platform must confirm a fault. {@code rpo}: the
 * most data a Site Recovery failover may lose, from the recovery point it used to the failover's
 * start. Absent = not judged.
 */
public record Objectives(
    Optional<Duration> rto,
    Optional<Duration> maxApplicationGap,
    Optional<Double> maxErrorRatio,
    Optional<Duration> maxTimeToEffect,
    Optional<Duration> rpo) {

  public static Objectives none() {
    return new Objectives(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty());
  }
}
