package dev.gameday.runner.engine;

import dev.gameday.core.event.EventListener;
import dev.gameday.core.event.TimelineEvent;
import dev.gameday.core.redact.EventRedactor;
import dev.gameday.core.redact.Secrets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scrubs every event of the run's secrets, then fans it out to the run's listeners (journal first,
 * then console, metrics, the engine's own trackers). A listener that throws is logged the first
 * time and its errors are ignored from then on; it never breaks the run — except the journal, whose failure is the run's failure: an event that cannot be written
 * must not be followed by the step it announces.
 */
public final class EventBus implements EventListener {
  private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);

  private final EventListener journal;
  private final EventRedactor redactor;
  private final List<EventListener> listeners = new CopyOnWriteArrayList<>();
  private final java.util.Set<EventListener> reported = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** @param journal written first and synchronously; its exceptions propagate. */
  public EventBus(EventListener journal) {
    this(journal, Secrets.none());
  }

  /**
   * @param journal written first and synchronously; its exceptions propagate
   * @param secrets scrubbed from every event before any listener sees it, so no sink (journal,
   *     console, metrics, reports read from the journal) ever holds a secret value
   */
  public EventBus(EventListener journal, Secrets secrets) {
    this.journal = journal;
    this.redactor = new EventRedactor(secrets);
  }

  public EventBus add(EventListener listener) {
    listeners.add(listener);
    return this;
  }

  @Override
  public void on(TimelineEvent raw) {
    TimelineEvent event = redactor.redact(raw);
    journal.on(event);
    fanOut(event);
  }

  /**
   * Scrubs a warm-up's event as {@link #on} would and lets the journal and every listener
   * rehearse it ({@link EventListener#rehearse}): nothing is written or shown. A rehearsal that
   * fails is ignored; it never fails the run, the journal's neither.
   */
  @Override
  public void rehearse(TimelineEvent raw) {
    try {
      TimelineEvent event = redactor.redact(raw);
      journal.rehearse(event);
      for (EventListener l : listeners) {
        l.rehearse(event);
      }
    } catch (RuntimeException e) {
      if (reported.add(this)) {
        LOG.warn("rehearsing the warm-up's events failed; the warm-up goes on: {}", e.toString());
      }
    }
  }

  /**
   * This bus as reverts use it: a journal that cannot be written is logged (once) instead of
   * thrown, and the other listeners still get the event. Undoing a fault announces nothing that
   * could make things worse, so a revert is done even when it can no longer be journaled. Events
   * are scrubbed exactly as {@link #on} scrubs them.
   */
  public EventListener tolerant() {
    return raw -> {
      TimelineEvent event = redactor.redact(raw);
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
