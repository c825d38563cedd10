package dev.gameday.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.core.event.Phase;
import dev.gameday.core.event.RunOutcome;
import dev.gameday.core.event.TimelineEvent.FaultEffective;
import dev.gameday.core.event.TimelineEvent.FaultRequested;
import dev.gameday.core.event.TimelineEvent.Outcome;
import dev.gameday.core.event.TimelineEvent.PhaseStarted;
import dev.gameday.core.event.TimelineEvent.PlannedStep;
import dev.gameday.core.event.TimelineEvent.RunFinished;
import dev.gameday.core.model.ReportOptions.Format;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Journal text is shown, never run, and the page needs nothing from outside. */
class HtmlSafetyTest {
  private static final String EVIL = "<script>alert('x')</script><img src=x onerror=alert(1)>\"'&";

  @TempDir Path dir;

  private Path hostileRun() throws IOException {
    FixtureJournal j = Scenarios.standardStart(EVIL, List.of(new PlannedStep(EVIL, "vm.powerOff",
        Duration.ofMinutes(1), Optional.empty(), EVIL)))
        .add(60, at -> new FaultRequested(at, EVIL, "vm.powerOff", List.of(EVIL), EVIL))
        .add(61, at -> new FaultEffective(at, EVIL, EVIL, EVIL))
        .samples(EVIL, 1, 200, 1, Outcome.CONNECTION_REFUSED, 3)
        .add(150, at -> new PhaseStarted(at, Phase.VERIFY, Optional.empty()))
        .add(200, at -> new RunFinished(at, RunOutcome.ABORTED, 4, EVIL));
    return j.writeTo(dir.resolve("run"));
  }

  @Test
  void escapesEveryStringFromTheJournal() throws IOException {
    Path run = hostileRun();
    new ReportWriter("0.1.0").write(run, Set.of(Format.html, Format.md, Format.junit));
    String html = Files.readString(run.resolve("report.html"), StandardCharsets.UTF_8);
    String md = Files.readString(run.resolve("report.md"), StandardCharsets.UTF_8);

    assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<img")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    assertThat(md.replace("<sub>", "").replace("</sub>", "")).as("every < from the journal is escaped")
        .doesNotContainPattern("(?<!\\\\)<")
        .contains("\\<script\\>alert('x')\\</script\\>").doesNotContain("&#39;");
    assertThat(html).contains("Content-Security-Policy").contains("default-src 'none'");
  }

  @Test
  void isOneFileWithNothingFetchedFromOutside() throws IOException {
    Path run = Scenarios.vmPowerOffWithGap("shop", 95).writeTo(dir.resolve("run"));
    new ReportWriter("0.1.0").write(run, Set.of(Format.html));
    String html = Files.readString(run.resolve("report.html"), StandardCharsets.UTF_8);

    assertThat(html).doesNotContain("<script").doesNotContain("<link")
        .doesNotContain("src=\"http").doesNotContain("url(http").doesNotContain("@import");
    assertThat(html).contains("class=\"lane-platform\"").contains("class=\"lane-application\"")
        .contains("application gap 95 s").contains("@media print");
  }
}
