package dev.gameday.sandbox.internal.shop;

import dev.gameday.sandbox.internal.world.RecoveryPlan;
import java.time.Duration;
import java.time.Instant;

/**
 * The global entry point: serves from the primary region and moves to the secondary once a
 * planned or unplanned failover job of the recovery plan has completed and a DNS-TTL-like delay
 * has passed; a completed failover cancel moves it back the same way.
 */
final class FrontDoor implements Endpoint {

  private final RecoveryPlan plan;
  private final LoadBalancer primary;
  private final LoadBalancer secondary;
  private final Duration ttl;

  FrontDoor(RecoveryPlan plan, LoadBalancer primary, LoadBalancer secondary, Duration ttl) {
    this.plan = plan;
    this.primary = primary;
    this.secondary = secondary;
    this.ttl = ttl;
  }

  @Override
  public Reply handle(String method, String path, Instant now) {
    LoadBalancer active = active(now);
    return active.handle(method, path, now).withHeader("X-Front-Door-Origin", active.name());
  }

  LoadBalancer active(Instant now) {
    boolean secondaryActive = false;
    for (RecoveryPlan.Scenario s : plan.history()) {
      if (!s.job().succeededAt(now) || now.isBefore(s.job().endTime().orElseThrow().plus(ttl))) {
        continue;
      }
      switch (s.operation()) {
        case RecoveryPlan.PLANNED_FAILOVER, RecoveryPlan.UNPLANNED_FAILOVER -> secondaryActive = true;
        case RecoveryPlan.CANCEL_FAILOVER -> secondaryActive = false;
        default -> { }
      }
    }
    return secondaryActive ? secondary : primary;
  }
}
