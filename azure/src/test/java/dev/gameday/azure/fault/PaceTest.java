package dev.gameday.azure.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.azure.support.WithArmStub;
import dev.gameday.core.port.RunClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaceTest extends WithArmStub {

  List<Duration> waits(Duration interval, int looks) throws InterruptedException {
    FaultContext ctx = new FaultContext(stub.faults().arm(), RunClock.SYSTEM, interval,
        "https://management.azure.com");
    Pace pace = ctx.pace();
    List<Duration> waits = new ArrayList<>();
    Instant past = Instant.now().minusSeconds(1);
    for (int i = 0; i < looks; i++) {
      waits.add(pace.next());
      pace.pause(past);
    }
    return waits;
  }

  @Test
  void looksQuicklyRightAfterARequestThenBacksOffToThePollInterval() throws Exception {
    assertThat(waits(Duration.ofSeconds(2), 6)).containsExactly(Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
        Duration.ofSeconds(2), Duration.ofSeconds(2));
  }

  @Test
  void aShortPollIntervalStartsAtTheFloorAndNeverWaitsLongerThanTheInterval() throws Exception {
    assertThat(waits(Duration.ofMillis(200), 5)).containsExactly(Duration.ofMillis(25),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200),
        Duration.ofMillis(200));
    assertThat(waits(Duration.ofMillis(10), 2)).containsOnly(Duration.ofMillis(10));
  }

  @Test
  void aWaitEndsAtTheDeadline() throws Exception {
    FaultContext ctx = new FaultContext(stub.faults().arm(), RunClock.SYSTEM,
        Duration.ofSeconds(8), "https://management.azure.com");
    Pace pace = ctx.pace();
    long t0 = System.nanoTime();
    pace.pause(Instant.now().plusMillis(100));
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(900));
  }
}
