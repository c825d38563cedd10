package dev.gameday.probes;

import dev.gameday.core.event.EventListener;
import dev.gameday.core.event.TimelineEvent;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands events to a listener and keeps the probe threads alive when the listener throws. Logs
 * the first failure with its stack trace, then one line per thousand failures.
 */
public final class SafeListener implements EventListener {
  private static final Logger LOG = LoggerFactory.getLogger(SafeListener.class);
  private final EventListener delegate;
  private final AtomicLong failures = new AtomicLong();

  public SafeListener(EventListener delegate) {
    this.delegate = delegate;
  }

  @Override
  public void on(TimelineEvent event) {
    try {
      delegate.on(event);
    } catch (RuntimeException e) {
      failed(event, e);
    }
  }

  @Override
  public void rehearse(TimelineEvent event) {
    try {
      delegate.rehearse(event);
    } catch (RuntimeException e) {
      failed(event, e);
    }
  }

  private void failed(TimelineEvent event, RuntimeException e) {
    long n = failures.incrementAndGet();
    if (n == 1) {
      LOG.error("event listener failed on {}", event.getClass().getSimpleName(), e);
    } else if (n % 1000 == 0) {
      LOG.error("event listener has failed {} times; last: {}", n, e.toString());
    }
  }
}
