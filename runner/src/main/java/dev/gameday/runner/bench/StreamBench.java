package dev.gameday.runner.bench;

import com.azure.storage.blob.BlobContainerClient;
import com.sun.management.OperatingSystemMXBean;
import dev.gameday.core.event.EventListener;
import dev.gameday.core.event.Phase;
import dev.gameday.core.event.Stamp;
import dev.gameday.core.event.TimelineEvent;
import dev.gameday.core.journal.JournalFormat;
import dev.gameday.core.journal.JournalWriter;
import dev.gameday.core.model.ProbeSpec;
import dev.gameday.core.model.SteadyState;
import dev.gameday.core.model.Tolerance;
import dev.gameday.core.port.RunClock;
import dev.gameday.core.port.RunStore;
import dev.gameday.core.redact.EventRedactor;
import dev.gameday.core.redact.Secrets;
import dev.gameday.probes.HttpProbeMonitor;
import dev.gameday.probes.WarmUp;
import dev.gameday.probes.bench.BenchArgs;
import dev.gameday.probes.bench.BenchProbes;
import dev.gameday.probes.bench.NioBenchServer;
import dev.gameday.probes.schedule.TickTimer;
import dev.gameday.reports.bench.SyntheticRun;
import dev.gameday.runner.store.JournalStreamer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * What streaming the journal to the store costs a run, measured two ways in one process:
 *
 * <ol>
 *   <li><b>Live</b>: {@code targets} probes at {@code rate}/s (500 samples/s by default) against
 *       the bench's selector server in a JVM of its own, every sample through the run's journal
 *       path (secret scrubbing, the hash-chained journal file) — in rounds <i>A</i> with the local
 *       journal alone and <i>B</i> with the {@link JournalStreamer} sending it to the store every
 *       2 s as a run does, interleaved A B A B…, after one unmeasured B round. Per round: this
 *       process's CPU and the probe ticks' lag p99.</li>
 *   <li><b>Replay</b>: a 2-hour journal of {@code samples} samples (written once, not measured)
 *       is copied into a run's journal 2 s of samples at a time, as a run grows it; in <i>B</i>
 *       the streamer sends each piece to the store before the next is copied, in <i>A</i> nothing
 *       is sent. (B − A) / samples is the streamer's CPU per sample.</li>
 * </ol>
 */
final class StreamBench {
  private static final Duration PERIOD = Duration.ofSeconds(2);

  private final RunStore store;
  private final BlobContainerClient container;
  private final int seconds;
  private final int rounds;
  private final int targets;
  private final int rate;
  private final long samples;
  private final OperatingSystemMXBean os =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private final Path work;
  private int runs;
  /** Whether the live round's samples are counted (after the warm-up, until the end). */
  private volatile boolean recording;
  /** The run's own CPU per second at the live load (the A rounds' median), for the replay. */
  private double runCpuPerSecond;

  StreamBench(RunStore store, BlobContainerClient container, BenchArgs opts) throws IOException {
    this.store = store;
    this.container = container;
    this.seconds = opts.integer("seconds", 20);
    this.rounds = opts.integer("rounds", 3);
    this.targets = opts.integer("targets", 50);
    this.rate = opts.integer("rate", 10);
    this.samples = opts.number("samples", 3_600_000L);
    this.work = Files.createTempDirectory("gameday-bench-stream");
  }

  /** One measured round: CPU of this process and lag p99 of the probe ticks. */
  private record Round(boolean streamed, double cpuSeconds, double lagP99Ms, long samples,
      long missed, double load) {}

  void run() throws Exception {
    try {
      live();
      replay();
    } finally {
      delete(work);
    }
  }

