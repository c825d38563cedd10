package dev.gameday.probes.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.gameday.core.event.EventListener;
import dev.gameday.core.event.TimelineEvent;
import dev.gameday.core.event.TimelineEvent.Outcome;
import dev.gameday.core.event.TimelineEvent.ProbeSample;
import dev.gameday.core.model.ProbeSpec;
import dev.gameday.core.model.SteadyState;
import dev.gameday.core.model.Tolerance;
import dev.gameday.core.port.RunClock;
import dev.gameday.core.event.Phase;
import dev.gameday.probes.HttpProbeMonitor;
import dev.gameday.probes.WarmUp;
import dev.gameday.core.port.ApplicationMonitor;
import dev.gameday.probes.loop.LoopClient;
import dev.gameday.probes.loop.LoopProbeMonitor;
import dev.gameday.probes.schedule.TickTimer;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Load: {@code targets} probes, each at {@code rate} requests per second for {@code seconds},
 * against a local fast server (in a separate JVM by default). Reports missed ticks, scheduling
 * lag (actual start minus scheduled), requests per second and CPU per 10,000 requests.
 *
 * <p>The probes first warm up exactly as in a run ({@link WarmUp#plan}, or {@code --warmup-ms}
 * and {@code --ramp-ms}; {@code --warmup-ms 0} starts cold, recording from the first tick). The
 * measurement starts when the warm-up ends, as a run's baseline does, and the first 15 s of it
 * are also reported on their own. {@code --skip S} leaves S more seconds unmeasured (recorded
 * but not counted) to measure the steady state alone. {@code --sink journal} also sends every
 * event through the run's journal path (secret scrubbing, then the hash-chained journal file).
 */
final class LoadBench {
  /** The yardstick: missed ticks over the first seconds after the warm-up. */
  private static final int FIRST_SECONDS = 15;
  private final int targets;
  private final int rate;
  private final int seconds;
  private final Optional<WarmUp> warmUp;
  private final int skip;
  private final boolean journal;
  private final TickTimer.Choice timer;
  private final boolean separateServer;
  /**
   * The separate JVM's server: the selector one ({@code nio}, the default: a fast server, about
   * 0.2 CPU-s per 10,000 requests) or the JDK HttpServer ({@code separate}, about 0.9).
   */
  private final Class<?> serverMain;
  /** A server already running on this loopback port ({@code --port}; its CPU is not measured). */
  private final int port;
  /**
   * The probes' transport: {@code loop} (the default, as in runs: one Netty event loop owns the
   * ticks and the connections, {@code LoopProbeMonitor}) or {@code okhttp} (blocking OkHttp calls
   * on virtual threads, {@code HttpProbeMonitor}).
   */
  private final boolean loopClient;
  /** The loop client's {@code --read-batch-ms} (0: each answer read as it arrives). */
  private final Duration readBatch;

  LoadBench(BenchArgs args) {
    this.targets = args.integer("targets", 1000);
    this.rate = args.integer("rate", 10);
    this.seconds = args.integer("seconds", 60);
    this.warmUp = args.values().containsKey("warmup-ms")
        ? Optional.of(new WarmUp(Duration.ofMillis(args.integer("warmup-ms", 0)),
            Duration.ofMillis(args.integer("ramp-ms", 0))))
        : Optional.empty();
    this.skip = args.integer("skip", 0);
    this.journal = switch (args.text("sink", "stats")) {
      case "stats" -> false;
      case "journal" -> true;
      default -> throw new IllegalArgumentException("--sink is stats or journal");
    };
    this.timer = new TickTimer.Choice(
        TickTimer.Kind.valueOf(args.text("timer", "parking").toUpperCase(Locale.ROOT)),
        Duration.ofNanos(Math.round(Double.parseDouble(args.text("timer-resolution-ms",
            "1")) * 1_000_000)));
    String server = args.text("server", "nio");
    this.separateServer = !"inprocess".equals(server);
    this.serverMain = "nio".equals(server) ? NioBenchServer.class : BenchServer.class;
    this.port = args.integer("port", 0);
    this.loopClient = switch (args.text("client", "loop")) {
      case "okhttp" -> false;
      case "loop" -> true;
      default -> throw new IllegalArgumentException("--client is okhttp or loop");
    };
    this.readBatch = Duration.ofNanos(Math.round(Double.parseDouble(args.text("read-batch-ms",
        "1")) * 1_000_000));
  }

  void run() throws Exception {
    NioBenchServer.Child child = null;
    BenchServer local = null;
    int port = this.port;
    if (port > 0) {
      System.out.println("server: the one already on 127.0.0.1:" + port + " (--port)");
    } else if (separateServer) {
      child = NioBenchServer.spawn(serverMain);
      port = child.port();
    } else {
      local = BenchServer.start(() -> false);
      port = local.port();
    }
    try {
      measure(port, child);
    } finally {
      if (child != null) {
        child.close();
      }
      if (local != null) {
        local.close();
      }
    }
  }

  private void measure(int port, NioBenchServer.Child child) throws InterruptedException, IOException {
    Duration every = Duration.ofNanos(1_000_000_000L / rate);
    List<ProbeSpec> probes = new ArrayList<>();
    for (int i = 0; i < targets; i++) {
      probes.add(BenchProbes.get("t" + i, "http://127.0.0.1:" + port + "/t/" + i, every,
          Tolerance.defaults()));
    }
    Stats stats = new Stats();
    OperatingSystemMXBean os =
        (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    SteadyState steady = new SteadyState(Duration.ZERO, probes);
    WarmUp plan = warmUp.orElseGet(() -> WarmUp.plan(probes));
    try (JournalSink sink = journal ? JournalSink.open(stats) : null;
        LoopClient loop = loopClient ? LoopClient.create(readBatch) : null;
        ApplicationMonitor monitor = loop != null
            ? new LoopProbeMonitor(steady, Optional.empty(), loop, RunClock.SYSTEM,
                timer.resolution(), plan)
            : new HttpProbeMonitor(steady, Optional.empty(), HttpProbeMonitor.defaultClient(),
                RunClock.SYSTEM, timer, plan);
        StallWatch stalls = new StallWatch()) {
      long w0 = System.nanoTime();
      if (plan.duration().isPositive()) {
        monitor.phase(Phase.WARMUP);
      }
      monitor.start(sink != null ? sink : stats);
      Thread.sleep(plan.duration().toMillis());
      monitor.phase(Phase.BASELINE);
      long warmedNanos = System.nanoTime() - w0;
      stats.reset();
      Thread.sleep(skip * 1000L);
      Stats.Snapshot skipped = stats.snapshot();
      long firstSeconds = Math.max(0, Math.min(FIRST_SECONDS - skip, seconds));
      long missedFirst = stats.missedBefore(FIRST_SECONDS);
      stats.reset();
      stalls.reset();
      GcTotals gc = new GcTotals();
      long cpu0 = os.getProcessCpuTime();
      long serverCpu0 = serverCpu(child);
      long t0 = System.nanoTime();
      Thread.sleep(seconds * 1000L);
      Stats.Snapshot snap = stats.snapshot();
      long elapsed = System.nanoTime() - t0;
      long cpu = os.getProcessCpuTime() - cpu0;
      long serverCpu = serverCpu(child) - serverCpu0;
      if (firstSeconds > 0) {
        missedFirst += stats.missedBefore(firstSeconds);
      }
      report(snap, elapsed, cpu, serverCpu, child != null);
      if (snap.missed() > 0) {
        System.out.printf(Locale.ROOT, "  missed when      %s%n", stats.missedSeconds());
      }
      long ticksFirst = (long) targets * rate * FIRST_SECONDS;
      System.out.printf(Locale.ROOT, "  warm-up          %.2f s (ramp %.2f s), nothing recorded: %s%n",
          warmedNanos / 1e9, plan.ramp().toMillis() / 1e3, stats.warmUp().map(w -> String.format(
              Locale.ROOT, "%d requests, %d not OK, %d ticks missed", w.requests(), w.failed(),
              w.missed())).orElse("none"));
      System.out.printf(Locale.ROOT, "  first %d s       missed %d of %d ticks (%.3f %%) after the "
          + "warm-up%n", FIRST_SECONDS, missedFirst, ticksFirst, 100.0 * missedFirst / ticksFirst);
      if (skip > 0) {
        System.out.printf(Locale.ROOT, "  skipped          %d s recorded, not measured: %d requests,"
            + " %d missed%n", skip, skipped.requests(), skipped.missed());
      }
      if (sink != null) {
        System.out.printf(Locale.ROOT, "  journal          %s%n", sink.summary());
      }
      System.out.printf(Locale.ROOT, "  gc               %s%n", gc.since());
      System.out.printf(Locale.ROOT, "  machine stalls   %s%n", stalls.summary());
    }
  }

  private void report(Stats.Snapshot s, long elapsedNanos, long cpuNanos, long serverCpuNanos,
      boolean separate) {
    double secs = elapsedNanos / 1e9;
    long requests = s.requests();
    String client = loopClient
        ? "loop (netty nio, one loop thread, read batch " + readBatch + ")" : "okhttp";
    System.out.printf(Locale.ROOT, "load: targets=%d rate=%d/s seconds=%d skip=%d sink=%s client=%s "
        + "timer=%s (resolution %s) poller-mode=%s server=%s cpus=%d%n", targets, rate, seconds,
        skip, journal ? "journal" : "stats", client, loopClient ? "LOOP" : timer.kind(),
        timer.resolution(), System.getProperty("jdk.pollerMode", "jdk default"),
        port > 0 ? "external (--port " + port + ")" : separate ? "separate-jvm ("
            + serverMain.getSimpleName() + ")" : "in-process",
        Runtime.getRuntime().availableProcessors());
    System.out.printf(Locale.ROOT, "  ticks expected   %d%n", (long) targets * rate * seconds);
    System.out.printf(Locale.ROOT, "  samples          %d (requests %d, missed %d)%n",
        requests + s.missed(), requests, s.missed());
    System.out.printf(Locale.ROOT, "  outcomes         %s%n", s.outcomes());
    if (s.missed() > 0) {
      System.out.printf(Locale.ROOT, "  missed because   %d previous request still running, %d timer "
          + "late%n", s.stillRunning(), s.missed() - s.stillRunning());
    }
    System.out.printf(Locale.ROOT, "  requests/s       %.0f%n", requests / secs);
    System.out.printf(Locale.ROOT, "  lag ms           p50 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
        s.lag().getValueAtPercentile(50) / 1e3, s.lag().getValueAtPercentile(99) / 1e3,
        s.lag().getValueAtPercentile(99.9) / 1e3, s.lag().getMaxValue() / 1e3);
    System.out.printf(Locale.ROOT, "  latency ms       p50 %.2f  p99 %.2f  max %.2f%n",
        s.latency().getValueAtPercentile(50) / 1e3, s.latency().getValueAtPercentile(99) / 1e3,
        s.latency().getMaxValue() / 1e3);
    double per10k = requests == 0 ? Double.NaN : 10_000.0 / requests;
    System.out.printf(Locale.ROOT, "  cpu s            client %.2f (%.3f per 10k requests)%n",
        cpuNanos / 1e9, cpuNanos / 1e9 * per10k);
    if (separate) {
      System.out.printf(Locale.ROOT, "  cpu s            server %.2f (%.3f per 10k requests), "
          + "separate JVM%n", serverCpuNanos / 1e9, serverCpuNanos / 1e9 * per10k);
    } else if (port > 0) {
      System.out.println("  cpu s            server not measured here (external)");
    } else {
      System.out.println("  cpu s            server included in client figure (in-process)");
    }
  }

  private static long serverCpu(NioBenchServer.Child child) {
    return child == null ? 0 : child.cpuNanos();
  }

  /** Collects lag and latency of every sample, thread-safely. */
  private static final class Stats implements EventListener {
    /**
     * Microseconds; longer values are recorded as this. A fixed range: an auto-resizing
     * recorder can deadlock when a value that needs a resize arrives during a reset (a bench
     * run hung in {@code Recorder.reset}, its writers waiting in {@code ConcurrentHistogram.resize}).
     */
    private static final long HIGHEST_MICROS = 3_600_000_000L;
    private final Recorder lag = new Recorder(1, HIGHEST_MICROS, 3);
    private final Recorder latency = new Recorder(1, HIGHEST_MICROS, 3);
    private final Map<Outcome, LongAdder> outcomes = new EnumMap<>(Outcome.class);
    private final LongAdder stillRunning = new LongAdder();
    /** Missed ticks per second of the measurement, by scheduled slot: bursts or a trickle. */
    private final Map<Long, LongAdder> missedBySecond = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile long since = System.nanoTime();
    private volatile Optional<TimelineEvent.WarmUpEnded> warmUp = Optional.empty();

    Stats() {
      for (Outcome o : Outcome.values()) {
        outcomes.put(o, new LongAdder());
      }
    }

    @Override
    public void on(TimelineEvent event) {
      if (event instanceof TimelineEvent.WarmUpEnded w) {
        warmUp = Optional.of(w);
      }
      if (event instanceof ProbeSample s) {
        outcomes.get(s.outcome()).increment();
        if (s.outcome() == Outcome.MISSED) {
          missedBySecond.computeIfAbsent((s.scheduled() - since) / 1_000_000_000L,
              k -> new LongAdder()).increment();
          if (dev.gameday.core.event.MissedTick.parse(s.reason()).cause()
              == dev.gameday.core.event.MissedTick.Cause.STILL_RUNNING) {
            stillRunning.increment();
          }
        } else {
          lag.recordValue(micros(s.started() - s.scheduled()));
          latency.recordValue(micros(s.latencyNanos()));
        }
      }
    }

    private static long micros(long nanos) {
      return Math.clamp(nanos / 1000, 0, HIGHEST_MICROS);
    }

    void reset() {
      lag.reset();
      latency.reset();
      outcomes.values().forEach(LongAdder::reset);
      stillRunning.reset();
      missedBySecond.clear();
      since = System.nanoTime();
    }

    Optional<TimelineEvent.WarmUpEnded> warmUp() {
      return warmUp;
    }

    /** Missed ticks scheduled in the first {@code seconds} after the last reset. */
    long missedBefore(long seconds) {
      return missedBySecond.entrySet().stream().filter(e -> e.getKey() >= 0 && e.getKey() < seconds)
          .mapToLong(e -> e.getValue().sum()).sum();
    }

    /** The seconds (from the last reset) with missed ticks, most first, at most five. */
    String missedSeconds() {
      return missedBySecond.entrySet().stream()
          .sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum())).limit(5)
          .map(e -> "second " + e.getKey() + ": " + e.getValue().sum())
          .collect(java.util.stream.Collectors.joining(", "));
    }

    Snapshot snapshot() {
      Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
      outcomes.forEach((o, n) -> {
        if (n.sum() > 0) {
          counts.put(o, n.sum());
        }
      });
      return new Snapshot(lag.getIntervalHistogram(), latency.getIntervalHistogram(), counts,
          stillRunning.sum());
    }

    record Snapshot(Histogram lag, Histogram latency, Map<Outcome, Long> outcomes,
        long stillRunning) {
      long missed() {
        return outcomes.getOrDefault(Outcome.MISSED, 0L);
      }

      long requests() {
        return outcomes.entrySet().stream().filter(e -> e.getKey() != Outcome.MISSED)
            .mapToLong(Map.Entry::getValue).sum();
      }
    }
  }

  /** Collections and their summed time per collector since construction. */
  private static final class GcTotals {
    private final Map<String, long[]> start = counts();

    String since() {
      StringBuilder out = new StringBuilder();
      counts().forEach((name, now) -> {
        long[] was = start.getOrDefault(name, new long[2]);
        out.append(out.isEmpty() ? "" : "; ").append(name).append(": ")
            .append(now[0] - was[0]).append(" collections, ").append(now[1] - was[1])
            .append(" ms");
      });
      return out.toString();
    }

    private static Map<String, long[]> counts() {
      Map<String, long[]> out = new java.util.LinkedHashMap<>();
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        out.put(gc.getName(), new long[] {gc.getCollectionCount(), gc.getCollectionTime()});
      }
      return out;
    }
  }
}
