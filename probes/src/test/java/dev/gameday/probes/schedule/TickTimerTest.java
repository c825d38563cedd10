package dev.gameday.probes.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
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
    try (TickTimer timer = new TickTimer.Choice(kind, Duration.ofMillis(1)).create("test-timer", System::nanoTime)) {
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
    try (TickTimer timer = new TickTimer.Choice(kind, Duration.ofMillis(1)).create("test-timer", System::nanoTime)) {
      long now = System.nanoTime();
      timer.at(now + MS, () -> {
        throw new IllegalStateException("boom");
      });
      timer.at(now + 20 * MS, ran::countDown);
      assertThat(ran.await(2, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void theParkingTimerCoalescesWakeUpsButNeverRunsEarly() throws InterruptedException {
    int tasks = 50;
    long[] ranAt = new long[tasks];
    long[] due = new long[tasks];
    CountDownLatch done = new CountDownLatch(tasks);
    try (TickTimer timer =
        new ParkingTickTimer("test-timer", System::nanoTime, Duration.ofMillis(5))) {
      long start = System.nanoTime() + 20 * MS;
      for (int i = 0; i < tasks; i++) {
        int k = i;
        due[k] = start + k * 200_000L; // 50 deadlines 0.2 ms apart: 10 ms in all
        timer.at(due[k], () -> {
          ranAt[k] = System.nanoTime();
          done.countDown();
        });
      }
      assertThat(done.await(2, TimeUnit.SECONDS)).isTrue();
    }
    int wakeUps = 1;
    for (int i = 0; i < tasks; i++) {
      assertThat(ranAt[i]).as("task %d ran before its deadline", i).isGreaterThanOrEqualTo(due[i]);
      if (i > 0 && ranAt[i] - ranAt[i - 1] > MS / 10) {
        wakeUps++;
      }
    }
    // One wake-up per deadline would be 50; at most one per 5 ms over 10 ms is 3, and a
    // preempted timer thread may split a batch or two.
    assertThat(wakeUps).isLessThanOrEqualTo(6);
  }
}
