package dev.gameday.reports.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gameday.core.model.ReportOptions.Format;
import dev.gameday.reports.ReportWriter;
import dev.gameday.reports.Scenarios;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryTest {
  @TempDir Path root;

  /** A run of {@code experiment} on {@code day} (the fixture's date is moved there). */
  private Path run(String folder, String experiment, double gap, String day) throws IOException {
    Path dir = Scenarios.vmPowerOffWithGap(experiment, gap).writeTo(root.resolve(folder));
    Path journal = dir.resolve("journal.jsonl");
    Files.writeString(journal, Files.readString(journal).replace("2026-03-03T", day + "T"));
    return dir;
  }

  @Test
  void findsTheRunsOfOneExperimentAndSaysWhatChanged() throws IOException {
    run("2026-01/run-a", "shop", 40, "2026-01-06");
    run("2026-02/run-b", "shop", 95, "2026-02-03");
    run("2026-02/other", "billing", 10, "2026-02-03");

    History h = History.load(root, "shop");

    assertThat(h.runs()).hasSize(2);
    assertThat(h.changes()).contains("web-power-off: application gap 40 s → 95 s since last run"
        + " (2026-01-06)");
    assertThat(h.table()).contains("web-power-off").contains("40 s").contains("95 s");
  }

  @Test
  void theHtmlReportDrawsTheTrendWhenPreviousRunsArePassed() throws IOException {
    Path earlier = run("a", "shop", 40, "2026-01-06");
    Path now = run("b", "shop", 95, "2026-02-03");

    new ReportWriter("0.1.0").write(now, Set.of(Format.html, Format.md), List.of(earlier));
    String html = Files.readString(now.resolve("report.html"), StandardCharsets.UTF_8);
    String md = Files.readString(now.resolve("report.md"), StandardCharsets.UTF_8);

    assertThat(html).contains("Compared with earlier runs").contains("<svg class=\"trend\"")
        .contains("application gap 40 s → 95 s");
    assertThat(md).contains("application gap 40 s → 95 s");
  }

  @Test
  void withoutPreviousRunsThereIsNoTrend() throws IOException {
    Path now = run("b", "shop", 95, "2026-02-03");
    new ReportWriter("0.1.0").write(now, Set.of(Format.html));

    assertThat(Files.readString(now.resolve("report.html"), StandardCharsets.UTF_8))
        .doesNotContain("class=\"trend\"");
  }

  @Test
  void aDifferenceTooSmallToShowIsNotAChange() throws IOException {
    run("2026-01/run-a", "shop", 40.0, "2026-01-06");
    run("2026-02/run-b", "shop", 40.2, "2026-02-03");

    History h = History.load(root, "shop");

    assertThat(h.table()).contains("40 s");
    assertThat(h.changes()).noneMatch(c -> c.contains("application gap"));
  }

  @Test
  void readsAnEarlierRunFromItsReportJsonInsteadOfItsJournal() throws IOException {
    Path earlier = run("2026-01/run-a", "shop", 40, "2026-01-06");
    new ReportWriter("0.1.0").write(earlier, Set.of(Format.json));
    // Change the figure in report.json only: history must show the report's 41 s, so it did not
    // analyse the journal (which says 40 s).
    Path report = earlier.resolve("report.json");
    setApplicationGap(report, 41.0);
    run("2026-02/run-b", "shop", 95, "2026-02-03");

    History h = History.load(root, "shop");

    assertThat(h.changes()).contains("web-power-off: application gap 41 s → 95 s since last run"
        + " (2026-01-06)");
  }

  @Test
  void aReportOlderThanItsJournalIsNotTrusted() throws IOException {
    Path earlier = run("2026-01/run-a", "shop", 40, "2026-01-06");
    new ReportWriter("0.1.0").write(earlier, Set.of(Format.json));
    Path report = earlier.resolve("report.json");
    setApplicationGap(report, 41.0);
    // The journal changed after its report (as after a rollback): analyse the journal.
    Files.setLastModifiedTime(report, FileTime.fromMillis(
        Files.getLastModifiedTime(earlier.resolve("journal.jsonl")).toMillis() - 60_000));
    run("2026-02/run-b", "shop", 95, "2026-02-03");

    History h = History.load(root, "shop");

    assertThat(h.changes()).contains("web-power-off: application gap 40 s → 95 s since last run"
        + " (2026-01-06)");
  }

  /** Rewrites the application-gap figure of every step in a report.json. */
  private static void setApplicationGap(Path report, double seconds) throws IOException {
    ObjectMapper json = new ObjectMapper();
    JsonNode root = json.readTree(report.toFile());
    int changed = 0;
    for (JsonNode step : root.path("steps")) {
      for (JsonNode f : step.path("figures")) {
        if (f.path("figure").asText().equals("applicationGap")) {
          ((ObjectNode) f).put("seconds", seconds);
          changed++;
        }
      }
    }
    assertThat(changed).isPositive();
    json.writeValue(report.toFile(), root);
  }
}
