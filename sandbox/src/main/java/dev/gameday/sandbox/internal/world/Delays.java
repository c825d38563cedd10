package dev.gameday.sandbox.internal.world;

import dev.gameday.sandbox.internal.time.Timings;
import java.time.Duration;

/** The world's timings at the run's speed factor, as real durations. */
public record Delays(WorldConfig.Timing config, Timings timings) {

  public Duration of(double worldSeconds) {
    return timings.real(worldSeconds);
  }

  public Duration powerOff(boolean skipShutdown) {
    return of(skipShutdown ? config.vm().powerOffSkipShutdownSeconds() : config.vm().powerOffSeconds());
  }

  public Duration deallocate() {
    return of(config.vm().deallocateSeconds());
  }

  public Duration start() {
    return of(config.vm().startSeconds());
  }

  public Duration restart() {
    return of(config.vm().restartSeconds());
  }

  public Duration guestAgentReady() {
    return of(config.vm().guestAgentReadySeconds());
  }

  public Duration appWarmUp() {
    return of(config.vm().appWarmUpSeconds());
  }

  public Duration probeInterval() {
    return of(config.loadBalancer().probeIntervalSeconds());
  }

  public int unhealthyThreshold() {
    return config.loadBalancer().unhealthyThreshold();
  }

  public int healthyThreshold() {
    return config.loadBalancer().healthyThreshold();
  }

  public Duration ruleCreate() {
    return of(config.nsg().ruleCreateSeconds());
  }

  public Duration ruleDelete() {
    return of(config.nsg().ruleDeleteSeconds());
  }

  public Duration nsgUpdate() {
    return of(config.nsg().nsgUpdateSeconds());
  }

  public boolean connectionPooling() {
    return config.database().connectionPooling();
  }

  public Duration poolIdleTimeout() {
    return of(config.database().poolIdleTimeoutSeconds());
  }

  public Duration dnsTtl() {
    return of(config.frontDoor().dnsTtlSeconds());
  }

  public WorldConfig.SiteRecoveryTiming siteRecovery() {
    return config.siteRecovery();
  }

  /** Retry-After in whole real seconds: the time left, at least 1, at most the configured maximum. */
  public long retryAfterSeconds(Duration left) {
    long seconds = (long) Math.ceil(left.toMillis() / 1000.0);
    return Math.max(1, Math.min(config.lro().maxRetryAfterSeconds(), seconds));
  }
}
