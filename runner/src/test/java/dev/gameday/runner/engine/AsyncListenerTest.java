package dev.gameday.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.core.event.Stamp;
import dev.gameday.core.event.TimelineEvent;
import dev.gameday.core.testing.RecordingListener;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AsyncListenerTest {
  private final List<String> heard = new CopyOnWriteArrayList<>();

  private static TimelineEvent note(int i) {
    return new TimelineEvent.Note(new Stamp(Instant.EPOCH, i), TimelineEvent.Level.INFO, "n" + i);
  }

  private void hear(TimelineEvent e) {
    heard.add(((TimelineEvent.Note) e).message());
  }

  @Test
  void everyEventArrivesInOrderAndCloseDeliversWhatIsQueued() {
    AsyncListener listener = new AsyncListener("test", this::hear, 10_000);

    IntStream.range(0, 5_000).forEach(i -> listener.on(note(i)));
    listener.close(Duration.ofSeconds(5));

    assertThat(heard).containsExactlyElementsOf(IntStream.range(0, 5_000).mapToObj(i -> "n" + i).toList());
    assertThat(listener.dropped()).isZero();
  }

  @Test
  void anEventOnAQuietQueueArrivesWithinOnePeriod() throws InterruptedException {
    CountDownLatch arrived = new CountDownLatch(1);
    AsyncListener listener = new AsyncListener("test", e -> arrived.countDown(), 10);
    Thread.sleep(3 * AsyncListener.PERIOD.toMillis());   // the worker is asleep on an empty queue

    listener.on(note(1));

    // One period plus generous scheduling slack on a busy machine: never a lost wake-up.
    assertThat(arrived.await(AsyncListener.PERIOD.toMillis() + 2_000, TimeUnit.MILLISECONDS)).isTrue();
    listener.close();
  }

  @Test
  void aStalledListenerLosesOnlyWhatDoesNotFitAndCountsIt() throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch stalled = new CountDownLatch(1);
    AsyncListener listener = new AsyncListener("test", e -> {
      stalled.countDown();
      try {
        release.await();
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
      }
      hear(e);
    }, 10);
    listener.on(note(0));
    assertThat(stalled.await(5, TimeUnit.SECONDS)).isTrue();

    IntStream.range(1, 100).forEach(i -> listener.on(note(i)));
    release.countDown();
    listener.close(Duration.ofSeconds(5));

    // The stalled event and the ten that fitted in the queue arrive; the rest are counted.
    assertThat(heard).hasSize(11).startsWith("n0", "n1");
    assertThat(listener.dropped()).isEqualTo(89);
  }

  @Test
  void aRehearsalReachesTheTargetsRehearsalOnItsThreadAndIsNeverHeardOrCounted() {
    RecordingListener target = new RecordingListener();
    AsyncListener listener = new AsyncListener("test", target, 10_000);

    listener.rehearse(note(1));
    listener.on(note(2));
    listener.close(Duration.ofSeconds(5));

    assertThat(target.rehearsed()).containsExactly(note(1));
    assertThat(target.events()).containsExactly(note(2));
    assertThat(listener.dropped()).isZero();
  }
}
