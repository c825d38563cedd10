package dev.gameday.probes.steady;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.core.event.TimelineEvent.StopConditionMet;
import dev.gameday.probes.FakeClock;
import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class BreachWatchTest {
  private final FakeClock clock = new FakeClock();
  private final BreachWatch watch = new BreachWatch("web", Duration.ofSeconds(2));

  @Test
  void firesOnceWhenTheBreachHasLastedTheLimit() {
    OptionalLong since = OptionalLong.of(clock.nanoTime());
    clock.advance(Duration.ofMillis(1999));
    assertThat(watch.check(since, clock.stamp())).isEmpty();
    clock.advance(Duration.ofMillis(1));
    StopConditionMet met = watch.check(since, clock.stamp()).orElseThrow();
    assertThat(met.breachedFor()).isEqualTo(Duration.ofSeconds(2));
    assertThat(met.limit()).isEqualTo(Duration.ofSeconds(2));
    assertThat(met.probe()).isEqualTo("web");
    clock.advance(Duration.ofSeconds(5));
    assertThat(watch.check(since, clock.stamp())).isEmpty();
  }

  @Test
  void aNewBreachFiresAgain() {
    OptionalLong first = OptionalLong.of(clock.nanoTime());
    clock.advance(Duration.ofSeconds(3));
    assertThat(watch.check(first, clock.stamp())).isPresent();
    assertThat(watch.check(OptionalLong.empty(), clock.stamp())).isEmpty();
    OptionalLong second = OptionalLong.of(clock.nanoTime());
    clock.advance(Duration.ofSeconds(3));
    assertThat(watch.check(second, clock.stamp())).isPresent();
  }

  @Test
  void nothingFiresWhileSteady() {
    clock.advance(Duration.ofHours(1));
    assertThat(watch.check(OptionalLong.empty(), clock.stamp())).isEmpty();
  }
}
