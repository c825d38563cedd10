package dev.gameday.reports;

import dev.gameday.core.event.MissedTick;
import dev.gameday.core.event.Stamp;
import dev.gameday.core.event.TimelineEvent;
import dev.gameday.core.event.TimelineEvent.Outcome;
import dev.gameday.core.event.TimelineEvent.ProbeSample;
import dev.gameday.core.journal.JournalFormat;
import dev.gameday.core.journal.JournalWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Builds a journal from events placed at seconds after a start instant, and writes it with the
 * real {@link JournalWriter}, in time order (events at the same second keep the order added).
 */
public final class FixtureJournal {
  public static final Instant T0 = Instant.parse("2026-03-03T02:00:00Z");

  private record Placed(double second, int order, TimelineEvent event) {}

  private final List<Placed> events = new ArrayList<>();

  public static Stamp at(double second) {
    return new Stamp(instant(second), (long) (second * 1e9));
  }

  public static Instant instant(double second) {
    return T0.plusNanos(Math.round(second * 1e9));
  }

  public FixtureJournal add(double second, java.util.function.Function<Stamp, TimelineEvent> e) {
    events.add(new Placed(second, events.size(), e.apply(at(second))));
    return this;
  }

  /** Samples of {@code probe} every {@code every} s in [from, to), OK unless {@code failing}. */
  public FixtureJournal samples(String probe, double from, double to, double every,
      Outcome outcome, long latencyMillis) {
    for (double t = from; t < to - 1e-9; t += every) {
      long mono = (long) (t * 1e9);
      int status = outcome == Outcome.OK ? 200 : outcome == Outcome.UNEXPECTED_STATUS ? 503 : 0;
      String reason = outcome == Outcome.OK ? "" : outcome.name().toLowerCase();
      events.add(new Placed(t, events.size(), new ProbeSample(at(t), probe, mono, mono,
          mono + latencyMillis * 1_000_000, status, outcome, reason)));
    }
    return this;
  }

  /**
   * One sample of {@code probe} whose request started at {@code start} s and is journaled at
   * {@code logged} s (when its answer came), as the probes write it.
   */
  public FixtureJournal sampleAt(String probe, double start, double logged, Outcome outcome,
      int status, String reason) {
    Stamp at = at(start);
    long ended = at(logged).mono();
    return add(logged, x -> new ProbeSample(at, probe, at.mono(), at.mono(), ended, status,
        outcome, reason));
  }

  /** A tick of {@code probe} at {@code tick} s that sent no request, for {@code why}. */
  public FixtureJournal missed(String probe, double tick, MissedTick why) {
    Stamp at = at(tick);
    return add(tick, x -> new ProbeSample(at, probe, at.mono(), at.mono(), at.mono(), 0,
        Outcome.MISSED, why.reason()));
  }

  /** Writes {@code dir/journal.jsonl} and returns the run directory. */
  public Path writeTo(Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Placed> sorted = new ArrayList<>(events);
    sorted.sort(Comparator.comparingDouble(Placed::second).thenComparingInt(Placed::order));
    try (JournalWriter w = JournalWriter.create(dir.resolve(JournalFormat.FILE_NAME))) {
      for (Placed p : sorted) {
        w.append(p.event());
      }
    }
    return dir;
  }
}
