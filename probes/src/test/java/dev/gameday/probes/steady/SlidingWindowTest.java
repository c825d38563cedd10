package dev.gameday.probes.steady;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SlidingWindowTest {
  private static final long MS = 1_000_000;

  private static Observation at(long startedMs, boolean ok, long latencyMs) {
    return new Observation(startedMs * MS, Instant.EPOCH, ok, latencyMs * MS, ok ? "ok" : "bad");
  }

  @Test
  void keepsOnlyTheLastOverAndCountsSuccesses() {
    SlidingWindow w = new SlidingWindow(1000 * MS);
    assertThat(w.ratio()).isEqualTo(1.0);
    w.add(at(0, false, 5));
    w.add(at(500, true, 5));
    assertThat(w.size()).isEqualTo(2);
    assertThat(w.ratio()).isEqualTo(0.5);
    w.add(at(1200, true, 5)); // the failure at 0 is now older than 1 s
    assertThat(w.size()).isEqualTo(2);
    assertThat(w.ratio()).isEqualTo(1.0);
  }

  @Test
  void survivesWrapAroundAndGrowthInOrder() {
    SlidingWindow w = new SlidingWindow(100 * MS);
    // 10 ms apart: the window holds 11 samples; 1,000 adds wrap the ring many times, and a
    // burst of 100 in one instant later forces growth while the ring is wrapped.
    for (int i = 0; i < 1000; i++) {
      w.add(at(i * 10L, i % 4 != 0, i % 50));
    }
    assertThat(w.size()).isEqualTo(11);
    for (int i = 0; i < 100; i++) {
      w.add(at(10_000, true, 1));
    }
    // samples from 9,900 ms on are kept: 9,900..9,990 (10) plus the 100 at 10,000
    assertThat(w.size()).isEqualTo(110);
    int failures = 0;
    for (int i = 990; i < 1000; i++) {
      failures += i % 4 == 0 ? 1 : 0;
    }
    assertThat(w.ratio()).isEqualTo((110.0 - failures) / 110);
    w.add(at(10_101, true, 1));
    assertThat(w.size()).isEqualTo(1);
  }

  @Test
  void latencyPercentileIsNearestRank() {
    SlidingWindow w = new SlidingWindow(10_000 * MS);
    assertThat(w.latencyPercentile(99)).isZero();
    for (int i = 1; i <= 100; i++) {
      w.add(at(i, true, 101 - i)); // latencies 100..1 ms, out of order
    }
    assertThat(w.latencyPercentile(50)).isEqualTo(50 * MS);
    assertThat(w.latencyPercentile(99)).isEqualTo(99 * MS);
    assertThat(w.latencyPercentile(100)).isEqualTo(100 * MS);
  }
}
