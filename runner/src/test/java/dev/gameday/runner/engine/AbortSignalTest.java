package dev.gameday.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.core.event.TimelineEvent.AbortCause;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AbortSignalTest {
  @Test
  void nobodySeesTheSignalFiredBeforeTheAbortIsOnRecord() {
    var signal = new AbortSignal();
    List<String> seenDuringRecord = new ArrayList<>();
    signal.onFirstTrigger(r -> seenDuringRecord.add(r.message() + " triggered=" + signal.triggered()
        + " await=" + signal.await(Duration.ofMillis(1))));

    assertThat(signal.trigger(AbortCause.USER, "stop")).isTrue();

    assertThat(seenDuringRecord).containsExactly("stop triggered=false await=false");
    assertThat(signal.triggered()).isTrue();
    assertThat(signal.await(Duration.ZERO)).isTrue();
  }

  @Test
  void aTriggerFromInsideTheRecordMakesTheAbortUrgentWithoutASecondRecord() {
    var signal = new AbortSignal();
    List<String> recorded = new ArrayList<>();
    signal.onFirstTrigger(r -> {
      recorded.add(r.message());
      signal.trigger(AbortCause.USER, "again");
    });

    assertThat(signal.trigger(AbortCause.USER, "first")).isTrue();

    assertThat(recorded).containsExactly("first");
    assertThat(signal.urgent()).isTrue();
    assertThat(signal.reason()).map(AbortSignal.Reason::message).contains("first");
  }

  @Test
  void aListenerAddedAfterTheTriggerHearsItAtOnce() {
    var signal = new AbortSignal();
    signal.trigger(AbortCause.USER, "early");
    List<String> recorded = new ArrayList<>();

    signal.onFirstTrigger(r -> recorded.add(r.message()));

    assertThat(recorded).containsExactly("early");
  }
}
