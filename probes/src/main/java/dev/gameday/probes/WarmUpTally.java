package dev.gameday.probes;

import dev.gameday.core.event.MissedTick;
import dev.gameday.core.event.TimelineEvent.Outcome;
import dev.gameday.core.event.TimelineEvent.ProbeSample;
import java.util.concurrent.atomic.LongAdder;

/** What one probe's warm-up saw: requests, the failed ones among them, missed ticks. */
final class WarmUpTally {
  private final LongAdder requests = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final LongAdder missed = new LongAdder();

  void add(ProbeSample s) {
    if (s.outcome() == Outcome.MISSED) {
      missed.add(MissedTick.parse(s.reason()).ticks());
      return;
    }
    requests.increment();
    if (!s.ok()) {
      failed.increment();
    }
  }

  Counts counts() {
    return new Counts(requests.sum(), failed.sum(), missed.sum());
  }

  /** The counts at one moment; {@link #plus} sums probes. */
  record Counts(long requests, long failed, long missed) {
    static final Counts ZERO = new Counts(0, 0, 0);

    Counts plus(Counts o) {
      return new Counts(requests + o.requests, failed + o.failed, missed + o.missed);
    }
  }
}
