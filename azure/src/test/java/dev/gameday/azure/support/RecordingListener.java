package dev.gameday.azure.support;

import dev.gameday.core.event.EventListener;
import dev.gameday.core.event.TimelineEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every event it hears, in order. */
public final class RecordingListener implements EventListener {
  private final List<TimelineEvent> events = new CopyOnWriteArrayList<>();

  @Override
  public void on(TimelineEvent event) {
    events.add(event);
  }

  public List<TimelineEvent> events() {
    return List.copyOf(events);
  }

  public <T extends TimelineEvent> List<T> of(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** The simple class names of the events, in order, skipping notes. */
  public List<String> kinds() {
    return events.stream().filter(e -> !(e instanceof TimelineEvent.Note))
        .map(e -> e.getClass().getSimpleName()).toList();
  }
}
