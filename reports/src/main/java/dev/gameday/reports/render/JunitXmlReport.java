package dev.gameday.reports.render;

import static dev.gameday.reports.render.Escape.xml;

import dev.gameday.reports.analysis.Analysis;
import dev.gameday.reports.analysis.CheckStatus;
import dev.gameday.reports.analysis.Durations;
import dev.gameday.reports.analysis.FigureKind;
import dev.gameday.reports.analysis.Finding;
import dev.gameday.reports.analysis.ObjectiveCheck;
import dev.gameday.reports.analysis.ObjectiveResult;
import dev.gameday.reports.analysis.Severity;
import dev.gameday.reports.analysis.StepResult;
import dev.gameday.reports.analysis.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Renders junit.xml in the shape Jenkins, GitHub and Azure DevOps read (valid against the schema
 * the Jenkins xUnit plugin validates with, {@code junit-10.xsd}; see {@code JunitSchemaTest}): one
 * {@code testsuite} per run, a {@code testcase} per objective and per fault step, and one for
 * the run itself. A missed objective or a step with a problem is a {@code failure} carrying the
 * finding; a run the journal cannot vouch for is an {@code error}; an objective that could not be
 * measured is {@code skipped}.
 */
public final class JunitXmlReport {

  private record Case(String classname, String name, double seconds, String kind,
      String message, String type, String body) {}

  public String render(Analysis a) {
    String suite = "gameday." + (a.run().experimentName().isEmpty() ? "unknown"
        : a.run().experimentName());
    List<Case> cases = new ArrayList<>();
    cases.add(runCase(suite, a));
    for (ObjectiveResult o : a.objectives()) {
      cases.add(objectiveCase(suite, o));
    }
    for (StepResult s : a.steps()) {
      cases.add(stepCase(suite, s, a.findings()));
    }
    long failures = cases.stream().filter(c -> c.kind().equals("failure")).count();
    long errors = cases.stream().filter(c -> c.kind().equals("error")).count();
    long skipped = cases.stream().filter(c -> c.kind().equals("skipped")).count();
    double total = a.run().started().flatMap(s -> a.run().finished()
        .map(f -> Durations.seconds(Duration.between(s, f)))).orElse(0.0);
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    // <testsuites> carries no skipped count: the Jenkins xUnit schema (junit-10.xsd) refuses it.
    b.append("<testsuites name=\"gameday\" tests=\"").append(cases.size())
        .append("\" failures=\"").append(failures).append("\" errors=\"").append(errors)
        .append("\" time=\"").append(num(total)).append("\">\n");
    b.append("  <testsuite name=\"").append(xml(suite)).append("\" tests=\"").append(cases.size())
        .append("\" failures=\"").append(failures).append("\" errors=\"").append(errors)
        .append("\" skipped=\"").append(skipped).append("\" time=\"").append(num(total))
        .append('"');
    a.run().started().ifPresent(s -> b.append(" timestamp=\"")
        .append(s.toString().replaceAll("\\.\\d+Z$", "Z").replace("Z", "")).append('"'));
    b.append(">\n");
    b.append("    <properties>\n");
    property(b, "runId", a.run().runId());
    property(b, "verdict", a.overallVerdict().name());
    property(b, "verdictReason", a.verdictReason());
    property(b, "experimentFile", a.run().experimentFile());
    b.append("    </properties>\n");
    for (Case c : cases) {
      b.append("    <testcase classname=\"").append(xml(c.classname())).append("\" name=\"")
          .append(xml(c.name())).append("\" time=\"").append(num(c.seconds())).append('"');
      if (c.kind().equals("pass")) {
        b.append("/>\n");
        continue;
      }
      b.append(">\n      <").append(c.kind()).append(" message=\"").append(xml(c.message()))
          .append('"');
      if (!c.type().isEmpty()) {
        b.append(" type=\"").append(xml(c.type())).append('"');
      }
      if (c.body().isEmpty()) {
        b.append("/>\n");
      } else {
        b.append('>').append(xml(c.body())).append("</").append(c.kind()).append(">\n");
      }
      b.append("    </testcase>\n");
    }
    b.append("  </testsuite>\n</testsuites>\n");
    return b.toString();
  }

