package dev.gameday.probes.bench;

import dev.gameday.core.event.Stamp;
import dev.gameday.core.event.TimelineEvent.Outcome;
import dev.gameday.core.event.TimelineEvent.ProbeSample;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The journal path alone, without HTTP or a scheduler: {@code events} probe samples (one in a
 * hundred failed, with a reason) go through {@link JournalSink} (secret scrubbing, then the
 * hash-chained journal), each from a virtual thread of its own as a probe's request emits it
 * ({@code --threads one}: all from one thread), in {@code rounds} rounds; prints the process's CPU (garbage collection included) per sample
 * for each round and their median.
 */
final class JournalBench {
  private final int events;
  private final int rounds;
  /** A virtual thread per sample, as probes emit them, or all on this one thread. */
  private final boolean virtual;

  JournalBench(BenchArgs args) {
    this.events = args.integer("events", 200_000);
    this.rounds = args.integer("rounds", 5);
    this.virtual = !"one".equals(args.text("threads", "virtual"));
  }

  void run() throws Exception {
    var os = (com.sun.management.OperatingSystemMXBean)
        ManagementFactory.getOperatingSystemMXBean();
    List<Double> perEvent = new ArrayList<>();
    try (JournalSink sink = JournalSink.open(e -> { })) {
      Instant t0 = Instant.now();
      for (int r = 0; r < rounds; r++) {
        long cpu0 = os.getProcessCpuTime();
        try (var threads = virtual ? java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()
            : new java.util.concurrent.AbstractExecutorService() {
              public void execute(Runnable r) { r.run(); }
              public void shutdown() { }
              public java.util.List<Runnable> shutdownNow() { return List.of(); }
              public boolean isShutdown() { return false; }
              public boolean isTerminated() { return false; }
              public boolean awaitTermination(long t, java.util.concurrent.TimeUnit u) { return true; }
            }) {
          for (int i = 0; i < events; i++) {
            long mono = (long) r * events + i;
            boolean ok = i % 100 != 0;
            String probe = "t" + (i % 1000);
            threads.execute(() -> sink.on(new ProbeSample(
                new Stamp(t0.plusNanos(mono * 100_000), mono * 100_000), probe, mono * 100_000,
                mono * 100_000 + 50_000, mono * 100_000 + 350_000, ok ? 200 : 503,
                ok ? Outcome.OK : Outcome.UNEXPECTED_STATUS,
                ok ? "200 OK" : "503 Service Unavailable")));
          }
        }
        double ns = (os.getProcessCpuTime() - cpu0) / (double) events;
        perEvent.add(ns);
        System.out.printf(Locale.ROOT, "round %d: %.0f ns CPU per sample%n", r + 1, ns);
      }
      Collections.sort(perEvent);
      System.out.printf(Locale.ROOT, "journal: %d samples x %d rounds (%s), median %.0f ns CPU per "
          + "sample (%.3f CPU-s per 10k); %s%n", events, rounds, virtual ? "a virtual thread each"
          : "one thread", perEvent.get(perEvent.size() / 2),
          perEvent.get(perEvent.size() / 2) * 10_000 / 1e9, sink.summary());
    }
  }
}
