package dev.gameday.reports.analysis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The observed RPO of a Site Recovery failover: from the oldest recovery point the failover job
 * used (one per protected item, as the job states it) to the job's start, both by Azure's clock.
 * Data written in between is what a real disaster at that moment would have lost. Without the
 * job's own start time the failover request stands in for it.
 */
final class RecoveryPoints {
  private RecoveryPoints() {}

  /** A recovery point a failover job named for one protected item. */
  record Seen(String item, Evidence evidence) {}

  /** A protected item's last replication RPO as Azure stated it before the failover. */
  record Stated(String item, Duration rpo, Evidence evidence) {}

  /**
   * The worst replication RPO Azure stated for the plan's items just before the failover: Azure's
   * own measure of what a disaster at that moment would have lost, beside the observed one.
   * Absent when Azure stated none (not read, or not Azure-to-Azure).
   */
  static Optional<Figure> stated(StepState s) {
    Optional<Stated> worst = s.replicationRpos.stream().max(Comparator.comparing(Stated::rpo));
    return worst.map(w -> Figure.measured(FigureKind.REPLICATION_RPO, w.rpo(), "Azure's last"
        + " replication RPO of " + w.item() + ", the worst of " + s.replicationRpos.size()
        + " protected item(s), as read before the failover request",
        s.replicationRpos.stream().map(Stated::evidence).toList()));
  }

  static Figure figure(StepState s) {
    List<Evidence> ev = new ArrayList<>();
    Evidence start = s.failoverJobStarted != null ? s.failoverJobStarted : s.requested;
    if (start != null) {
      ev.add(start);
    }
    Optional<Seen> oldest = s.recoveryPoints.stream()
        .min(Comparator.comparing(p -> p.evidence().at()));
    if (start == null) {
      return Figure.missing(FigureKind.RPO, "the failover was never requested", ev);
    }
    if (oldest.isEmpty()) {
      ev.addAll(s.faultFailureEvidence);
      return Figure.missing(FigureKind.RPO, s.effective == null && !s.faultFailures.isEmpty()
          ? "the failover failed before it used a recovery point"
          : "Azure's failover job named no recovery point", ev);
    }
    Evidence point = oldest.get().evidence();
    ev.add(point);
    Duration d = Duration.between(point.at(), start.at());
    String from = "from the recovery point of " + oldest.get().item() + " (" + point.at() + ") to "
        + (start == s.failoverJobStarted ? "the failover job's start" : "the failover request");
    if (d.isNegative()) {
      return Figure.measured(FigureKind.RPO, Duration.ZERO, from + ": the recovery point is "
          + Durations.human(d.negated()) + " later than that start, so nothing written before it"
          + " was lost", ev);
    }
    return Figure.measured(FigureKind.RPO, d, from + ": data written in between would be lost in"
        + " a real disaster", ev);
  }
}
