package dev.gameday.core.port;

import dev.gameday.core.notify.Notice;
import java.time.Duration;
import java.util.List;

/**
 * Tells people what a run does (Teams, Slack, a signed webhook). The run hands notices over and
 * moves on: {@link #send} never blocks and never throws, so a receiver that is slow, down or
 * hanging never delays a probe or a revert. Delivery, retries and their deadline are the
 * adapter's; {@link #finish} gives what is still queued a bounded time at the end of the run.
 */
public interface Notifier {

  /** Queues the notice for delivery and returns at once. */
  void send(Notice notice);

  /**
   * Delivers what is still queued, waiting at most {@code wait}, then stops. Returns one line per
   * notice that could not be delivered (naming the receiver's kind, never its URL).
   */
  List<String> finish(Duration wait);

  /** Sends nothing. */
  Notifier NONE = new Notifier() {
    @Override
    public void send(Notice notice) {}

    @Override
    public List<String> finish(Duration wait) {
      return List.of();
    }
  };
}