  private static Case runCase(String suite, Analysis a) {
    Verdict v = a.overallVerdict();
    String body = String.join("\n", a.problems());
    return switch (v) {
      case PASSED, OBJECTIVES_MISSED -> a.problems().isEmpty()
          ? new Case(suite + ".run", "run completed", 0, "pass", "", "", "")
          : new Case(suite + ".run", "run completed", 0, "error", a.problems().get(0),
              "RunIncomplete", body);
      case NOT_STARTED, ABORTED, INCOMPLETE -> new Case(suite + ".run", "run completed", 0,
          "error", v + ": " + a.verdictReason(), runType(v), body);
      case REVERT_INCOMPLETE -> new Case(suite + ".run", "run completed", 0, "failure",
          v + ": " + a.verdictReason(), "RevertIncomplete", body);
    };
  }

  private static String runType(Verdict v) {
    return switch (v) {
      case NOT_STARTED -> "RunNotStarted";
      case ABORTED -> "RunAborted";
      default -> "RunIncomplete";
    };
  }

  private static Case objectiveCase(String suite, ObjectiveResult o) {
    String name = o.kind().key() + " <= " + o.limit().human(o.limit().exactLevel()) + " ("
        + o.kind().measures() + ")";
    String details = o.checks().stream().map(c -> c.step() + ": " + c.measured()
        .map(m -> m.human(o.level())).orElse("n/a") + " " + c.status() + " (" + c.note() + ")")
        .collect(Collectors.joining("\n"));
    return switch (o.status()) {
      case MET -> new Case(suite + ".objectives", name, 0, "pass", "", "", "");
      case NOT_MEASURED -> new Case(suite + ".objectives", name, 0, "skipped",
          "not measured: " + details.replace('\n', ';'), "", "");
      case MISSED -> {
        String worst = o.checks().stream().filter(c -> c.status() == CheckStatus.MISSED)
            .map(c -> missed(c, o)).collect(Collectors.joining("; "));
        yield new Case(suite + ".objectives", name, 0, "failure",
            o.kind().key() + " missed (owner: " + o.owner().label() + "): " + worst,
            "ObjectiveMissed", details);
      }
    };
  }

  private static String missed(ObjectiveCheck c, ObjectiveResult o) {
    return c.step() + " " + c.measured().map(m -> m.human(o.level()) + " against "
        + o.limit().human(o.level())).orElse(c.note());
  }

  private static Case stepCase(String suite, StepResult s, List<Finding> findings) {
    double seconds = s.value(FigureKind.USER_VISIBLE_OUTAGE).map(Durations::seconds).orElse(0.0);
    List<Finding> problems = findings.stream()
        .filter(f -> f.step().map(s.name()::equals).orElse(false))
        .filter(f -> f.severity() == Severity.PROBLEM).toList();
    if (s.moments().start().isEmpty()) {
      return new Case(suite + ".steps", s.name(), 0, "skipped", "the step did not run", "", "");
    }
    if (problems.isEmpty()) {
      return new Case(suite + ".steps", s.name(), seconds, "pass", "", "", "");
    }
    String body = problems.stream().map(f -> f.title() + ": " + f.text()
        + f.advice().map(ad -> "\n  " + ad).orElse("")
        + f.command().map(c -> "\n  Run: " + c).orElse("")).collect(Collectors.joining("\n"));
    return new Case(suite + ".steps", s.name(), seconds, "failure",
        problems.get(0).text(), problems.get(0).code(), body);
  }

  private static void property(StringBuilder b, String name, String value) {
    b.append("      <property name=\"").append(xml(name)).append("\" value=\"").append(xml(value))
        .append("\"/>\n");
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }
}
