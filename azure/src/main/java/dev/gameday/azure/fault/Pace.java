package dev.gameday.azure.fault;

import java.time.Duration;
import java.time.Instant;

/**
 * The waits between looks at one change Gameday is waiting for (the fault in force, the
 * platform restored): quick right after the request, when the change is most likely to be seen
 * soon, then doubling up to the poll interval. With the default 2 s interval that is 250 ms,
 * 500 ms, 1 s, then 2 s: four looks in the first two seconds, then one every two seconds, well
 * within ARM's read limits (a bucket of 250 reads per subscription and principal, refilled at
 * 25 a second). The quicker looks narrow the bracket within which Azure's instant is known.
 * One {@code Pace} per wait; not shared between threads.
 */
final class Pace {
  /** The shortest wait: below this a look costs more than it narrows the bracket. */
  static final Duration FLOOR = Duration.ofMillis(25);
  /** The first wait is the poll interval divided by this. */
  static final int QUICK = 8;

  private final FaultContext ctx;
  private Duration next;

  Pace(FaultContext ctx) {
    this.ctx = ctx;
    this.next = first(ctx.pollInterval());
  }

  /** The first wait after a request for a poll interval of {@code interval}. */
  static Duration first(Duration interval) {
    Duration quick = interval.dividedBy(QUICK);
    if (quick.compareTo(FLOOR) < 0) {
      quick = FLOOR;
    }
    return quick.compareTo(interval) > 0 ? interval : quick;
  }

  /** The wait this pause will take (before the deadline caps it). */
  Duration next() {
    return next;
  }

  /** Waits the next wait, or less if the deadline comes first; the one after is twice as long. */
  void pause(Instant deadline) throws InterruptedException {
    Duration wait = next;
    Duration doubled = next.multipliedBy(2);
    next = doubled.compareTo(ctx.pollInterval()) > 0 ? ctx.pollInterval() : doubled;
    ctx.sleep(wait, deadline);
  }
}
