package dev.gameday.core.event;

/**
 * Hears every event of a run. Journal, console and metrics are listeners. A listener must be
 * fast and must not throw; the run's event bus shields the run from one that does.
 */
@FunctionalInterface
public interface EventListener {
  void on(TimelineEvent event);

  /**
   * An event of the probes' warm-up, which records nothing: run the code {@link #on} would run
   * for it (serialize, hash, count) and keep nothing of it — no line written, no counter moved,
   * nothing shown. The warm-up tells every sample this way so that the path a recorded sample
   * takes is compiled before the baseline's first sample, not during its first seconds.
   * A listener with only cheap work per event ignores it (the default). Never throws.
   */
  default void rehearse(TimelineEvent event) {}

  EventListener NONE = e -> {};
}
