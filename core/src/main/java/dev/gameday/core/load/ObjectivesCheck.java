package dev.gameday.core.load;

/** Objectives and abort conditions: positive durations and a ratio in 0..1. */
final class ObjectivesCheck implements SemanticCheck {
  @Override
  public void check(CheckContext ctx) {
    for (String k : new String[] {"rto", "maxApplicationGap", "maxTimeToEffect"}) {
      ctx.duration("/objectives/" + k, false);
    }
    ctx.ratio("/objectives/maxErrorRatio");
    ctx.duration("/abort/whenSteadyStateBreachedFor", false);
    ctx.duration("/abort/maxDuration", false);
  }
}
