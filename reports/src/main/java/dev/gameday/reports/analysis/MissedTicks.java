package dev.gameday.reports.analysis;

import dev.gameday.core.event.MissedTick;
import dev.gameday.core.event.TimelineEvent.Outcome;
import dev.gameday.core.event.TimelineEvent.ProbeSample;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts the ticks on which a probe sent no request ({@code MISSED} samples), per probe and per
 * cause, and how late the timer was at worst. Missed ticks are not observations of the
 * application; they are reported apart, with their likely cause.
 */
final class MissedTicks {
  private final Map<String, Long> byProbe = new TreeMap<>();
  private final Map<MissedTick.Cause, Long> byCause = new TreeMap<>();
  private long maxLateMillis;

  /** How many ticks a {@code MISSED} sample stands for. */
  static long ticks(ProbeSample s) {
    return MissedTick.parse(s.reason()).ticks();
  }

  void add(ProbeSample s) {
    if (s.outcome() != Outcome.MISSED) {
      return;
    }
    MissedTick m = MissedTick.parse(s.reason());
    byProbe.merge(s.probe(), m.ticks(), Long::sum);
    byCause.merge(m.cause(), m.ticks(), Long::sum);
    maxLateMillis = Math.max(maxLateMillis, m.lateMillis());
  }

  long total() {
    return byProbe.values().stream().mapToLong(Long::longValue).sum();
  }

  Map<String, Long> byProbe() {
    return Map.copyOf(byProbe);
  }

  long ticks(MissedTick.Cause cause) {
    return byCause.getOrDefault(cause, 0L);
  }

  long maxLateMillis() {
    return maxLateMillis;
  }
}
