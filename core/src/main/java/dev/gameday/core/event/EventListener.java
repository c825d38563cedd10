package dev.gameday.core.event;

/**
 * Hears every event of a run. Journal, console and metrics are listeners. A listener must be
 * fast and must not throw; the run's event bus shields the run from one that does.
 */
@FunctionalInterface
public interface EventListener {
  void on(TimelineEvent event);

  EventListener NONE = e -> {};
}
