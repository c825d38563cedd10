package dev.gameday.runner.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.core.port.TargetLease;
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

    Map<String, String> c = host("stream-c", 15);
    assertThat(gameday(c, "stream-history-c.log", 0, "history", "--output", "json"))
        .contains(name.substring(0, "20261128t020000z-3f2a".length()));
    assertThat(runs(c).resolve(name))
        .as("history reads the summary the store keeps of a finished run, not its files")
        .doesNotExist();

    Map<String, String> b = host("stream-b", 15);
    Path there = runs(b).resolve(name);
    String listed = gameday(b, "stream-runs.log", 0, "runs");
    assertThat(listed).contains("sandbox-sql-partition").contains(name)
        .doesNotContain("INCOMPLETE");
    assertThat(there.resolve("journal.jsonl")).as("the journal, byte for byte")
        .hasSameBinaryContentAs(local.resolve("journal.jsonl"));
    assertThat(there.resolve("evidence.json")).hasSameBinaryContentAs(local.resolve("evidence.json"));
    assertThat(gameday(b, "stream-history.log", 0, "history", "--output", "json"))
        .contains(name.substring(0, "20261128t020000z-3f2a".length()));
    assertThat(gameday(b, "stream-verify.log", 0, "verify", there.toString()))
        .contains("verifying the copy in the run store").contains("every file matches");
    assertThat(gameday(b, "stream-report.log", 0, "report", there.toString(), "--format",
        "md")).contains("report: ");
    assertThat(gameday(a, "stream-verify-a.log", 0, "verify", local.toString()))
        .as("the re-render recorded on host b reached the store").contains("every file matches");
  }

  /** The store's copy of a run's journal, fetched now. */
  static String storedJournal(String run) throws Exception {
    Path copy = Files.createTempFile(tmp, "stored-", ".jsonl");
    BlobStores.runStore(azurite.containerUrl(CONTAINER), connection()::get)
        .get(run, "journal.jsonl", copy);
    return Files.readString(copy);
  }

  static List<TargetLease.Hold> holds() {
    return BlobStores.lease(azurite.containerUrl(CONTAINER), connection()::get,
        Duration.ofSeconds(15), w -> {}).holds();
  }

  static void await(String what, Duration limit, java.util.concurrent.Callable<Boolean> done)
      throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!done.call()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + limit + ": " + what);
      }
      Thread.sleep(200);
    }
  }

  @Test
  void ofTwoRunnersStartedAtOnceOneRunsAndAKilledHoldersLeaseBlocksUntilItExpires()
      throws Exception {
    Map<String, String> a = host("lease-a", 30);
    Map<String, String> b = host("lease-b", 30);
    String experiment = ConcurrentRunsTest.longNsgRun();
    Path logA = tmp.resolve("lease-a.log");
    Path logB = tmp.resolve("lease-b.log");
    Process pa = GamedayProcess.start(a, logA, "run", experiment);
    Process pb = GamedayProcess.start(b, logB, "run", experiment);
    try {
      await("one of the two runs ends", Duration.ofMinutes(2), () -> !pa.isAlive() || !pb.isAlive());
      boolean aLost = !pa.isAlive();
      Process loser = aLost ? pa : pb;
      Process winner = aLost ? pb : pa;
      Map<String, String> win = aLost ? b : a;
      String loserLog = Files.readString(aLost ? logA : logB);
      String winnerHost = win.get("HOSTNAME");
      assertThat(loser.exitValue()).as(loserLog).isEqualTo(3);

      Path journal = awaitPhase(runs(win), "HOLD", winner, aLost ? logB : logA);
      String run = journal.getParent().getFileName().toString();
      String runId = run.substring(0, "20261128t020000z-3f2a".length());
      assertThat(loserLog).contains("another run holds a resource of this one")
          .contains("nsg-app").contains("run " + runId).contains("on " + winnerHost)
          .contains("which is running");
      await("the store has the journal up to the hold", Duration.ofSeconds(30),
          () -> storedJournal(run).contains("\"phase\":\"HOLD\""));

      winner.destroyForcibly().waitFor();   // SIGKILL: no revert, no release
      Map<String, String> c = host("lease-c", 15);
      String refused = gameday(c, "lease-c-refused.log", 3, "run", shortNsgRun());
      assertThat(refused).contains("run " + runId).contains("on " + winnerHost);
      assertThat(gameday(c, "lease-c-runs.log", 0, "runs")).contains(run)
          .contains("INCOMPLETE").contains("holds its targets from host " + winnerHost);

      await("the killed runner's lease expires", Duration.ofSeconds(60), () -> holds().stream()
          .noneMatch(h -> h.live() && h.holder().runId().equals(runId)));
      Path logC = tmp.resolve("lease-c-proceeds.log");
      GamedayProcess.run(c, logC, Duration.ofMinutes(3), "run", shortNsgRun());
      assertThat(Files.readString(logC)).as("past preflight")
          .doesNotContain("another run holds a resource");
      String cLog = Files.readString(logC);
      java.util.regex.Matcher dir = java.util.regex.Pattern.compile("run directory: (\\S+)")
          .matcher(cLog);
      assertThat(dir.find()).as(cLog).isTrue();
      assertThat(Files.readString(Path.of(dir.group(1)).resolve("journal.jsonl")))
          .as("the take-over is journaled")
          .contains("was held by run " + runId).contains("whose lease expired");

      Map<String, String> d = host("lease-d", 15);
      Path there = runs(d).resolve(run);
      String rolledBack = gameday(d, "lease-d-rollback.log", 0, "rollback", there.toString());
      assertThat(rolledBack).contains("cut-sql");
      assertSandboxAsItWas();
      assertThat(storedJournal(run)).as("the rollback's lines reached the store")
          .isEqualTo(Files.readString(there.resolve("journal.jsonl")))
          .contains("\"type\":\"run.finished\"");
      assertThat(holds()).noneMatch(h -> h.holder().runId().equals(runId));
    } finally {
      pa.destroyForcibly().waitFor();
      pb.destroyForcibly().waitFor();
    }
  }

  @Test
  void aStoreThatStopsMidRunCostsAWarningAndStoreSyncSendsTheRestLater() throws Exception {
    Map<String, String> e = host("down-e", 15);
    Path log = tmp.resolve("down-run.log");
    Process run = GamedayProcess.start(e, log, "run", "experiments/sandbox/nsg-partition.yaml");
    Path local;
    try {
      local = awaitPhase(runs(e), "HOLD", run, log).getParent();
      azurite.close();
      assertThat(run.waitFor(3, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
    } finally {
      run.destroyForcibly().waitFor();
    }
    String out = Files.readString(log);
    assertThat(run.exitValue()).as(out).isIn(0, 1);
    assertThat(out).contains("cannot be written").contains("gameday store sync");
    assertThat(Files.readString(local.resolve("journal.jsonl")))
        .contains("\"type\":\"platform.restored\"").contains("\"type\":\"run.finished\"");
    assertSandboxAsItWas();

    azurite = Azurite.start(tmp.resolve("azurite"));   // back, on a new port, with its data
    Map<String, String> later = host("down-e", 15);
    assertThat(gameday(later, "down-sync.log", 0, "store", "sync")).contains("sent");
    assertThat(storedJournal(local.getFileName().toString()))
        .isEqualTo(Files.readString(local.resolve("journal.jsonl")));
    assertThat(gameday(later, "down-sync-again.log", 0, "store", "sync"))
        .contains("already in the store");
    await("the run's lease, never released, expires", Duration.ofSeconds(40),
        () -> holds().stream().noneMatch(TargetLease.Hold::live));
  }
}
