package dev.gameday.core.testing;

import dev.gameday.core.event.EventListener;
import dev.gameday.core.event.TimelineEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Records every event it hears, in order and thread-safely, and waits (bounded) for one to
 * arrive. Shared with the other modules' tests through core's test jar.
 */
public final class RecordingListener implements EventListener {
  private final List<TimelineEvent> events = new CopyOnWriteArrayList<>();
  private final List<TimelineEvent> rehearsed = new CopyOnWriteArrayList<>();

  @Override
  public void on(TimelineEvent event) {
    events.add(event);
  }

  public List<TimelineEvent> events() {
    return List.copyOf(events);
  }

  @Override
  public void rehearse(TimelineEvent event) {
    rehearsed.add(event);
  }

  /** The events it was asked to rehearse (a warm-up's), apart from those it heard. */
  public List<TimelineEvent> rehearsed() {
    return List.copyOf(rehearsed);
  }

  public <T extends TimelineEvent> List<T> of(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** The simple class names of the events, in order, skipping notes. */
  public List<String> kinds() {
    return events.stream().filter(e -> !(e instanceof TimelineEvent.Note))
        .map(e -> e.getClass().getSimpleName()).toList();
  }

  /** Waits up to {@code timeout} for an event of {@code type} matching {@code test}. */
  public <T extends TimelineEvent> T await(Class<T> type, Predicate<T> test, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (T e : of(type)) {
        if (test.test(e)) {
          return e;
        }
      }
      Thread.sleep(5);
    }
    throw new AssertionError("no " + type.getSimpleName() + " within " + timeout + "; got "
        + events.size() + " events");
  }
}
