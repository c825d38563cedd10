package dev.gameday.runner.bench;

import dev.gameday.core.port.RunStore;
import dev.gameday.probes.bench.BenchArgs;
import dev.gameday.store.blob.BlobStores;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The run store's benchmarks, runnable from the jar (run by {@code scripts/bench store-history}
 * {@code scripts/bench store-stream} and {@code scripts/bench store-listing}, which start Azurite):
 * {@code java -cp gameday.jar dev.gameday.runner.bench.StoreBench SCENARIO --name value ...}.
 * The store is {@code --store URL} with {@code GAMEDAY_STORE_CONNECTION_STRING} set.
 *
 * <ul>
 *   <li>{@code fill --run DIR --runs 1000}: stores {@code runs} copies of one real run directory,
 *       each under a name of its own, as {@code store sync} sends them (the container is created
 *       when missing; nothing is sent when the store already holds that many runs)</li>
 *   <li>{@code stream --seconds 20 --rounds 3 --targets 50 --rate 10 --samples 3600000}: the
 *       journal streamed to the store beside a probe load, against the same load with the local
 *       journal alone ({@link StreamBench})</li>
 *   <li>{@code listing --rounds 3}: one listing of every run's files against per-run listings
 *       of some of the runs ({@link ListingBench}), over a store already filled</li>
 * </ul>
 */
public final class StoreBench {
  private StoreBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println("usage: StoreBench fill|stream|listing --store URL [--name value ...]");
      System.exit(2);
    }
    BenchArgs opts = BenchArgs.parse(Arrays.copyOfRange(args, 1, args.length));
    String url = opts.required("store", "URL");
    var container = BlobStores.container(url, System::getenv);
    if (!container.exists()) {
      container.create();
    }
    RunStore store = BlobStores.runStore(url, System::getenv);
    switch (args[0]) {
      case "fill" -> StoreFill.fill(store, Path.of(opts.required("run", "DIR")),
          opts.integer("runs", 1000));
      case "stream" -> new StreamBench(store, container, opts).run();
      case "listing" -> ListingBench.run(store, opts.integer("rounds", 3));
      default -> {
        System.err.println("unknown scenario " + args[0] + "; use fill, stream or listing");
        System.exit(2);
      }
    }
  }
}
