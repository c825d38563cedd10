package dev.gameday.runner.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.core.testing.Azurite;
import dev.gameday.store.blob.BlobStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The run store and the cross-host lease with the real CLI, the sandbox and Azurite. Each
 * "host" is a gameday process with a runs folder and a lock folder of its own: only the store
 * connects them.
 */
class StoreEndToEndTest extends WithSandbox {
  static final String CONTAINER = "gameday";
  static Azurite azurite;

  @BeforeAll
  static void startAzurite() throws Exception {
    azurite = Azurite.start(tmp.resolve("azurite"));
    BlobStores.container(azurite.containerUrl(CONTAINER), connection()::get).create();
  }

  @AfterAll
  static void stopAzurite() throws Exception {
    if (azurite != null) {
      azurite.close();
    }
  }

  static Map<String, String> connection() {
    return Map.of(BlobStores.CONNECTION_STRING_ENV, azurite.connectionString());
  }

  /** A host: its own runs and lock folders, the shared store, leases of {@code leaseSeconds}. */
  static Map<String, String> host(String name, int leaseSeconds) {
    Path runs = tmp.resolve(name + "-runs");
    Map<String, String> env = new HashMap<>(GamedayProcess.env(sandbox, runs,
        tmp.resolve(name + "-locks")));
    env.putAll(connection());
    env.put("GAMEDAY_STORE", azurite.containerUrl(CONTAINER));
    env.put("GAMEDAY_LEASE_SECONDS", Integer.toString(leaseSeconds));
    env.put("HOSTNAME", name);
    return env;
  }

  static Path runs(Map<String, String> host) {
    return Path.of(host.get("GAMEDAY_RUNS_DIR"));
  }

  /** The sandbox NSG experiment, shortened: a 2 s baseline and a 3 s hold. */
  static String shortNsgRun() throws Exception {
    Path copy = tmp.resolve("nsg-partition-short.yaml");
    String yaml = Files.readString(GamedayProcess.repo().resolve(
        "experiments/sandbox/nsg-partition.yaml"));
    Files.writeString(copy, yaml.replace("hold: PT10S", "hold: PT3S")
        .replace("baseline: PT5S", "baseline: PT2S"));
    return copy.toString();
  }

  static Path onlyRun(Path runsDir) throws Exception {
    try (Stream<Path> dirs = Files.list(runsDir)) {
      List<Path> all = dirs.filter(Files::isDirectory).toList();
      assertThat(all).hasSize(1);
      return all.get(0);
    }
  }

  static String gameday(Map<String, String> host, String log, int expectedExit, String... args)
      throws Exception {
    Path out = tmp.resolve(log);
    int exit = GamedayProcess.run(host, out, Duration.ofMinutes(3), args);
    String text = Files.readString(out);
    assertThat(exit).as(text).isEqualTo(expectedExit);
    return text;
  }

  @Test
  void aRunStreamedToTheStoreIsReadBackByRunsHistoryReportAndVerifyOnAnotherHost()
      throws Exception {
    Map<String, String> a = host("stream-a", 15);
    Path log = tmp.resolve("stream-run.log");
    int exit = GamedayProcess.run(a, log, Duration.ofMinutes(3), "run", shortNsgRun());
    assertThat(exit).as(Files.readString(log)).isIn(0, 1);
    Path local = onlyRun(runs(a));
    String name = local.getFileName().toString();

    Map<String, String> b = host("stream-b", 15);
    Path there = runs(b).resolve(name);
    String listed = gameday(b, "stream-runs.log", 0, "runs");
    assertThat(listed).contains("sandbox-sql-partition").contains(name)
        .doesNotContain("INCOMPLETE");
    assertThat(there.resolve("journal.jsonl")).as("the journal, byte for byte")
        .hasSameBinaryContentAs(local.resolve("journal.jsonl"));
    assertThat(there.resolve("evidence.json")).hasSameBinaryContentAs(local.resolve("evidence.json"));
    assertThat(gameday(b, "stream-history.log", 0, "history")).contains("(1 run(s))");
    assertThat(gameday(b, "stream-verify.log", 0, "verify", there.toString()))
        .contains("verifying the copy in the run store").contains("every file matches");
    assertThat(gameday(b, "stream-report.log", 0, "report", there.toString(), "--format",
        "md")).contains("report: ");
    assertThat(gameday(a, "stream-verify-a.log", 0, "verify", local.toString()))
        .as("the re-render recorded on host b reached the store").contains("every file matches");
  }
}
