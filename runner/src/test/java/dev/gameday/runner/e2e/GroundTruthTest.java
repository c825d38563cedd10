package dev.gameday.runner.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.core.event.TimelineEvent;
import dev.gameday.core.journal.JournalEntry;
import dev.gameday.core.journal.JournalReader;
import dev.gameday.reports.analysis.Analysis;
import dev.gameday.reports.analysis.Finding;
import dev.gameday.reports.analysis.FigureKind;
import dev.gameday.reports.analysis.PlatformInstant;
import dev.gameday.reports.analysis.RecoveryGapAnalyzer;
import dev.gameday.reports.analysis.StepResult;
import dev.gameday.runner.e2e.TruthServer.Mode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every report figure against what really happened. The probe watches a {@link TruthServer}
 * that starts failing 300 ms after Azure (the sandbox) confirms the fault and heals 700 ms after
 * Azure reports the platform restored, recording both instants to the microsecond; the fault
 * itself is a real sandbox experiment run by the CLI in a child process. Each figure must lie
 * within one probe interval + 50 ms of the truth (for a hanging endpoint, "restored" may be one
 * timeout later), and the sandbox's own timeline within the bracket the report states for
 * Azure's instants.
 * One run has a bounded CPU burner beside it: missed ticks must not move any figure. The rows
 * cover every failure mode (503, slow but 200, hang, reset) and every fault kind (VM, NSG, Site
 * Recovery) at both probe intervals, 100 ms and 1 s.
 */
class GroundTruthTest extends WithSandbox {
  private static final Duration SLACK = Duration.ofMillis(50);
  private static final Duration FAIL_AFTER_EFFECT = Duration.ofMillis(300);
  private static final Duration HEAL_AFTER_RESTORE = Duration.ofMillis(700);
  /** How far the sandbox's clock and the run's may differ (two readings of one system clock). */
  private static final Duration CLOCKS = Duration.ofMillis(5);
  private static final Duration RUN_LIMIT = Duration.ofMinutes(2);

