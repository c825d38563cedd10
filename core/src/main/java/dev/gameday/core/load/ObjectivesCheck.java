package dev.gameday.core.load;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Objectives and abort conditions: positive durations and a ratio in 0..1; {@code rpo} only with
 * a Site Recovery failover to judge it on.
 */
final class ObjectivesCheck implements SemanticCheck {
  @Override
  public void check(CheckContext ctx) {
    for (String k : new String[] {"rto", "maxApplicationGap", "maxTimeToEffect", "rpo"}) {
      ctx.duration("/objectives/" + k, false);
    }
    ctx.ratio("/objectives/maxErrorRatio");
    ctx.duration("/abort/whenSteadyStateBreachedFor", false);
    ctx.duration("/abort/maxDuration", false);
    if (!ctx.at("/objectives/rpo").isMissingNode() && !hasFailover(ctx.at("/faults"))) {
      ctx.report("/objectives/rpo", "`rpo` is judged on Site Recovery failovers, and no step of"
          + " this experiment is one", "add a `siteRecovery.failover` step, or remove `rpo`");
    }
  }

  private static boolean hasFailover(JsonNode faults) {
    for (JsonNode step : faults) {
      if (step.has("siteRecovery.failover")) {
        return true;
      }
    }
    return false;
  }
}
