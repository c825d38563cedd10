package dev.gameday.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.core.event.Phase;
import dev.gameday.core.event.RunOutcome;
import dev.gameday.core.event.Stamp;
import dev.gameday.core.event.TimelineEvent;
import dev.gameday.core.journal.JournalWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs are listed from their journals' heads and tails. */
class RunRegistryTest {
  @TempDir Path runs;

  static final String VM = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/web-1";

  Path journal(String name, boolean finished, int samples) throws Exception {
    Path dir = Files.createDirectories(runs.resolve(name));
    Stamp at = new Stamp(Instant.parse("2026-12-01T01:00:00Z").plusSeconds(name.hashCode() & 0xff), 0);
    try (JournalWriter w = JournalWriter.create(dir.resolve("journal.jsonl"))) {
      w.append(new TimelineEvent.RunStarted(at, "id-" + name, name, name, "/e.yaml", "sha", "y", "t",
          Map.of(), Optional.empty()));
      w.append(new TimelineEvent.TargetsResolved(at, Map.of("web", List.of(VM))));
      w.append(new TimelineEvent.PhaseStarted(at, Phase.BASELINE, Optional.empty()));
      for (int i = 0; i < samples; i++) {
        w.append(new TimelineEvent.ProbeSample(at, "p", i, i, i + 1, 200, TimelineEvent.Outcome.OK, "200"));
      }
      if (finished) {
        w.append(new TimelineEvent.RunFinished(at, RunOutcome.PASSED, 0, "ok"));
      }
    }
    return dir;
  }

  @Test
  void aFinishedRunIsListedWithItsOutcomeFromTheJournalsLastLine() throws Exception {
    journal("long", true, 5_000);

    var heads = new RunRegistry(runs).list();

    assertThat(heads).singleElement().satisfies(h -> {
      assertThat(h.experimentName()).isEqualTo("long");
      assertThat(h.outcome()).contains(RunOutcome.PASSED);
      assertThat(h.resources()).containsExactly(VM);
    });
  }

  @Test
  void aFolderWithoutAJournalIsNotARun() throws Exception {
    Files.createDirectories(runs.resolve("notes"));
    journal("real", true, 1);

    assertThat(new RunRegistry(runs).list()).extracting(RunHead::experimentName).containsExactly("real");
  }
}
