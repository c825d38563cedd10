package dev.gameday.runner.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.core.journal.JournalEntry;
import dev.gameday.core.journal.JournalReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs that would touch the same resources, started from different runs directories on one host
 * (one lock folder): the second is refused naming the first; a rollback of the running run is
 * refused and writes nothing into its journal; {@code runs} shows the run as running; and the
 * first run, stopped by SIGTERM, reverts, frees its locks and leaves the sandbox as it was.
 */
class ConcurrentRunsTest extends WithSandbox {
  /** The sandbox NSG experiment with a hold long enough for the checks; ended by SIGTERM. */
  static String longNsgRun() throws Exception {
    Path copy = tmp.resolve("nsg-partition-long.yaml");
    String yaml = Files.readString(GamedayProcess.repo().resolve(
        "experiments/sandbox/nsg-partition.yaml"));
    if (!yaml.contains("hold: PT10S")) {
      throw new AssertionError("the sandbox NSG experiment changed its hold; adapt this test");
    }
    Files.writeString(copy, yaml.replace("hold: PT10S", "hold: PT5M")
        .replace("maxDuration: PT5M", "maxDuration: PT10M"));
    return copy.toString();
  }

  @Test
  void aSecondRunOnTheSameNsgAndARollbackOfTheLiveRunAreRefused() throws Exception {
    Path locks = tmp.resolve("shared-locks");
    Path runsA = tmp.resolve("runs-a");
    Path runsB = tmp.resolve("runs-b");
    Map<String, String> envA = GamedayProcess.env(sandbox, runsA, locks);
    Map<String, String> envB = GamedayProcess.env(sandbox, runsB, locks);
    Path logA = tmp.resolve("a.log");
    String experiment = longNsgRun();
    Process a = GamedayProcess.start(envA, logA, "run", experiment, "--runs-dir",
        runsA.toString());
    try {
      Path journalA = awaitPhase(runsA, "HOLD", a, logA);
      Path dirA = journalA.getParent();

      Path logB = tmp.resolve("b.log");
      int second = GamedayProcess.run(envB, logB, Duration.ofMinutes(1), "run", experiment,
          "--runs-dir", runsB.toString());
      assertThat(second).as(Files.readString(logB)).isEqualTo(3);
      assertThat(Files.readString(logB)).contains("nsg-app").contains(dirA.toString())
          .contains("which is running");

      Path logR = tmp.resolve("rollback.log");
      int rollback = GamedayProcess.run(envB, logR, Duration.ofMinutes(1), "rollback",
          dirA.toString());
      assertThat(rollback).as(Files.readString(logR)).isEqualTo(3);
      assertThat(Files.readString(logR)).contains("refusing to roll back").contains("running");

      Path logRuns = tmp.resolve("runs.log");
      GamedayProcess.run(envA, logRuns, Duration.ofMinutes(1), "runs", "--runs-dir",
          runsA.toString());
      assertThat(Files.readString(logRuns)).contains("INCOMPLETE (no end in its journal) - running (run, pid " + a.pid());

      assertThat(a.isAlive()).as("still holding").isTrue();
      a.destroy();   // SIGTERM: the run reverts by itself
      assertThat(a.waitFor(2, TimeUnit.MINUTES)).isTrue();
      assertThat(a.exitValue()).as(Files.readString(logA)).isEqualTo(4);
      assertThat(Files.readString(journalA)).as("the refused rollback wrote nothing")
          .doesNotContain("rollback: ").doesNotContain("rolled back by");
      assertSeqsUnique(journalA);
      assertSandboxAsItWas();
      assertThat(locks).isDirectoryNotContaining("glob:**.lock");
    } finally {
      a.destroyForcibly().waitFor();
    }
  }

  static void assertSeqsUnique(Path journal) throws Exception {
    List<Long> seqs = new JournalReader().readAll(journal).stream().map(JournalEntry::seq).toList();
    assertThat(seqs).doesNotHaveDuplicates().isSorted();
  }
}
