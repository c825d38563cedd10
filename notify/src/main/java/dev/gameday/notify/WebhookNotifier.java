package dev.gameday.notify;

import dev.gameday.core.model.Notification;
import dev.gameday.core.notify.Notice;
import dev.gameday.core.port.Notifier;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link Notifier} for Teams, Slack and signed webhooks: one {@link ReceiverWorker} (thread
 * and bounded queue) per receiver. {@link #send} only queues.
 */
public final class WebhookNotifier implements Notifier {
  private final List<ReceiverWorker> workers;
  private final HttpClient http;

  private WebhookNotifier(List<ReceiverWorker> workers, HttpClient http) {
    this.workers = workers;
    this.http = http;
  }

  /** Starts a worker per notification ({@link Notifier#NONE} for none). */
  public static Notifier start(List<Notification> notifications, DeliveryPolicy policy,
      Clock clock) {
    if (notifications.isEmpty()) {
      return Notifier.NONE;
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(policy.requestTimeout())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    List<ReceiverWorker> workers = new ArrayList<>();
    for (int i = 0; i < notifications.size(); i++) {
      Notification n = notifications.get(i);
      workers.add(new ReceiverWorker(n.channel() + "#" + (i + 1), n, http, policy, clock));
    }
    return new WebhookNotifier(List.copyOf(workers), http);
  }

  @Override
  public void send(Notice notice) {
    workers.forEach(w -> w.offer(notice));
  }

  @Override
  public List<String> finish(Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    List<String> failures = new ArrayList<>();
    try {
      for (ReceiverWorker w : workers) {
        failures.addAll(w.finish(deadline));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failures.add("notifications: interrupted while finishing");
    } finally {
      http.shutdownNow();
    }
    return failures;
  }
}