  @ParameterizedTest(name = "{0}: {1} at {2} ms, timeout {3} ms, CPU burner {4}, {5} client")
  @CsvSource({
      "vm-poweroff,   STATUS_503, 100,  1000, true,  loop",
      "nsg-partition, SLOW_200,   100,  3000, false, loop",
      "nsg-partition, STATUS_503, 1000, 1000, false, loop",
      "region-failover, HANG,     100,  1000, false, loop",
      "vm-poweroff,   RESET,      100,  1000, false, loop",
      "vm-poweroff,   HANG,       1000, 1500, false, loop",
      "vm-poweroff,   SLOW_200,   1000, 3000, false, loop",
      "region-failover, RESET,    1000, 1000, false, loop",
      // OkHttp (--probe-client okhttp) against the same truth: a failing status, a server that
      // never answers (OkHttp's call timeout), a reset connection.
      "vm-poweroff,   STATUS_503, 100,  1000, false, okhttp",
      "vm-poweroff,   HANG,       1000, 1500, false, okhttp",
      "vm-poweroff,   RESET,      100,  1000, false, okhttp",
  })
  void everyFigureIsWithinOneProbeIntervalOfTheTruth(String experiment, Mode mode,
      long intervalMs, long timeoutMs, boolean burner, String client) throws Exception {
    Duration interval = Duration.ofMillis(intervalMs);
    Duration timeout = Duration.ofMillis(timeoutMs);
    String name = experiment + "-" + mode + "-" + intervalMs + (burner ? "-burner" : "") + "-"
        + client;
    Path runs = tmp.resolve(name);
    Path log = tmp.resolve(name + ".log");
    try (TruthServer truth = new TruthServer(Duration.ofMillis(1500))) {
      Path yaml = writeExperiment(experiment, truth, interval, timeout, tmp.resolve(name + ".yaml"));
      Map<String, String> env = GamedayProcess.env(sandbox, runs);
      Process run = GamedayProcess.start(env, log, "run", yaml.toString(), "--runs-dir",
          runs.toString(), "--probe-client", client);
      AtomicBoolean stop = new AtomicBoolean();
      List<Thread> burners = burner ? burn(stop) : List.of();
      Instant[] truthAt = drive(runs, run, truth, mode, log);
      boolean ended = run.waitFor(RUN_LIMIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      stop.set(true);
      for (Thread t : burners) {
        t.join();
      }
      if (!ended) {
        run.destroyForcibly().waitFor();
      }
      assertThat(ended).as(Files.readString(log)).isTrue();
      assertThat(run.exitValue()).as(Files.readString(log)).isIn(0, 1);

      Path dir = runDir(runs);
      Analysis a = new RecoveryGapAnalyzer().analyze(dir.resolve("journal.jsonl"));
      StepResult s = a.steps().getFirst();
      System.out.printf("ground truth: %s, %d missed ticks in the run%n", name,
          a.baseline().overall().missed() + s.during().overall().missed()
              + a.after().overall().missed());
      assertThat(a.baseline().overall().failures()).as("baseline: every answer was good").isZero();
      assertPlatformWithinTheStatedBracket(s, experiment);
      if (!experiment.startsWith("region-")) {
        assertPlatformRecoveryFromTheChangingRequest(s, experiment, dir);
      }
      if (mode == Mode.SLOW_200) {
        assertNoImpact(a, s);
      } else {
        assertApplicationFigures(s, truthAt[0], truthAt[1], interval,
            mode == Mode.HANG ? timeout : Duration.ZERO);
      }
      assertSandboxAsItWas();
    }
  }

  private static void assertApplicationFigures(StepResult s, Instant failAt, Instant healAt,
      Duration interval, Duration hang) {
    Duration late = interval.plus(SLACK);
    Instant effective = s.moments().effective().orElseThrow();
    Instant restored = s.moments().platformRestored().orElseThrow();

    assertThat(s.moments().firstFailed()).hasValueSatisfying(f ->
        assertThat(f).as("first failed probe vs the server's failure at %s", failAt)
            .isBetween(failAt.minus(SLACK), failAt.plus(late)));
    assertThat(s.moments().applicationRestored()).hasValueSatisfying(r ->
        assertThat(r).as("application restored vs the server's healing at %s", healAt)
            .isBetween(healAt.minus(SLACK), healAt.plus(late).plus(hang)));
    within(s, FigureKind.TIME_TO_IMPACT, Duration.between(effective, failAt),
        SLACK.negated(), late);
    within(s, FigureKind.APPLICATION_GAP, Duration.between(restored, healAt),
        SLACK.negated(), late.plus(hang));
    within(s, FigureKind.USER_VISIBLE_OUTAGE, Duration.between(failAt, healAt),
        late.plus(SLACK).negated(), late.plus(hang).plus(SLACK));
  }

  private static void within(StepResult s, FigureKind kind, Duration truth, Duration below,
      Duration above) {
    Duration measured = s.value(kind).orElseThrow(() -> new AssertionError(kind + ": "
        + s.figure(kind).map(f -> f.note()).orElse("absent")));
    System.out.printf("ground truth: %s measured %d ms, truth %d ms, off by %d ms%n", kind,
        measured.toMillis(), truth.toMillis(), measured.minus(truth).toMillis());
    assertThat(measured.minus(truth)).as("%s %s against the truth %s", kind, measured, truth)
        .isBetween(below, above);
  }

  private static void assertNoImpact(Analysis a, StepResult s) {
    assertThat(s.moments().firstFailed()).isEmpty();
    assertThat(s.value(FigureKind.USER_VISIBLE_OUTAGE)).isEmpty();
    assertThat(s.value(FigureKind.APPLICATION_GAP)).isEmpty();
    assertThat(a.findings()).extracting(Finding::code).contains("slow-answers");
  }

  /**
   * Azure's instants against the sandbox's own timeline (a VM's power states; the changes of
   * Gameday's deny rule): the sandbox's instant of the change lies within the bracket the report
   * states, and the report's instant within that bracket, at or after the truth (Azure's own
   * time is the truth itself in the sandbox, whose instance view states it).
   */
  private static void assertPlatformWithinTheStatedBracket(StepResult s, String experiment)
      throws Exception {
    JsonNode state = state();
    PlatformInstant effective = s.effectiveInstant().orElseThrow();
    PlatformInstant restored = s.restoredInstant().orElseThrow();
    if (experiment.startsWith("vm-")) {
      within("effective", effective,
          vmChange(state, effective.resource(), "PowerState/stopped", true));
      within("restored", restored,
          vmChange(state, restored.resource(), "PowerState/running", false));
    } else if (experiment.startsWith("nsg-")) {
      within("effective", effective, ruleChange(state, "present"));
      within("restored", restored, ruleChange(state, "absent"));
    } else {
      within("effective", effective, failoverJob(state, "startTime"));
      within("restored", restored, failoverJob(state, "endTime"));
    }
  }

  /**
   * Platform recovery starts at the revert's request that changes Azure (the start, the rule's
   * deletion), not at the revert request before Gameday's look-up: the sandbox received that
   * request between the figure's start and its acceptance, and the look-up came before.
   */
  private static void assertPlatformRecoveryFromTheChangingRequest(StepResult s,
      String experiment, Path dir) throws Exception {
    TimelineEvent.OperationAccepted accepted = new JournalReader().readAll(
            dir.resolve("journal.jsonl")).stream().map(JournalEntry::event)
        .flatMap(e -> e instanceof TimelineEvent.OperationAccepted o
            && o.action() == TimelineEvent.Action.REVERT ? Stream.of(o) : Stream.empty())
        .findFirst().orElseThrow();
    JsonNode state = state();
    Instant received = experiment.startsWith("vm-")
        ? vmChange(state, accepted.resource(), "PowerState/starting", false)
        : ruleSubmitted(state, "absent");
    Instant start = s.moments().platformRestored().orElseThrow()
        .minus(s.value(FigureKind.PLATFORM_RECOVERY).orElseThrow());
    System.out.printf("ground truth: platform recovery starts %d ms before the sandbox received"
        + " the revert's request, %d ms after the revert request%n",
        Duration.between(start, received).toMillis(),
        Duration.between(s.moments().revertRequested().orElseThrow(), start).toMillis());
    assertThat(received).as("the sandbox's receipt of the revert's request")
        .isBetween(start.minus(CLOCKS), accepted.at().utc().plus(CLOCKS));
    assertThat(start).as("after Gameday's look-up that followed the revert request")
        .isAfter(s.moments().revertRequested().orElseThrow());
  }

  /** When the sandbox received the request that made Gameday's rule present or absent. */
  private static Instant ruleSubmitted(JsonNode state, String present) {
    for (JsonNode nsg : state.path("networkSecurityGroups")) {
      for (JsonNode change : nsg.path("timeline")) {
        if (change.path("rule").asText().startsWith("gameday-")
            && change.path("state").asText().equals(present)) {
          return Instant.parse(change.path("submitted").asText());
        }
      }
    }
    throw new AssertionError("the sandbox never received Gameday's rule change to " + present);
  }

  /** The sandbox's test failover job: when it started or ended. */
  private static Instant failoverJob(JsonNode state, String field) {
    for (JsonNode plan : state.path("recoveryPlans")) {
      for (JsonNode job : plan.path("jobs")) {
        if (job.path("scenarioName").asText().equals("TestFailover") && job.has(field)) {
          return Instant.parse(job.path(field).asText());
        }
      }
    }
    throw new AssertionError("the sandbox has no test failover job with a " + field);
  }

  private static void within(String what, PlatformInstant i, Instant truth) {
    Instant from = i.lastSeenBefore().orElseThrow();
    System.out.printf("ground truth: platform %s by %s, bracket %d ms, %d ms after the"
        + " sandbox's change%n", what, i.source(), i.width().orElseThrow().toMillis(),
        Duration.between(truth, i.at()).toMillis());
    assertThat(truth).as("the sandbox's %s within the stated bracket", what)
        .isBetween(from.minus(CLOCKS), i.firstSeenAfter().plus(CLOCKS));
    assertThat(i.at()).as("the report's %s vs the sandbox's %s", what, truth)
        .isBetween(truth.minus(CLOCKS), i.firstSeenAfter());
  }

  /** When the sandbox's VM entered {@code state} (the first time, or the last). */
  private static Instant vmChange(JsonNode state, String vmId, String power, boolean first) {
    Instant found = null;
    for (JsonNode vm : state.path("virtualMachines")) {
      if (!vm.path("id").asText().equalsIgnoreCase(vmId)) {
        continue;
      }
      for (JsonNode seg : vm.path("timeline")) {
        Instant from = Instant.parse(seg.path("from").asText());
        if (seg.path("state").asText().equals(power) && (found == null || !first)) {
          found = from;
        }
      }
    }
    assertThat(found).as("the sandbox's timeline of %s has no %s", vmId, power).isNotNull();
    return found;
  }

  /** When the sandbox put Gameday's deny rule in force (present), or its deletion (absent). */
  private static Instant ruleChange(JsonNode state, String present) {
    Instant found = null;
    for (JsonNode nsg : state.path("networkSecurityGroups")) {
      for (JsonNode change : nsg.path("timeline")) {
        if (change.path("rule").asText().startsWith("gameday-")
            && change.path("state").asText().equals(present) && found == null) {
          found = Instant.parse(change.path("inForce").asText());
        }
      }
    }
    assertThat(found).as("the sandbox never made Gameday's rule %s", present).isNotNull();
    return found;
  }

  /**
   * Follows the run's journal: fails the server {@link #FAIL_AFTER_EFFECT} after the first
   * {@code fault.effective}, heals it {@link #HEAL_AFTER_RESTORE} after the revert was requested
   * and every resource it named is reported restored (a failover's job may succeed before its
   * revert). Returns the recorded instants of failing and healing.
   */
  private static Instant[] drive(Path runs, Process run, TruthServer truth, Mode mode, Path log)
      throws Exception {
    long deadline = System.nanoTime() + RUN_LIMIT.toNanos();
    Instant failAt = null;
    Instant healAt = null;
    while (System.nanoTime() < deadline && run.isAlive() && healAt == null) {
      Optional<Path> journal = journal(runs);
      if (journal.isPresent()) {
        String text = Files.readString(journal.get());
        if (failAt == null && text.contains("\"type\":\"fault.effective\"")) {
          Thread.sleep(FAIL_AFTER_EFFECT);
          failAt = truth.switchTo(mode);
        } else if (failAt != null && text.contains("\"type\":\"revert.requested\"")
            && allRestored(journal.get())) {
          Thread.sleep(HEAL_AFTER_RESTORE);
          healAt = truth.switchTo(Mode.OK);
        }
      }
      Thread.sleep(5);
    }
    assertThat(failAt).as("the fault never took effect:%n%s", Files.readString(log)).isNotNull();
    assertThat(healAt).as("the platform was never restored:%n%s", Files.readString(log))
        .isNotNull();
    return new Instant[] {failAt, healAt};
  }

  /** True once every resource the revert named is reported restored. */
  private static boolean allRestored(Path journal) throws Exception {
    List<TimelineEvent> events = new JournalReader().readAll(journal).stream()
        .map(JournalEntry::event).toList();
    var reverted = events.stream().filter(TimelineEvent.RevertRequested.class::isInstance)
        .map(TimelineEvent.RevertRequested.class::cast)
        .flatMap(r -> r.resources().stream()).distinct().toList();
    var restored = events.stream().filter(TimelineEvent.PlatformRestored.class::isInstance)
        .map(TimelineEvent.PlatformRestored.class::cast).map(TimelineEvent.PlatformRestored::resource)
        .distinct().toList();
    return !reverted.isEmpty() && restored.containsAll(reverted);
  }

  private static Optional<Path> journal(Path runs) throws Exception {
    if (!Files.isDirectory(runs)) {
      return Optional.empty();
    }
    try (Stream<Path> dirs = Files.list(runs)) {
      return dirs.map(d -> d.resolve("journal.jsonl")).filter(Files::exists).findFirst();
    }
  }

  private static Path runDir(Path runs) throws Exception {
    return journal(runs).orElseThrow().getParent();
  }

  /** One spinning thread per core until {@code stop}, bounded by the run's limit. */
  private static List<Thread> burn(AtomicBoolean stop) {
    long end = System.nanoTime() + RUN_LIMIT.toNanos();
    return Stream.generate(() -> Thread.ofPlatform().daemon().name("cpu-burner").start(() -> {
      long x = 0;
      while (!stop.get() && System.nanoTime() < end) {
        x += Long.numberOfTrailingZeros(x + System.nanoTime());
      }
    })).limit(Runtime.getRuntime().availableProcessors()).toList();
  }

  /**
   * The sandbox experiment with its probes replaced by one probe of the truth server, a short
   * baseline and hold, and no objectives (the figures are what is checked here).
   */
  private static Path writeExperiment(String experiment, TruthServer truth, Duration interval,
      Duration timeout, Path to) throws Exception {
    String yaml = Files.readString(GamedayProcess.repo()
        .resolve("experiments/sandbox/" + experiment + ".yaml"));
    String head = yaml.substring(0, yaml.indexOf("steadyState:"));
    String faults = yaml.substring(yaml.indexOf("faults:"), yaml.indexOf("objectives:"))
        .replaceAll("hold: PT\\d+S", "hold: PT3S");
    String probes = """
        steadyState:
          baseline: PT2S
          probes:
            - name: truth
              http: {url: "%s", timeout: PT%sS}
              every: PT%sS
              expect: {status: ["2xx"]}
              tolerance: {successRatio: 0.5, over: PT2S, failuresToBreach: 1, successesToRestore: 1}

        """.formatted(truth.uri(), timeout.toMillis() / 1000.0, interval.toMillis() / 1000.0);
    Files.writeString(to, head + probes + faults + "abort:\n  maxDuration: PT3M\n");
    return to;
  }
}
