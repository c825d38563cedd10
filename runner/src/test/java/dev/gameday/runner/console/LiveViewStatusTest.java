package dev.gameday.runner.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.core.event.Phase;
import dev.gameday.core.event.Stamp;
import dev.gameday.core.event.TimelineEvent;
import dev.gameday.core.event.TimelineEvent.SteadyStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.gameday.core.load.ExperimentLoader;
import dev.gameday.core.load.LoadResult;
import dev.gameday.core.model.Experiment;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The live view's status line: "starting…" at once, never wider than the terminal. */
class LiveViewStatusTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private final Map<String, Double> ratios = new LinkedHashMap<>();

  private LiveView view(int columns) {
    ratios.put("storefront-homepage", 1.0);
    ratios.put("checkout-api", 0.5);
    ratios.put("search", 0.97);
    return new LiveView(new PrintStream(new ByteArrayOutputStream()),
        experiment(), () -> ratios, () -> columns);
  }

  private static Experiment experiment() {
    Path here = Path.of("").toAbsolutePath();
    Path repo = Files.isDirectory(here.resolve("experiments")) ? here : here.getParent();
    return ((LoadResult.Loaded) new ExperimentLoader(Map.<String, String>of()::get)
        .load(repo.resolve("experiments/sandbox/vm-poweroff.yaml"))).experiment();
  }

  @Test
  void itSaysStartingBeforeTheFirstPhase() {
    try (LiveView v = view(80)) {
      assertThat(v.status(NOW, 80)).isEqualTo("starting\u2026");
    }
  }

  @Test
  void atEightyColumnsThreeProbesFitOneByOne() {
    try (LiveView v = view(80)) {
      v.on(new TimelineEvent.PhaseStarted(new Stamp(NOW, 0), Phase.BASELINE, Optional.empty()));
      String line = v.status(NOW, 80);
      assertThat(line).hasSizeLessThan(80)
          .isEqualTo("BASELINE | checkout-api ok 50% | search ok 97% | storefront-homepage ok 100%");
    }
  }

  @Test
  void duringTheWarmUpItSaysNothingIsRecordedInsteadOfShowingRatios() {
    try (LiveView v = view(80)) {
      v.on(new TimelineEvent.PhaseStarted(new Stamp(NOW, 0), Phase.WARMUP, Optional.empty()));
      assertThat(v.status(NOW, 80)).isEqualTo("WARMUP | probes warming up, nothing recorded yet");
      v.on(new TimelineEvent.PhaseStarted(new Stamp(NOW, 0), Phase.BASELINE, Optional.empty()));
      assertThat(v.status(NOW, 80)).startsWith("BASELINE | checkout-api ok 50%");
    }
  }

  @Test
  void atFiftyColumnsTheProbesBecomeOneGroup() {
    try (LiveView v = view(50)) {
      v.on(new TimelineEvent.PhaseStarted(new Stamp(NOW, 0), Phase.BASELINE, Optional.empty()));
      v.on(new TimelineEvent.SteadyStateChanged(new Stamp(NOW, 0), "checkout-api",
          SteadyStatus.BREACHED, NOW, NOW, "3 failures"));
      assertThat(v.status(NOW, 50)).hasSizeLessThan(50)
          .isEqualTo("BASELINE | 3 probes: 2 ok, 1 BREACHED");
    }
  }

  @Test
  void whatStillDoesNotFitIsCut() {
    assertThat(LiveView.fit("HOLD a-very-long-step-name-indeed 4m 59s left", 20))
        .hasSize(20).endsWith("\u2026");
  }

  @Test
  void sttySizeGivesTheColumnsOrTheFallback() {
    assertThat(TerminalWidth.parse("24 132\n")).isEqualTo(132);
    assertThat(TerminalWidth.parse("")).isEqualTo(TerminalWidth.FALLBACK);
    assertThat(TerminalWidth.parse("0 0")).isEqualTo(TerminalWidth.FALLBACK);
  }
}
