package dev.gameday.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gameday.core.event.EventListener;
import dev.gameday.core.event.Stamp;
import dev.gameday.core.event.TimelineEvent;
import dev.gameday.core.redact.Secrets;
import dev.gameday.core.testing.RecordingListener;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class EventBusTest {
  private static final String SECRET = "hunter2-token";
  private static final Stamp AT = new Stamp(Instant.parse("2026-12-01T01:00:00Z"), 0);

  private final List<TimelineEvent> journaled = new CopyOnWriteArrayList<>();
  private final List<TimelineEvent> heard = new CopyOnWriteArrayList<>();

  private TimelineEvent note() {
    return new TimelineEvent.Note(AT, TimelineEvent.Level.WARN, "revert of https://u:" + SECRET + "@shop failed");
  }

  @Test
  void everyListenerGetsTheScrubbedEvent() {
    EventBus bus = new EventBus(journaled::add, Secrets.of(List.of(SECRET))).add(heard::add);

    bus.on(note());

    assertThat(journaled).singleElement().asString().doesNotContain(SECRET).contains(Secrets.MASK);
    assertThat(heard).singleElement().asString().doesNotContain(SECRET);
  }

  @Test
  void theRevertPathScrubsAsTheRunPathDoes() {
    EventBus bus = new EventBus(journaled::add, Secrets.of(List.of(SECRET))).add(heard::add);

    bus.tolerant().on(note());

    assertThat(journaled).singleElement().asString().doesNotContain(SECRET).contains(Secrets.MASK);
    assertThat(heard).singleElement().asString().doesNotContain(SECRET);
  }

  @Test
  void aJournalThatFailsBreaksTheRunButNotARevert() {
    EventBus bus = new EventBus(e -> {
      throw new IllegalStateException("disk full");
    }, Secrets.none()).add(heard::add);

    assertThatThrownBy(() -> bus.on(note())).hasMessageContaining("disk full");
    bus.tolerant().on(note());

    assertThat(heard).hasSize(1);
  }

  @Test
  void aRehearsalIsScrubbedAndReachesOnlyTheRehearsalsOfTheJournalAndTheListeners() {
    RecordingListener journal = new RecordingListener();
    RecordingListener listener = new RecordingListener();
    EventBus bus = new EventBus(journal, Secrets.of(List.of(SECRET))).add(listener);

    bus.rehearse(note());

    assertThat(journal.events()).as("nothing journaled").isEmpty();
    assertThat(listener.events()).as("nothing heard").isEmpty();
    assertThat(journal.rehearsed()).singleElement().asString().doesNotContain(SECRET)
        .contains(Secrets.MASK);
    assertThat(listener.rehearsed()).singleElement().asString().doesNotContain(SECRET);
  }

  @Test
  void aRehearsalThatFailsNeverFailsTheRun() {
    EventListener failing = new EventListener() {
      @Override
      public void on(TimelineEvent event) {
        journaled.add(event);
      }

      @Override
      public void rehearse(TimelineEvent event) {
        throw new IllegalStateException("disk full");
      }
    };
    EventBus bus = new EventBus(failing, Secrets.none()).add(heard::add);

    bus.rehearse(note());
    bus.on(note());

    assertThat(journaled).hasSize(1);
    assertThat(heard).hasSize(1);
  }
}