  private void live() throws Exception {
    try (NioBenchServer.Child server = NioBenchServer.spawn(NioBenchServer.class)) {
      List<ProbeSpec> probes = new ArrayList<>();
      for (int i = 0; i < targets; i++) {
        probes.add(BenchProbes.get("t" + i, "http://127.0.0.1:" + server.port() + "/t/" + i,
            Duration.ofNanos(1_000_000_000L / rate), Tolerance.defaults()));
      }
      System.out.printf(Locale.ROOT, "live: %d targets x %d/s = %d samples/s, %d s per round, "
          + "journal scrubbed and hash-chained as in a run; streamer period %d s%n", targets,
          rate, targets * rate, seconds, PERIOD.toSeconds());
      liveRound(probes, true, Math.min(seconds, 10));   // JIT and store client warm-up, not counted
      List<Round> a = new ArrayList<>();
      List<Round> b = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        for (boolean streamed : new boolean[] {false, true}) {
          Round round = liveRound(probes, streamed, seconds);
          (streamed ? b : a).add(round);
          System.out.printf(Locale.ROOT, "  round %d %s: cpu %.2f s (%.1f %% of a core), lag p99 "
              + "%.2f ms, %d samples, %d missed, load average %.2f%n", r + 1,
              streamed ? "B local+store" : "A local only ", round.cpuSeconds(),
              100 * round.cpuSeconds() / seconds, round.lagP99Ms(), round.samples(),
              round.missed(), round.load());
        }
      }
      double cpuA = median(a.stream().map(Round::cpuSeconds).toList());
      double cpuB = median(b.stream().map(Round::cpuSeconds).toList());
      System.out.printf(Locale.ROOT, "live: median cpu A %.2f s, B %.2f s: streaming adds %+.1f %%"
          + "; median lag p99 A %.2f ms, B %.2f ms%n", cpuA, cpuB, 100 * (cpuB / cpuA - 1),
          median(a.stream().map(Round::lagP99Ms).toList()),
          median(b.stream().map(Round::lagP99Ms).toList()));
      System.out.printf(Locale.ROOT, "live: a run's own cpu at this load: %.4f CPU-s per second "
          + "(median of A)%n", cpuA / seconds);
      this.runCpuPerSecond = cpuA / seconds;
    }
  }

  private Round liveRound(List<ProbeSpec> probes, boolean streamed, int secs) throws Exception {
    Path dir = Files.createDirectories(work.resolve(runName()));
    ConcurrentLinkedQueue<Long> lags = new ConcurrentLinkedQueue<>();
    long[] missed = new long[1];
    EventRedactor redactor = new EventRedactor(Secrets.of(List.of("bench-secret-token-0123")));
    SteadyState steady = new SteadyState(Duration.ZERO, probes);
    WarmUp plan = WarmUp.plan(probes);
    try (JournalWriter journal = JournalWriter.create(dir.resolve(JournalFormat.FILE_NAME));
        JournalStreamer streamer = streamed
            ? new JournalStreamer(store, dir, PERIOD, w -> System.out.println("  warning: " + w))
            : null) {
      recording = false;
      // A run's bus: the journal first, then the streamer (which reads what the journal wrote).
      EventListener bus = e -> {
        journal.append(redactor.redact(e));
        if (streamer != null) {
          streamer.on(e);
        }
        if (recording && e instanceof TimelineEvent.ProbeSample s) {
          if (s.outcome() == TimelineEvent.Outcome.MISSED) {
            synchronized (missed) {
              missed[0]++;
            }
          } else {
            lags.add(Math.max(0, s.started() - s.scheduled()));
          }
        }
      };
      long cpu;
      try (HttpProbeMonitor monitor = new HttpProbeMonitor(steady, Optional.empty(),
          HttpProbeMonitor.defaultClient(), RunClock.SYSTEM, TickTimer.Choice.DEFAULT, plan)) {
        monitor.phase(Phase.WARMUP);
        monitor.start(bus);
        Thread.sleep(plan.duration().toMillis());
        monitor.phase(Phase.BASELINE);
        recording = true;
        long cpu0 = os.getProcessCpuTime();
        Thread.sleep(secs * 1000L);
        cpu = os.getProcessCpuTime() - cpu0;
        recording = false;
      }
      if (streamer != null && streamer.finish(Duration.ofSeconds(60)).isEmpty()) {
        System.out.println("  warning: the store did not take the journal within 60 s");
      }
      List<Long> sorted = new ArrayList<>(lags);
      Collections.sort(sorted);
      double p99 = sorted.isEmpty() ? Double.NaN
          : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.99) - 1)) / 1e6;
      return new Round(streamed, cpu / 1e9, p99, sorted.size() + missed[0], missed[0],
          os.getSystemLoadAverage());
    } finally {
      removeStored(dir);
      delete(dir);
    }
  }

  private void replay() throws Exception {
    int probes = 50;
    long perSecond = Math.max(1, samples / 7200 / probes);
    Path source = work.resolve("two-hours.jsonl");
    SyntheticRun synthetic = new SyntheticRun(probes, (int) perSecond, Duration.ofHours(2),
        Instant.parse("2026-12-01T00:00:00Z"));
    synthetic.write(source);
    long size = Files.size(source);
    long piece = size / 3600;   // 2 s of a 2-hour journal
    System.out.printf(Locale.ROOT, "replay: a 2-hour journal of %d samples (%.0f MB), copied %d "
        + "KB (2 s of samples) at a time; B sends each piece to the store before the next%n",
        synthetic.samples(), size / 1e6, piece / 1024);
    List<Double> extra = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      double[] ab = new double[2];
      double[] wall = new double[2];
      for (int streamed = 0; streamed < 2; streamed++) {
        long t0 = System.nanoTime();
        ab[streamed] = replayRound(source, piece, streamed == 1);
        wall[streamed] = (System.nanoTime() - t0) / 1e9;
      }
      double perSample = (ab[1] - ab[0]) / synthetic.samples();
      extra.add(perSample);
      System.out.printf(Locale.ROOT, "  round %d: cpu A %.2f s (%.1f s wall), B %.2f s (%.1f s "
          + "wall): streaming %.2f us CPU per sample, load average %.2f%n", r + 1, ab[0], wall[0],
          ab[1], wall[1], perSample * 1e6, os.getSystemLoadAverage());
    }
    double perSample = median(extra);
    double twoHours = perSample * 3_600_000;
    System.out.printf(Locale.ROOT, "replay: median %.2f us CPU per sample streamed: %.1f CPU-s "
        + "for a 2-hour, 3.6 M-sample journal (%.2f %% of one core over 2 h)%n", perSample * 1e6,
        twoHours, 100 * twoHours / 7200);
    long liveSamples = (long) targets * rate * 7200;
    System.out.printf(Locale.ROOT, "replay: %.1f ms CPU per append (%d appends, one per 2 s of the "
        + "journal): the cost is mostly per append, not per sample%n",
        1e3 * perSample * synthetic.samples() / 3600, 3600);
    if (synthetic.samples() != liveSamples) {
      System.out.printf(Locale.ROOT, "replay: not compared with the live run's CPU: the replayed "
          + "journal has %d samples, the live load would write %d in 2 h%n", synthetic.samples(),
          liveSamples);
    } else if (runCpuPerSecond > 0) {
      System.out.printf(Locale.ROOT, "replay: against the run's own %.1f CPU-s over 2 h at this "
          + "load (live A): streaming adds %.2f %%%n", runCpuPerSecond * 7200,
          100 * twoHours / (runCpuPerSecond * 7200));
    }
  }

  /** Copies {@code source} into a new run's journal piece by piece; returns this process's CPU. */
  private double replayRound(Path source, long piece, boolean streamed) throws Exception {
    Path dir = Files.createDirectories(work.resolve(runName()));
    Path journal = dir.resolve(JournalFormat.FILE_NAME);
    TimelineEvent wake = new TimelineEvent.Note(new Stamp(Instant.now(), System.nanoTime()),
        TimelineEvent.Level.INFO, "bench");
    try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
        FileChannel out = FileChannel.open(journal, StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE);
        JournalStreamer streamer = streamed
            ? new JournalStreamer(store, dir, Duration.ofHours(1), w -> System.out.println(
                "  warning: " + w))
            : null) {
      long size = in.size();
      long cpu0 = os.getProcessCpuTime();
      for (long at = 0; at < size; at += piece) {
        in.transferTo(at, Math.min(piece, size - at), out);
        if (streamer != null) {
          long complete = JournalStreamer.completeLength(journal, streamer.sent());
          streamer.on(wake);
          while (streamer.sent() < complete) {
            LockSupport.parkNanos(1_000_000);
          }
        }
      }
      if (streamer != null) {
        streamer.finish(Duration.ofMinutes(5));
      }
      return (os.getProcessCpuTime() - cpu0) / 1e9;
    } finally {
      removeStored(dir);
      delete(dir);
    }
  }

  private String runName() {
    return String.format(Locale.ROOT, "20261201t000000z-%04x-bench-stream", runs++);
  }

  /** The run's blobs, so that three 800 MB replays do not stay in the emulator. */
  private void removeStored(Path dir) {
    String prefix = "runs/" + dir.getFileName() + "/";
    container.listBlobs(new com.azure.storage.blob.models.ListBlobsOptions().setPrefix(prefix),
        null).forEach(b -> container.getBlobClient(b.getName()).deleteIfExists());
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
