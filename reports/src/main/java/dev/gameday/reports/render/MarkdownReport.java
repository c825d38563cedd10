package dev.gameday.reports.render;

import static dev.gameday.reports.render.Escape.markdown;

import dev.gameday.reports.analysis.Analysis;
import dev.gameday.reports.analysis.Durations;
import dev.gameday.reports.analysis.FigureKind;
import dev.gameday.reports.analysis.Finding;
import dev.gameday.reports.analysis.Measure;
import dev.gameday.reports.analysis.ObjectiveResult;
import dev.gameday.reports.analysis.Severity;
import dev.gameday.reports.analysis.StepResult;
import dev.gameday.reports.history.History;
import java.util.Optional;

/**
 * Renders report.md: a compact summary for a pull-request comment or
 * {@code $GITHUB_STEP_SUMMARY}: verdict, objectives, one line per step, findings.
 */
public final class MarkdownReport {

  public String render(Analysis a, Optional<History> history) {
    StringBuilder b = new StringBuilder();
    String name = a.run().experimentName().isEmpty() ? "unknown experiment"
        : a.run().experimentName();
    b.append("## ").append(Labels.verdictIcon(a.overallVerdict())).append(" Gameday: ")
        .append(markdown(name)).append(" — ").append(a.overallVerdict()).append("\n\n");
    b.append("**").append(a.overallVerdict()).append("**: ").append(markdown(a.verdictReason()))
        .append("\n\n");
    for (String p : a.problems()) {
      b.append("> ⚠️ ").append(markdown(p)).append("\n");
    }
    if (!a.problems().isEmpty()) {
      b.append('\n');
    }
    b.append("Run ").append(markdown(a.run().runId()));
    a.run().started().ifPresent(s -> b.append(" · started ").append(s));
    a.run().finished().ifPresent(s -> b.append(" · finished ").append(s));
    if (!a.run().operator().isEmpty()) {
      b.append(" · operator ").append(markdown(Labels.operator(a.run().operator())));
    }
    b.append("\n\n");
    if (!a.objectives().isEmpty()) {
      b.append("| Objective | Limit | Worst measured | Owner | Result |\n");
      b.append("|---|---|---|---|---|\n");
      for (ObjectiveResult o : a.objectives()) {
        b.append("| ").append(o.kind().key()).append(" (").append(o.kind().measures())
            .append(") | ").append(o.limit().human(o.level())).append(" | ")
            .append(Labels.worst(o).map(m -> m.human(o.level())).orElse("n/a")).append(" | ")
            .append(o.owner().label()).append(" | ").append(Labels.statusIcon(o.status()))
            .append(' ').append(o.status()).append(" |\n");
      }
      b.append('\n');
    }
    if (!a.steps().isEmpty()) {
      b.append("| Step | Time to effect (Azure) | Time to impact (app) | Platform recovery "
          + "(Azure) | **App gap** (app) | Outage (shared) | Errors during |\n");
      b.append("|---|---|---|---|---|---|---|\n");
      for (StepResult s : a.steps()) {
        b.append("| ").append(markdown(s.name())).append(" `").append(s.kind().replace("`", ""))
            .append("` | ").append(cell(s, FigureKind.TIME_TO_EFFECT)).append(" | ")
            .append(cell(s, FigureKind.TIME_TO_IMPACT)).append(" | ")
            .append(cell(s, FigureKind.PLATFORM_RECOVERY)).append(" | **")
            .append(cell(s, FigureKind.APPLICATION_GAP)).append("** | ")
            .append(cell(s, FigureKind.USER_VISIBLE_OUTAGE)).append(" | ")
            .append(s.during().overall().errorRatio().map(r -> new Measure.Ratio(r).human())
                .orElse("–")).append(" |\n");
      }
      b.append('\n');
    }
    if (!a.findings().isEmpty()) {
      b.append("### Findings\n\n");
      for (Finding f : a.findings()) {
        b.append("- ").append(f.severity() == Severity.PROBLEM ? "❌" : f.severity()
            == Severity.WARNING ? "⚠️" : "ℹ️").append(" **").append(markdown(f.title()))
            .append("** (").append(f.owner().label())
            .append(f.step().map(s -> ", " + markdown(s)).orElse("")).append(") — ")
            .append(markdown(f.text()));
        f.advice().ifPresent(ad -> b.append(" _").append(markdown(ad)).append("_"));
        f.command().ifPresent(c -> b.append(" Run: ").append(Escape.markdownCode(c)));
        b.append('\n');
      }
      b.append('\n');
    }
    history.filter(h -> h.runs().size() > 1).ifPresent(h -> {
      b.append("### Since earlier runs\n\n```\n").append(h.table().replace("```", "'''"))
          .append("```\n\n");
      h.changes().forEach(c -> b.append("- ").append(markdown(c)).append('\n'));
      b.append('\n');
    });
    b.append("<sub>Gameday recovery-gap report · full details in report.html</sub>\n");
    return b.toString();
  }

  private static String cell(StepResult s, FigureKind kind) {
    return s.figure(kind).map(f -> f.value().map(Durations::human).orElse("n/a"))
        .orElse("–");
  }
}
