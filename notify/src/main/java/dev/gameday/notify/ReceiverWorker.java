package dev.gameday.notify;

import dev.gameday.core.model.Notification;
import dev.gameday.core.notify.Notice;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivers to one receiver on its own thread, from its own bounded queue, so that a receiver
 * that hangs delays neither the run nor the other receivers. Each notice is retried (after
 * {@code firstBackoff}, doubling; a {@code Retry-After} is honoured) until its deadline; a
 * client error other than 408 and 429 is final. What failed is described without the URL.
 */
final class ReceiverWorker {
  private static final Duration IDLE_POLL = Duration.ofMillis(50);

  private record Queued(Notice notice, String deliveryId, long queuedNanos) {}

  private final String name;
  private final Notification target;
  private final Receiver receiver;
  private final HttpClient http;
  private final DeliveryPolicy policy;
  private final Clock clock;
  private final BlockingQueue<Queued> queue;
  private final List<String> failures = new ArrayList<>();
  private final AtomicInteger dropped = new AtomicInteger();
  private final Thread thread;
  private volatile boolean closing;

  ReceiverWorker(String name, Notification target, HttpClient http, DeliveryPolicy policy,
      Clock clock) {
    this.name = name;
    this.target = target;
    this.receiver = Receiver.of(target);
    this.http = http;
    this.policy = policy;
    this.clock = clock;
    this.queue = new ArrayBlockingQueue<>(policy.capacity());
    this.thread = Thread.ofPlatform().daemon().name("gameday-notify-" + name).start(this::drain);
  }

  /** Queues the notice if this receiver wants it; never blocks. */
  void offer(Notice notice) {
    if (!target.wants(notice.event()) || closing) {
      return;
    }
    if (!queue.offer(new Queued(notice, UUID.randomUUID().toString(), System.nanoTime()))) {
      dropped.incrementAndGet();
    }
  }

  /**
   * Lets the worker deliver what is queued until {@code deadlineNanos} ({@link System#nanoTime}),
   * then stops it; returns what was not delivered.
   */
  List<String> finish(long deadlineNanos) throws InterruptedException {
    closing = true;
    thread.join(Duration.ofNanos(Math.max(1, deadlineNanos - System.nanoTime())));
    if (thread.isAlive()) {
      thread.interrupt();
      thread.join(Duration.ofSeconds(2));
    }
    List<String> out;
    synchronized (failures) {
      out = new ArrayList<>(failures);
    }
    if (!queue.isEmpty()) {
      out.add(name + ": " + queue.size() + " notice(s) not sent before the run ended");
    }
    if (dropped.get() > 0) {
      out.add(name + ": " + dropped.get() + " notice(s) dropped, the queue was full");
    }
    return out;
  }

  private void drain() {
    while (true) {
      Queued q;
      try {
        q = queue.poll(IDLE_POLL.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (q == null) {
        if (closing) {
          return;
        }
        continue;
      }
      if (!deliver(q)) {
        return;
      }
    }
  }

  /** Delivers one notice or records why not; false when the worker was stopped meanwhile. */
  private boolean deliver(Queued q) {
    long deadline = q.queuedNanos() + policy.deadline().toNanos();
    Duration backoff = policy.firstBackoff();
    String problem = "no attempt made";
    for (int attempt = 1; ; attempt++) {
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        return fail(q, "gave up after " + (attempt - 1) + " attempt(s): " + problem);
      }
      Duration timeout = Duration.ofNanos(Math.min(policy.requestTimeout().toNanos(), remaining));
      Optional<Duration> retryAfter = Optional.empty();
      try {
        HttpResponse<Void> response = http.send(receiver.request(target.url(), q.notice(),
            q.deliveryId(), clock.instant()).timeout(timeout).build(),
            HttpResponse.BodyHandlers.discarding());
        int status = response.statusCode();
        if (status / 100 == 2) {
          return true;
        }
        problem = "HTTP " + status;
        if (status / 100 == 4 && status != 408 && status != 429) {
          return fail(q, problem + " (not retried: the receiver refused the notice)");
        }
        retryAfter = response.headers().firstValue("Retry-After").flatMap(ReceiverWorker::seconds);
      } catch (HttpTimeoutException e) {
        problem = "no answer within " + timeout.toMillis() + " ms";
      } catch (IOException e) {
        problem = e.getClass().getSimpleName();
      } catch (InterruptedException e) {
        fail(q, "stopped while sending: the run ended");
        return false;
      }
      Duration wait = retryAfter.filter(r -> r.compareTo(policy.firstBackoff()) > 0).orElse(backoff);
      if (System.nanoTime() + wait.toNanos() >= deadline) {
        return fail(q, "gave up after " + attempt + " attempt(s): " + problem);
      }
      try {
        Thread.sleep(wait);
      } catch (InterruptedException e) {
        fail(q, "stopped while waiting to retry: the run ended (" + problem + ")");
        return false;
      }
      backoff = backoff.multipliedBy(2);
    }
  }

  private boolean fail(Queued q, String why) {
    synchronized (failures) {
      failures.add(name + ": " + q.notice().event() + " notice not delivered: " + why);
    }
    return true;
  }

  private static Optional<Duration> seconds(String header) {
    try {
      return Optional.of(Duration.ofSeconds(Long.parseLong(header.strip())));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
