package dev.gameday.reports.render;

import static dev.gameday.reports.render.Escape.xml;
import static dev.gameday.reports.render.Svg.n;

import dev.gameday.reports.history.History;
import dev.gameday.reports.history.RunSummary;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Draws the application gap (solid) and platform recovery (dashed) of each step across runs as
 * inline SVG: one point per run, oldest left.
 */
final class TrendSvg {
  private static final int WIDTH = 960;
  private static final int HEIGHT = 240;
  private static final int LEFT = 64;
  private static final int RIGHT = 180;
  private static final int TOP = 20;
  private static final int PLOT_H = 170;
  private static final String[] COLORS = {"#2563eb", "#c2410c", "#15803d", "#7c3aed",
      "#be185d", "#0e7490"};

  String render(History h) {
    List<RunSummary> runs = h.runs();
    List<String> steps = h.stepNames();
    double max = 1;
    for (RunSummary r : runs) {
      for (RunSummary.StepPoint p : r.steps()) {
        max = Math.max(max, sec(p.applicationGap()).orElse(0.0));
        max = Math.max(max, sec(p.platformRecovery()).orElse(0.0));
      }
    }
    double step = Svg.tickStep(max, 4);
    double top = Math.ceil(max / step) * step;
    StringBuilder b = new StringBuilder();
    b.append("<svg class=\"trend\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
        .append(WIDTH).append(' ').append(HEIGHT)
        .append("\" aria-label=\"Application gap and platform recovery across runs\">\n")
        .append("<title>Application gap and platform recovery across runs</title>\n");
    for (double v = 0; v <= top + 1e-9; v += step) {
      double y = y(v, top);
      b.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"")
          .append(WIDTH - RIGHT).append("\" y1=\"").append(n(y)).append("\" y2=\"").append(n(y))
          .append("\"/><text class=\"tick\" x=\"").append(LEFT - 6).append("\" y=\"")
          .append(n(y + 4)).append("\" text-anchor=\"end\">").append(xml(Svg.timeLabel(v, false)))
          .append("</text>\n");
    }
    for (int i = 0; i < runs.size(); i++) {
      String label = runs.get(i).started().map(s -> s.toString().substring(0, 10)).orElse("?");
      b.append("<text class=\"tick\" x=\"").append(n(x(i, runs.size()))).append("\" y=\"")
          .append(TOP + PLOT_H + 18).append("\" text-anchor=\"middle\">").append(xml(label))
          .append("</text>");
    }
    b.append('\n');
    for (int si = 0; si < steps.size(); si++) {
      String color = COLORS[si % COLORS.length];
      String name = steps.get(si);
      line(b, runs, name, top, color, false);
      line(b, runs, name, top, color, true);
      int ly = TOP + 8 + si * 20;
      b.append("<g class=\"trend-legend\"><line x1=\"").append(WIDTH - RIGHT + 16)
          .append("\" x2=\"").append(WIDTH - RIGHT + 36).append("\" y1=\"").append(ly)
          .append("\" y2=\"").append(ly).append("\" stroke=\"").append(color)
          .append("\" stroke-width=\"2.5\"/><text class=\"tick\" x=\"").append(WIDTH - RIGHT + 42)
          .append("\" y=\"").append(ly + 4).append("\">").append(xml(clip(name)))
          .append("</text></g>\n");
    }
    b.append("<text class=\"tick\" x=\"").append(LEFT).append("\" y=\"").append(HEIGHT - 4)
        .append("\">solid: application gap (negative drawn at 0) · dashed: platform recovery · one point per run"
            + "</text>\n</svg>\n");
    return b.toString();
  }

  private static void line(StringBuilder b, List<RunSummary> runs, String step, double top,
      String color, boolean platform) {
    StringBuilder d = new StringBuilder();
    StringBuilder dots = new StringBuilder();
    for (int i = 0; i < runs.size(); i++) {
      Optional<RunSummary.StepPoint> p = runs.get(i).step(step);
      Optional<Double> v = p.flatMap(q -> sec(platform ? q.platformRecovery()
          : q.applicationGap()));
      if (v.isEmpty()) {
        continue;
      }
      double x = x(i, runs.size());
      double y = y(Math.max(0, v.get()), top);
      d.append(d.isEmpty() ? "M" : " L").append(n(x)).append(' ').append(n(y));
      dots.append("<circle cx=\"").append(n(x)).append("\" cy=\"").append(n(y))
          .append("\" r=\"3.5\" fill=\"").append(color).append("\"><title>")
          .append(xml(step)).append(platform ? " platform recovery " : " application gap ")
          .append(xml(Svg.timeLabel(v.get(), false))).append("</title></circle>");
    }
    if (!d.isEmpty()) {
      b.append("<path fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"2.5\"")
          .append(platform ? " stroke-dasharray=\"6 4\" opacity=\"0.7\"" : "").append(" d=\"")
          .append(d).append("\"/>").append(dots).append('\n');
    }
  }

  private static Optional<Double> sec(Optional<Duration> d) {
    return d.map(v -> v.toMillis() / 1000.0);
  }

  private static double x(int i, int n) {
    double w = WIDTH - LEFT - RIGHT - 40;
    return LEFT + 20 + (n <= 1 ? w / 2 : i * w / (n - 1));
  }

  private static double y(double v, double top) {
    return TOP + PLOT_H - v / top * PLOT_H;
  }

  private static String clip(String s) {
    return s.length() <= 22 ? s : s.substring(0, 21) + "…";
  }
}
