package dev.gameday.probes.bench;

import dev.gameday.core.event.TimelineEvent;
import dev.gameday.core.event.TimelineEvent.SteadyStateChanged;
import dev.gameday.core.event.TimelineEvent.SteadyStatus;
import dev.gameday.core.model.SteadyState;
import dev.gameday.core.model.Tolerance;
import dev.gameday.core.port.RunClock;
import dev.gameday.probes.HttpProbeMonitor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Breach/restore precision: a local server answers 503 between two known instants; the bench
 * compares the {@code firstCause} of the reported BREACHED and STEADY changes with those
 * instants (goal: within one probe interval + 10 ms) and also reports when the change was
 * emitted (it waits for the thresholds: 3 failures, 3 successes).
 */
final class BreachBench {
  private final long intervalMs;
  private final int trials;

  BreachBench(BenchArgs args) {
    this.intervalMs = args.integer("interval-ms", 100);
    this.trials = args.integer("trials", 5);
  }

  void run() throws Exception {
    AtomicBoolean failing = new AtomicBoolean();
    List<double[]> rows = new ArrayList<>();
    try (BenchServer server = BenchServer.start(failing::get)) {
      for (int t = 0; t < trials; t++) {
        rows.add(trial(server.port(), failing));
        double[] r = rows.getLast();
        System.out.printf(Locale.ROOT, "trial %d: breach firstCause %+.1f ms (emitted %+.1f ms),"
            + " restore firstCause %+.1f ms (emitted %+.1f ms)%n", t + 1, r[0], r[1], r[2], r[3]);
      }
    }
    System.out.printf(Locale.ROOT, "breach precision: interval=%d ms trials=%d goal=[0, %d] ms%n",
        intervalMs, trials, intervalMs + 10);
    String[] names = {"breach firstCause - truth", "breach emitted - truth",
        "restore firstCause - truth", "restore emitted - truth"};
    for (int i = 0; i < names.length; i++) {
      List<Double> col = new ArrayList<>();
      for (double[] r : rows) {
        col.add(r[i]);
      }
      Collections.sort(col);
      System.out.printf(Locale.ROOT, "  %-28s median %7.1f ms  min %7.1f  max %7.1f%n", names[i],
          col.get(col.size() / 2), col.getFirst(), col.getLast());
    }
  }

  private double[] trial(int port, AtomicBoolean failing) throws InterruptedException {
    Duration every = Duration.ofMillis(intervalMs);
    Tolerance tolerance = new Tolerance(0.0, every.multipliedBy(10), Optional.empty(), 3, 3);
    var probe = BenchProbes.get("precision", "http://127.0.0.1:" + port + "/", every, tolerance);
    BlockingQueue<SteadyStateChanged> changes = new LinkedBlockingQueue<>();
    long wait = 10 * intervalMs + 5000;
    try (HttpProbeMonitor monitor = new HttpProbeMonitor(
        new SteadyState(Duration.ZERO, List.of(probe)), Optional.empty(),
        HttpProbeMonitor.defaultClient(), RunClock.SYSTEM)) {
      monitor.start((TimelineEvent e) -> {
        if (e instanceof SteadyStateChanged c) {
          changes.add(c);
        }
      });
      Thread.sleep(5 * intervalMs + ThreadLocalRandom.current().nextLong(intervalMs));
      Instant breachTruth = Instant.now();
      failing.set(true);
      SteadyStateChanged breach = changes.poll(wait, TimeUnit.MILLISECONDS);
      Thread.sleep(Math.max(0, 10 * intervalMs
          + ThreadLocalRandom.current().nextLong(intervalMs)
          - Duration.between(breachTruth, Instant.now()).toMillis()));
      Instant restoreTruth = Instant.now();
      failing.set(false);
      SteadyStateChanged restore = changes.poll(wait, TimeUnit.MILLISECONDS);
      if (breach == null || breach.status() != SteadyStatus.BREACHED || restore == null
          || restore.status() != SteadyStatus.STEADY) {
        throw new IllegalStateException("expected BREACHED then STEADY, got " + breach + " and "
            + restore);
      }
      return new double[] {
          millis(breachTruth, breach.firstCause()), millis(breachTruth, breach.at().utc()),
          millis(restoreTruth, restore.firstCause()), millis(restoreTruth, restore.at().utc())};
    }
  }

  private static double millis(Instant from, Instant to) {
    return Duration.between(from, to).toNanos() / 1e6;
  }
}
