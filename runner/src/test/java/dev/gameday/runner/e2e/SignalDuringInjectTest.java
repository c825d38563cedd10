package dev.gameday.runner.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.core.event.TimelineEvent;
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
 * SIGTERM while the injection waits: in a {@code Retry-After} wait of a throttled power-off, in a
 * long-running-operation poll that gets no answer, in an NSG rule's provisioning poll and in a
 * Site Recovery job poll. The run must go straight to the revert, exit 4 (aborted, everything
 * reverted), keep a whole journal, and leave the sandbox as it was (VMs running, no Gameday rule,
 * no test failover up). The signal is sent once the sandbox has served the throttle or the hang,
 * so it lands in the wait.
 */
class SignalDuringInjectTest extends WithSandbox {
  static final String EXPERIMENT = "experiments/sandbox/vm-poweroff.yaml";
  static final String NSG = "experiments/sandbox/nsg-partition.yaml";
  static final String FAILOVER = "experiments/sandbox/region-failover.yaml";

  @Test
  void sigtermDuringARetryAfterWaitRevertsAndExitsAborted() throws Exception {
    sandbox.knobs().throttleNext(1, "POST /powerOff$", 60);

    Run run = signalOnceServed("retry-after");

    assertThat(run.exit()).as(run.output()).isEqualTo(4);
    assertThat(run.took()).as("no wait for the 60 s Retry-After").isLessThan(Duration.ofSeconds(30));
    assertJournalWhole(run.runs());
    assertSandboxAsItWas();
  }

  @Test
  void sigtermDuringAnOperationPollRevertsAndExitsAborted() throws Exception {
    sandbox.knobs().hangNext(1, "GET /operations/[^/]+$", Duration.ofSeconds(60));

    Run run = signalOnceServed("lro-poll");

    assertThat(run.exit()).as(run.output()).isEqualTo(4);
    assertThat(run.took()).as("no wait for the hung poll").isLessThan(Duration.ofSeconds(30));
    List<TimelineEvent> events = assertJournalWhole(run.runs());
    assertThat(events).as("the power-off was accepted before the signal").anyMatch(e -> e instanceof TimelineEvent.OperationAccepted a
        && a.action() == TimelineEvent.Action.INJECT);
    assertSandboxAsItWas();
  }

  @Test
  void sigtermDuringAnNsgRulePollRevertsAndExitsAborted() throws Exception {
    sandbox.knobs().hangNext(1, "GET .*/securityRules/gameday-[^/]+$", Duration.ofSeconds(60));

    Run run = signalOnceServed("nsg-poll", NSG);

    assertThat(run.exit()).as(run.output()).isEqualTo(4);
    assertThat(run.took()).as("no wait for the hung poll").isLessThan(Duration.ofSeconds(30));
    assertJournalWhole(run.runs());
    assertSandboxAsItWas();
  }

  @Test
  void sigtermDuringASiteRecoveryJobPollRevertsAndExitsAborted() throws Exception {
    sandbox.knobs().hangNext(1, "GET .*/replicationJobs/[^/]+$", Duration.ofSeconds(60));

    Run run = signalOnceServed("sr-job-poll", FAILOVER);

    assertThat(run.exit()).as(run.output()).isEqualTo(4);
    assertThat(run.took()).as("no wait for the hung poll").isLessThan(Duration.ofSeconds(45));
    List<TimelineEvent> events = assertJournalWhole(run.runs());
    assertThat(events).as("the failover's end is confirmed").anyMatch(e ->
        e instanceof TimelineEvent.ChangeRestored c && c.change().equals("failover"));
    assertSandboxAsItWas();
  }

  record Run(int exit, Duration took, Path runs, String output) {}

  /** Starts the run, sends SIGTERM once the sandbox's pending fault is used up, waits for the end. */
  Run signalOnceServed(String name) throws Exception {
    return signalOnceServed(name, EXPERIMENT);
  }

  Run signalOnceServed(String name, String experiment) throws Exception {
    Path runs = tmp.resolve(name);
    Path log = tmp.resolve(name + ".log");
    Map<String, String> env = GamedayProcess.env(sandbox, runs);
    Process p = GamedayProcess.start(env, log, "run", experiment, "--runs-dir", runs.toString());
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!sandbox.knobs().pendingFaults().isEmpty()) {
      if (!p.isAlive() || System.nanoTime() > deadline) {
        p.destroyForcibly().waitFor();
        throw new AssertionError("the run never reached the throttled or hung call:\n"
            + Files.readString(log));
      }
      Thread.sleep(10);
    }
    Thread.sleep(200);   // inside the wait now (the throttle is 60 s, the hang 60 s)
    long t0 = System.nanoTime();
    p.destroy();          // SIGTERM
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
      throw new AssertionError("the run did not end after SIGTERM:\n" + Files.readString(log));
    }
    return new Run(p.exitValue(), Duration.ofNanos(System.nanoTime() - t0), runs,
        Files.readString(log));
  }

  /** Every line readable, sequence numbers without gaps, the run's end journaled last. */
  static List<TimelineEvent> assertJournalWhole(Path runs) throws Exception {
    Path dir;
    try (var dirs = Files.list(runs)) {
      dir = dirs.filter(Files::isDirectory).findFirst().orElseThrow();
    }
    var entries = new java.util.ArrayList<JournalEntry>();
    var problems = new JournalReader().read(dir.resolve("journal.jsonl"), entries::add);
    assertThat(problems.messages()).isEmpty();
    for (int i = 0; i < entries.size(); i++) {
      assertThat(entries.get(i).seq()).isEqualTo(i + 1L);
    }
    List<TimelineEvent> events = entries.stream().map(JournalEntry::event).toList();
    assertThat(events.getLast()).isInstanceOfSatisfying(TimelineEvent.RunFinished.class,
        f -> assertThat(f.exitCode()).isEqualTo(4));
    assertThat(events).anyMatch(TimelineEvent.AbortRequested.class::isInstance);
    return events;
  }
}
