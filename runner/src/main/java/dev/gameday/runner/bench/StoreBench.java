package dev.gameday.runner.bench;

import dev.gameday.core.port.RunStore;
import dev.gameday.store.blob.BlobStores;
import java.util.HashMap;
import java.util.Map;

/**
 * The run store's benchmarks, runnable from the jar (run by {@code scripts/bench store-history}
 * and {@code scripts/bench store-stream}, which start Azurite):
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
 * </ul>
 */
public final class StoreBench {
  private StoreBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println("usage: StoreBench fill|stream --store URL [--name value ...]");
      System.exit(2);
    }
    Map<String, String> opts = new HashMap<>();
    for (int i = 1; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --name value pairs, got: " + args[i]);
      }
      opts.put(args[i].substring(2), args[i + 1]);
    }
    String url = opts.get("store");
    if (url == null) {
      throw new IllegalArgumentException("--store URL is required");
    }
    var container = BlobStores.container(url, System::getenv);
    if (!container.exists()) {
      container.create();
    }
    RunStore store = BlobStores.runStore(url, System::getenv);
    switch (args[0]) {
      case "fill" -> StoreFill.fill(store, java.nio.file.Path.of(opts.get("run")),
          Integer.parseInt(opts.getOrDefault("runs", "1000")));
      case "stream" -> new StreamBench(store, container, opts).run();
      default -> {
        System.err.println("unknown scenario " + args[0] + "; use fill or stream");
        System.exit(2);
      }
    }
  }
}
