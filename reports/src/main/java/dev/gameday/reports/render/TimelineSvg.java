package dev.gameday.reports.render;

import static dev.gameday.reports.render.Escape.xml;
import static dev.gameday.reports.render.Svg.n;

import dev.gameday.reports.analysis.Durations;
import dev.gameday.reports.analysis.FigureKind;
import dev.gameday.reports.analysis.Moments;
import dev.gameday.reports.analysis.StepResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Draws one fault step as two lanes of inline SVG: Platform (Azure) with the request, effect,
 * revert and restore, and Application (yours) with the first failure and the recovery; the
 * spans between them (fault in force, users seeing errors) as bars and the application gap as a
 * bracket.
 */
final class TimelineSvg {
  private static final int WIDTH = 960;
  private static final int LEFT = 150;
  private static final int RIGHT = 24;
  private static final int PLATFORM_Y = 44;
  private static final int APP_Y = 132;
  private static final int LANE_H = 34;
  private static final int HEIGHT = 236;
  private static final double FONT = 11;

  private record Label(double x, String text, String cls) {}

  String render(StepResult s) {
    Moments m = s.moments();
    boolean open = (m.effective().isPresent() && m.platformRestored().isEmpty())
        || (m.firstFailed().isPresent() && m.applicationRestored().isEmpty());
    List<Instant> all = Stream.of(m.requested(), m.effective(), m.firstFailed(),
        m.revertRequested(), m.platformRestored(), m.applicationRestored(), m.start(),
        open || m.requested().isEmpty() ? m.end() : Optional.<Instant>empty())
        .flatMap(Optional::stream).toList();
    StringBuilder b = new StringBuilder();
    b.append("<svg class=\"timeline\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
        .append(WIDTH).append(' ').append(HEIGHT).append("\" aria-label=\"Timeline of step ")
        .append(xml(s.name())).append("\">\n");
    b.append("<title>Timeline of ").append(xml(s.name())).append("</title>\n");
    lane(b, "lane-platform", PLATFORM_Y, "Platform", "(Azure)");
    lane(b, "lane-application", APP_Y, "Application", "(yours)");
    if (all.isEmpty()) {
      b.append("<text x=\"").append(LEFT + 10).append("\" y=\"").append(HEIGHT / 2)
          .append("\" class=\"muted\">The step did not run.</text>\n</svg>\n");
      return b.toString();
    }
    Instant origin = m.requested().or(m::start).orElse(all.get(0));
    Instant min = all.stream().min(Instant::compareTo).orElseThrow();
    Instant max = all.stream().max(Instant::compareTo).orElseThrow();
    double lo = seconds(origin, min);
    double hi = Math.max(seconds(origin, max), lo + 1);
    double pad = (hi - lo) * 0.04;
    Scale x = new Scale(lo - pad, hi + pad, LEFT + 8, WIDTH - RIGHT);
    axis(b, x);
    Optional<Instant> endOfFault = m.platformRestored().or(m::end);
    if (m.effective().isPresent()) {
      double x0 = x.at(seconds(origin, m.effective().get()));
      double x1 = x.at(seconds(origin, endOfFault.orElse(max)));
      boolean notRestored = m.platformRestored().isEmpty();
      bar(b, x0, x1, PLATFORM_Y, notRestored ? "bar bar-open" : "bar bar-fault",
          notRestored ? "not restored" : "fault in force");
    }
    if (m.firstFailed().isPresent()) {
      double x0 = x.at(seconds(origin, m.firstFailed().get()));
      double x1 = x.at(seconds(origin, m.applicationRestored().orElse(max)));
      boolean notRecovered = m.applicationRestored().isEmpty();
      bar(b, x0, x1, APP_Y, notRecovered ? "bar bar-open" : "bar bar-impact",
          notRecovered ? "not recovered" : "users see errors");
    } else if (s.moments().requested().isPresent()) {
      b.append("<text x=\"").append(n(x.at(0) + 6)).append("\" y=\"").append(APP_Y + LANE_H / 2 + 4)
          .append("\" class=\"ok-text\">no failed probe</text>\n");
    }
    gap(b, s, x, origin);
    List<Label> platform = new ArrayList<>();
    List<Label> app = new ArrayList<>();
    marker(b, platform, x, origin, m.requested(), "requested", "m-runner", PLATFORM_Y);
    marker(b, platform, x, origin, m.effective(), "effective", "m-platform", PLATFORM_Y);
    marker(b, platform, x, origin, m.revertRequested(), "revert requested", "m-runner",
        PLATFORM_Y);
    marker(b, platform, x, origin, m.platformRestored(), "restored", "m-restored", PLATFORM_Y);
    marker(b, app, x, origin, m.firstFailed(), "first failed probe", "m-fail", APP_Y);
    marker(b, app, x, origin, m.applicationRestored(), "application restored", "m-restored",
        APP_Y);
    labels(b, platform, PLATFORM_Y - 6, -1);
    labels(b, app, APP_Y + LANE_H + 14, 1);
    b.append("</svg>\n");
    return b.toString();
  }

  private static double seconds(Instant origin, Instant t) {
    return Duration.between(origin, t).toMillis() / 1000.0;
  }

  private record Scale(double lo, double hi, double x0, double x1) {
    double at(double v) {
      return x0 + (v - lo) / (hi - lo) * (x1 - x0);
    }
  }

  private static void lane(StringBuilder b, String cls, int y, String name, String owner) {
    b.append("<g class=\"").append(cls).append("\">")
        .append("<rect class=\"lane-bg\" x=\"").append(LEFT).append("\" y=\"").append(y)
        .append("\" width=\"").append(WIDTH - LEFT - RIGHT + 8).append("\" height=\"")
        .append(LANE_H).append("\" rx=\"4\"/>")
        .append("<text class=\"lane-name\" x=\"8\" y=\"").append(y + 15).append("\">")
        .append(name).append("</text>")
        .append("<text class=\"lane-owner\" x=\"8\" y=\"").append(y + 29).append("\">")
        .append(owner).append("</text></g>\n");
  }

  private static void axis(StringBuilder b, Scale x) {
    double step = Svg.timeStep(x.hi() - x.lo(), 8);
    int y = HEIGHT - 16;
    b.append("<g class=\"axis\">");
    for (double t = Math.ceil(x.lo() / step) * step; t <= x.hi(); t += step) {
      double px = x.at(t);
      b.append("<line x1=\"").append(n(px)).append("\" x2=\"").append(n(px))
          .append("\" y1=\"").append(PLATFORM_Y - 2).append("\" y2=\"").append(y - 10)
          .append("\" class=\"grid\"/>");
      b.append("<text x=\"").append(n(px)).append("\" y=\"").append(y)
          .append("\" text-anchor=\"middle\">").append(xml(Svg.timeLabel(t, true)))
          .append("</text>");
    }
    b.append("<text x=\"8\" y=\"").append(y).append("\" class=\"muted\">since request</text>");
    b.append("</g>\n");
  }

  private static void bar(StringBuilder b, double x0, double x1, int y, String cls, String text) {
    double w = Math.max(2, x1 - x0);
    b.append("<rect class=\"").append(cls).append("\" x=\"").append(n(x0)).append("\" y=\"")
        .append(y + 8).append("\" width=\"").append(n(w)).append("\" height=\"")
        .append(LANE_H - 16).append("\" rx=\"3\"/>");
    if (w > Svg.textWidth(text, FONT) + 8) {
      b.append("<text class=\"bar-text\" x=\"").append(n(x0 + w / 2)).append("\" y=\"")
          .append(y + LANE_H / 2 + 4).append("\" text-anchor=\"middle\">").append(xml(text))
          .append("</text>");
    }
    b.append('\n');
  }

  private static void gap(StringBuilder b, StepResult s, Scale x, Instant origin) {
    Optional<Duration> gap = s.value(FigureKind.APPLICATION_GAP);
    Moments m = s.moments();
    if (gap.isEmpty() || m.platformRestored().isEmpty() || m.applicationRestored().isEmpty()) {
      return;
    }
    double xp = x.at(seconds(origin, m.platformRestored().get()));
    double xa = x.at(seconds(origin, m.applicationRestored().get()));
    double y = (PLATFORM_Y + LANE_H + APP_Y) / 2.0;
    String cls = gap.get().isNegative() ? "gap gap-ahead" : "gap";
    b.append("<g class=\"").append(cls).append("\">")
        .append("<line x1=\"").append(n(xp)).append("\" x2=\"").append(n(xp)).append("\" y1=\"")
        .append(PLATFORM_Y + LANE_H).append("\" y2=\"").append(APP_Y).append("\"/>")
        .append("<line x1=\"").append(n(xa)).append("\" x2=\"").append(n(xa)).append("\" y1=\"")
        .append(PLATFORM_Y + LANE_H).append("\" y2=\"").append(APP_Y).append("\"/>")
        .append("<line x1=\"").append(n(xp)).append("\" x2=\"").append(n(xa)).append("\" y1=\"")
        .append(n(y)).append("\" y2=\"").append(n(y)).append("\" class=\"gap-bracket\"/>");
    String text = "application gap " + Durations.human(gap.get());
    double mid = (xp + xa) / 2;
    double w = Svg.textWidth(text, 12) + 10;
    double tx = Math.max(LEFT + w / 2, Math.min(WIDTH - RIGHT - w / 2, mid));
    b.append("<rect class=\"gap-label-bg\" x=\"").append(n(tx - w / 2)).append("\" y=\"")
        .append(n(y - 10)).append("\" width=\"").append(n(w)).append("\" height=\"18\" rx=\"9\"/>")
        .append("<text class=\"gap-label\" x=\"").append(n(tx)).append("\" y=\"").append(n(y + 3))
        .append("\" text-anchor=\"middle\">").append(xml(text)).append("</text></g>\n");
  }

  private static void marker(StringBuilder b, List<Label> labels, Scale x, Instant origin,
      Optional<Instant> at, String text, String cls, int laneY) {
    if (at.isEmpty()) {
      return;
    }
    double px = x.at(seconds(origin, at.get()));
    double cy = laneY + LANE_H / 2.0;
    b.append("<g class=\"marker ").append(cls).append("\"><title>").append(xml(text))
        .append(" at ").append(xml(at.get().toString())).append("</title>")
        .append("<line x1=\"").append(n(px)).append("\" x2=\"").append(n(px)).append("\" y1=\"")
        .append(laneY).append("\" y2=\"").append(laneY + LANE_H).append("\"/>")
        .append("<path d=\"M").append(n(px)).append(' ').append(n(cy - 6)).append(" l6 6 l-6 6 l-6 -6 z\"/>")
        .append("</g>\n");
    labels.add(new Label(px, text + " " + Svg.timeLabel(seconds(origin, at.get()), true),
        cls));
  }

  /** Places labels in rows so they do not overlap; {@code dir} -1 stacks upward, 1 downward. */
  private static void labels(StringBuilder b, List<Label> labels, int baseY, int dir) {
    List<Double> rowEnds = new ArrayList<>();
    List<Label> sorted = new ArrayList<>(labels);
    sorted.sort((p, q) -> Double.compare(p.x(), q.x()));
    for (Label l : sorted) {
      double w = Svg.textWidth(l.text(), FONT);
      double start = Math.max(LEFT, Math.min(WIDTH - RIGHT - w, l.x() - w / 2));
      int row = 0;
      while (row < rowEnds.size() && rowEnds.get(row) > start - 6) {
        row++;
      }
      if (row == rowEnds.size()) {
        rowEnds.add(0.0);
      }
      rowEnds.set(row, start + w);
      double y = baseY + dir * row * 13;
      b.append("<text class=\"mlabel ").append(l.cls()).append("\" x=\"").append(n(start))
          .append("\" y=\"").append(n(y)).append("\">").append(xml(l.text())).append("</text>\n");
    }
  }
}
