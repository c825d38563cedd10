package dev.gameday.runner.engine;

import dev.gameday.core.event.EventListener;
import dev.gameday.core.event.TimelineEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans every event out to the run's listeners (journal first, then console, metrics, the
 * engine's own trackers). A listener that throws is logged once and skipped; it never breaks the
 * run — except the journal, whose failure is the run's failure: an event that cannot be written
 * must not be followed by the step it announces.
 */
public final class EventBus implements EventListener {
  private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);

  private final EventListener journal;
  private final List<EventListener> listeners = new CopyOnWriteArrayList<>();
  private final java.util.Set<EventListener> reported = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** @param journal written first and synchronously; its exceptions propagate. */
  public EventBus(EventListener journal) {
    this.journal = journal;
  }

  public EventBus add(EventListener listener) {
    listeners.add(listener);
    return this;
  }

  @Override
  public void on(TimelineEvent event) {
    journal.on(event);
    fanOut(event);
  }

  /**
   * This bus as reverts use it: a journal that cannot be written is logged (once) instead of
   * thrown, and the other listeners still get the event. Undoing a fault announces nothing that
   * could make things worse, so a revert is done even when it can no longer be journaled.
   */
  public EventListener tolerant() {
    return event -> {
      try {
        journal.on(event);
      } catch (RuntimeException e) {
        if (reported.add(journal)) {
          LOG.error("the journal cannot be written ({}); reverting anyway", e.toString());
        }
      }
      fanOut(event);
    };
  }

  private void fanOut(TimelineEvent event) {
    for (EventListener l : listeners) {
      try {
        l.on(event);
      } catch (RuntimeException e) {
        if (reported.add(l)) {
          LOG.warn("a run listener failed and is skipped from now on for errors: {}", e.toString());
        }
      }
    }
  }
}
