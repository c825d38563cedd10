package dev.gameday.probes.bench;

/**
 * The probes bench, runnable from the jar:
 * {@code java -cp gameday.jar dev.gameday.probes.bench.ProbeBench [--scenario load|breach] ...}.
 *
 * <ul>
 *   <li>{@code --scenario load} (default): {@code --targets 1000 --rate 10 --seconds 60
 *       --warmup-ms (planned) --ramp-ms (planned) --skip 0 --sink stats|journal --timer parking|executor
 *       --timer-resolution-ms 1 --server nio|separate|inprocess --client loop|okhttp (default loop, as in runs)
 *       --read-batch-ms 1 (loop only)}</li>
 *   <li>{@code --scenario breach}: {@code --interval-ms 100 --trials 5}; a local server fails
 *       between two known instants and the bench reports how far the reported breach and
 *       restore are from the truth</li>
 *   <li>{@code --scenario journal}: {@code --events 200000 --rounds 5 --threads virtual|one}; the
 *       journal path alone
 *       (secret scrubbing and the journal file), CPU per sample</li>
 * </ul>
 */
public final class ProbeBench {
  private ProbeBench() {}

  public static void main(String[] args) throws Exception {
    BenchArgs parsed = BenchArgs.parse(args);
    switch (parsed.text("scenario", "load")) {
      case "load" -> new LoadBench(parsed).run();
      case "breach" -> new BreachBench(parsed).run();
      case "journal" -> new JournalBench(parsed).run();
      default -> {
        System.err.println("unknown --scenario; use load, breach or journal");
        System.exit(2);
      }
    }
  }
}
