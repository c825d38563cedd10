package dev.gameday.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.core.event.RunOutcome;
import dev.gameday.core.event.Stamp;
import dev.gameday.core.event.TimelineEvent;
import dev.gameday.core.journal.JournalEntry;
import dev.gameday.core.journal.JournalReader;
import dev.gameday.core.journal.JournalWriter;
import dev.gameday.core.model.Experiment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rollback restores what the journal recorded and did not confirm, and nothing else. */
class RollbackTest {
  @TempDir Path tmp;

  static final String VM1 = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/web-1";
  static final String VM2 = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/web-2";

  final FakeClock clock = new FakeClock(Instant.parse("2026-11-28T02:00:00Z"));
  final FakePlatform platform = new FakePlatform(clock);
  final Experiment experiment = TestExperiments.withSteps(
      TestExperiments.powerOff("a", Duration.ofMinutes(1)));

  Path journal(Consumer<JournalWriter> body) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("run"));
    Stamp at = clock.stamp();
    try (JournalWriter w = JournalWriter.create(dir.resolve("journal.jsonl"))) {
      w.append(new TimelineEvent.RunStarted(at, "run-1", "test-exp", "t", "/e.yaml", "sha", "y",
          "t", Map.of(), Optional.empty()));
      w.append(new TimelineEvent.TargetsResolved(at, Map.of("web", List.of(VM1, VM2))));
      body.accept(w);
    }
    return dir;
  }

  TimelineEvent.ChangeRecorded change(String vm) {
    return new TimelineEvent.ChangeRecorded(clock.stamp(), "a", vm, "powerState", "running", Map.of());
  }

  RunResult rollback(Path dir) throws Exception {
    platform.fault("a").records = true;
    return new Rollback(e -> platform, clock, EngineOptions.defaults()).rollback(dir, experiment,
        List.of());
  }

  @Test
  void restoresOnlyTheChangesWhoseRestoreTheJournalDoesNotConfirm() throws Exception {
    Path dir = journal(w -> {
      w.append(new TimelineEvent.FaultRequested(clock.stamp(), "a", "vm.powerOff", List.of(VM1, VM2), "off"));
      w.append(change(VM1));
      w.append(change(VM2));
      w.append(new TimelineEvent.ChangeRestored(clock.stamp(), "a", VM1, "powerState", "PowerState/running"));
    });

    RunResult r = rollback(dir);

    assertThat(r.outcome()).isEqualTo(RunOutcome.ABORTED);
    assertThat(platform.calls).containsExactly("restoreFrom a [" + VM2 + "]", "revert a", "restored a");
    assertThat(RunRecord.read(dir).holdsChanges()).isFalse();
    assertThat(RunRecord.read(dir).finished()).isTrue();
  }

  @Test
  void aChangeRecordedAgainWithFactsLearntLaterIsHandedBackOnceAsItsLatestRecord()
      throws Exception {
    Path dir = journal(w -> {
      w.append(new TimelineEvent.FaultRequested(clock.stamp(), "a", "vm.powerOff", List.of(VM1), "off"));
      w.append(change(VM1));
      w.append(new TimelineEvent.ChangeRecorded(clock.stamp(), "a", VM1, "powerState", "running",
          Map.of("job", "j-1")));
    });

    assertThat(RunRecord.read(dir).unrestored("a")).singleElement()
        .satisfies(c -> assertThat(c.facts()).containsEntry("job", "j-1"));
    rollback(dir);
    assertThat(platform.calls).containsExactly("restoreFrom a [" + VM1 + "]", "revert a", "restored a");
    assertThat(RunRecord.read(dir).holdsChanges()).isFalse();
  }

  @Test
  void aStepThatRecordedNoChangeIsNotReverted() throws Exception {
    Path dir = journal(w -> w.append(new TimelineEvent.FaultRequested(clock.stamp(), "a",
        "vm.powerOff", List.of(VM1), "off")));

    RunResult r = rollback(dir);

    assertThat(platform.calls).isEmpty();
    assertThat(r.summary()).contains("nothing was left injected");
    assertThat(RunHead.read(dir).finished()).isTrue();
  }

  @Test
  void aSecondRollbackLeavesTheFinishedRunAsItIs() throws Exception {
    Path dir = journal(w -> {
      w.append(new TimelineEvent.FaultRequested(clock.stamp(), "a", "vm.powerOff", List.of(VM1), "off"));
      w.append(change(VM1));
    });
    rollback(dir);
    byte[] after = Files.readAllBytes(dir.resolve("journal.jsonl"));
    platform.calls.clear();

    RunResult again = rollback(dir);

    assertThat(Files.readAllBytes(dir.resolve("journal.jsonl"))).isEqualTo(after);
    assertThat(platform.calls).isEmpty();
    assertThat(again.outcome()).isEqualTo(RunOutcome.ABORTED);
    assertThat(RunHead.read(dir).finished()).isTrue();
    List<JournalEntry> entries = new JournalReader().readAll(dir.resolve("journal.jsonl"));
    assertThat(entries).filteredOn(e -> e.event() instanceof TimelineEvent.RunFinished).hasSize(1);
  }
}
