package dev.gameday.runner.engine;

import dev.gameday.core.event.RunOutcome;
import dev.gameday.core.event.TimelineEvent;
import dev.gameday.core.journal.JournalEntry;
import dev.gameday.core.journal.JournalReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a journal says about its run, read back for {@code gameday runs} and {@code rollback}:
 * identity, targets, which steps were injected, the changes each recorded before making them and
 * which of those are confirmed restored, which resources the platform restored, and how (or
 * whether) it finished.
 */
public record RunRecord(
    Path dir,
    String runId,
    String experimentName,
    Path experimentFile,
    Instant started,
    Map<String, List<String>> targets,
    List<String> injectedSteps,
    Map<String, Set<String>> restored,
    List<TimelineEvent.ChangeRecorded> changes,
    Set<String> changesRestored,
    Optional<RunOutcome> outcome,
    long lastSeq) {

  public boolean finished() {
    return outcome.isPresent();
  }

  /**
   * The changes a step recorded whose restore the journal does not confirm; of a change recorded
   * twice (refined with facts learnt later), the latest record.
   */
  public List<TimelineEvent.ChangeRecorded> unrestored(String step) {
    Map<String, TimelineEvent.ChangeRecorded> latest = new LinkedHashMap<>();
    for (TimelineEvent.ChangeRecorded c : changes) {
      String key = key(c.step(), c.resource(), c.change());
      if (c.step().equals(step) && !changesRestored.contains(key)) {
        latest.put(key, c);
      }
    }
    return List.copyOf(latest.values());
  }

  /** Whether any step recorded a change whose restore is not confirmed. */
  public boolean holdsChanges() {
    return changes.stream().anyMatch(c -> !changesRestored.contains(
        key(c.step(), c.resource(), c.change())));
  }

  private static String key(String step, String resource, String change) {
    return step + "\u0000" + resource.toLowerCase(java.util.Locale.ROOT) + "\u0000" + change;
  }


  /** Reads a run directory's journal; throws if there is no readable journal. */
  public static RunRecord read(Path dir) throws IOException {
    var state = new Object() {
      TimelineEvent.RunStarted started;
      Map<String, List<String>> targets = Map.of();
      final List<String> injected = new ArrayList<>();
      final Map<String, Set<String>> restored = new LinkedHashMap<>();
      final List<TimelineEvent.ChangeRecorded> changes = new ArrayList<>();
      final Set<String> changesRestored = new java.util.HashSet<>();
      RunOutcome outcome;
    };
    var problems = new JournalReader().read(dir.resolve(dev.gameday.core.journal.JournalFormat.FILE_NAME),
        (JournalEntry entry) -> {
          switch (entry.event()) {
            case TimelineEvent.RunStarted s -> state.started = s;
            case TimelineEvent.TargetsResolved t -> state.targets = t.targets();
            case TimelineEvent.FaultRequested f -> {
              if (!state.injected.contains(f.step())) {
                state.injected.add(f.step());
              }
            }
            case TimelineEvent.PlatformRestored r ->
                state.restored.computeIfAbsent(r.step(), k -> new LinkedHashSet<>()).add(r.resource());
            case TimelineEvent.ChangeRecorded c -> state.changes.add(c);
            case TimelineEvent.ChangeRestored c ->
                state.changesRestored.add(key(c.step(), c.resource(), c.change()));
            case TimelineEvent.RunFinished f -> state.outcome = f.outcome();
            default -> { }
          }
        });
    if (state.started == null) {
      throw new JournalReader.UnreadableJournalException(dir + ": the journal has no run.started event");
    }
    return new RunRecord(dir, state.started.runId(), state.started.experimentName(),
        Path.of(state.started.experimentFile()), state.started.at().utc(), state.targets,
        List.copyOf(state.injected), Map.copyOf(state.restored), List.copyOf(state.changes),
        Set.copyOf(state.changesRestored), Optional.ofNullable(state.outcome),
        problems.lastSeq());
  }
}
