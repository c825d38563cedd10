package dev.gameday.reports.bench;

import dev.gameday.core.journal.JournalFormat;
import dev.gameday.reports.ReportWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Times the reports on a large journal: generates a synthetic run (default: 50 probes at 10
 * samples/s for 2 hours, 3.6 million samples) into a temporary folder, then analyzes it and
 * renders every format {@code --runs} times and prints each time, the median and the heap peak.
 * Run it with {@code -Xmx512m} to check the memory bound. Arguments: {@code --probes N},
 * {@code --rate N}, {@code --minutes N}, {@code --runs N}, {@code --keep} (keep the folder).
 */
public final class ReportBench {
  private ReportBench() {}

  public static void main(String[] args) throws IOException {
    int probes = 50;
    int rate = 10;
    int minutes = 120;
    int runs = 3;
    boolean keep = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--probes" -> probes = Integer.parseInt(args[++i]);
        case "--rate" -> rate = Integer.parseInt(args[++i]);
        case "--minutes" -> minutes = Integer.parseInt(args[++i]);
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--keep" -> keep = true;
        default -> {
          System.err.println("unknown argument " + args[i]
              + "; use --probes N --rate N --minutes N --runs N --keep");
          System.exit(2);
        }
      }
    }
    run(System.out, probes, rate, minutes, runs, keep);
  }

  static void run(PrintStream out, int probes, int rate, int minutes, int runs, boolean keep)
      throws IOException {
    Path dir = Files.createTempDirectory("gameday-bench");
    SyntheticRun synthetic = new SyntheticRun(probes, rate, Duration.ofMinutes(minutes),
        Instant.parse("2026-03-03T01:00:00Z"));
    long t0 = System.nanoTime();
    Path journal = dir.resolve(JournalFormat.FILE_NAME);
    synthetic.write(journal);
    double gen = (System.nanoTime() - t0) / 1e9;
    out.printf(Locale.ROOT, "journal: %,d samples (%d probes x %d/s x %d min), %,d MB, "
            + "generated in %.1f s%n", synthetic.samples(), probes, rate, minutes,
        Files.size(journal) >> 20, gen);
    out.printf(Locale.ROOT, "jvm: %s, max heap %d MB, %d cpus%n",
        Runtime.version(), Runtime.getRuntime().maxMemory() >> 20,
        Runtime.getRuntime().availableProcessors());
    ReportWriter writer = new ReportWriter("bench");
    List<Double> times = new ArrayList<>();
    long peak = 0;
    for (int i = 1; i <= runs; i++) {
      resetPeaks();
      long s = System.nanoTime();
      List<Path> files = writer.write(dir, Set.of());
      double secs = (System.nanoTime() - s) / 1e9;
      long p = heapPeak();
      peak = Math.max(peak, p);
      times.add(secs);
      out.printf(Locale.ROOT, "run %d: analysis + html, md, json, junit in %.2f s (heap peak %d MB,"
          + " %d files)%n", i, secs, p >> 20, files.size());
    }
    List<Double> sorted = new ArrayList<>(times);
    sorted.sort(Comparator.naturalOrder());
    out.printf(Locale.ROOT, "median: %.2f s over %d runs; heap peak %d MB%n",
        sorted.get(sorted.size() / 2), runs, peak >> 20);
    if (keep) {
      out.println("kept: " + dir);
    } else {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.toList()) {
          Files.delete(f);
        }
      }
      Files.delete(dir);
    }
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  private static long heapPeak() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
