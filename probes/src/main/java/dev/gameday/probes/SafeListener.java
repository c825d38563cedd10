package dev.gameday.probes;

import dev.gameday.core.event.EventListener;
import dev.gameday.core.event.TimelineEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands events to a listener and keeps the probe threads alive when the listener throws. */
final class SafeListener implements EventListener {
  private static final Logger LOG = LoggerFactory.getLogger(SafeListener.class);
  private final EventListener delegate;

  SafeListener(EventListener delegate) {
    this.delegate = delegate;
  }

  @Override
  public void on(TimelineEvent event) {
    try {
      delegate.on(event);
    } catch (RuntimeException e) {
      LOG.error("event listener failed on {}", event.getClass().getSimpleName(), e);
    }
  }
}
