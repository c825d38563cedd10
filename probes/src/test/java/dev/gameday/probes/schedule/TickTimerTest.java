package dev.gameday.probes.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TickTimerTest {
  private static final long MS = 1_000_000;

  @ParameterizedTest
  @EnumSource(TickTimer.Kind.class)
  void tasksRunInDeadlineOrderNeverEarly(TickTimer.Kind kind) throws InterruptedException {
    List<String> order = new CopyOnWriteArrayList<>();
    List<Long> earliness = new CopyOnWriteArrayList<>();
    CountDownLatch done = new CountDownLatch(3);
    try (TickTimer timer = TickTimer.create(kind, "test-timer", System::nanoTime)) {
      long now = System.nanoTime();
      for (var e : List.of(java.util.Map.entry("c", 90L), java.util.Map.entry("a", 30L),
          java.util.Map.entry("b", 60L))) {
        long deadline = now + e.getValue() * MS;
        timer.at(deadline, () -> {
          earliness.add(deadline - System.nanoTime());
          order.add(e.getKey());
          done.countDown();
        });
      }
      assertThat(done.await(2, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(order).containsExactly("a", "b", "c");
    assertThat(earliness).allSatisfy(early -> assertThat(early).isLessThanOrEqualTo(0L));
  }

  @ParameterizedTest
  @EnumSource(TickTimer.Kind.class)
  void aFailingTaskDoesNotStopTheTimer(TickTimer.Kind kind) throws InterruptedException {
    CountDownLatch ran = new CountDownLatch(1);
    try (TickTimer timer = TickTimer.create(kind, "test-timer", System::nanoTime)) {
      long now = System.nanoTime();
      timer.at(now + MS, () -> {
        throw new IllegalStateException("boom");
      });
      timer.at(now + 20 * MS, ran::countDown);
      assertThat(ran.await(2, TimeUnit.SECONDS)).isTrue();
    }
  }
}
