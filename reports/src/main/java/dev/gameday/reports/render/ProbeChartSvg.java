package dev.gameday.reports.render;

import static dev.gameday.reports.render.Escape.xml;
import static dev.gameday.reports.render.Svg.n;

import dev.gameday.reports.analysis.Analysis;
import dev.gameday.reports.analysis.Moments;
import dev.gameday.reports.analysis.Series;
import dev.gameday.reports.analysis.SeriesPoint;
import dev.gameday.reports.analysis.StepResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Draws probe success ratio and latency over the whole run as inline SVG, with the periods in
 * which each fault was in force shaded and named.
 */
final class ProbeChartSvg {
  private static final int WIDTH = 960;
  private static final int LEFT = 64;
  private static final int RIGHT = 20;
  private static final int TOP = 26;
  private static final int RATIO_H = 120;
  private static final int GAP = 34;
  private static final int LAT_H = 110;
  private static final int HEIGHT = TOP + RATIO_H + GAP + LAT_H + 40;

  String render(Analysis a) {
    Series s = a.series();
    List<SeriesPoint> pts = s.points();
    StringBuilder b = new StringBuilder();
    b.append("<svg class=\"chart\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
        .append(WIDTH).append(' ').append(HEIGHT)
        .append("\" aria-label=\"Probe success ratio and latency over the run\">\n")
        .append("<title>Probe success ratio and latency over the run</title>\n");
    if (pts.isEmpty()) {
      b.append("<text x=\"").append(LEFT).append("\" y=\"60\" class=\"muted\">")
          .append("No probe samples in the journal.</text>\n</svg>\n");
      return b.toString();
    }
    double end = pts.get(pts.size() - 1).offsetSeconds() + s.bucketSeconds();
    for (StepResult st : a.steps()) {
      Optional<Instant> e = st.moments().end().or(() -> st.moments().platformRestored());
      if (e.isPresent()) {
        end = Math.max(end, offset(s.origin(), e.get()));
      }
    }
    double span = Math.max(1, end);
    int ratioTop = TOP;
    int latTop = TOP + RATIO_H + GAP;
    panel(b, ratioTop, RATIO_H, "probe success ratio");
    panel(b, latTop, LAT_H, "latency (ms)");
    shading(b, a, s.origin(), span, ratioTop, latTop + LAT_H);
    for (int p = 0; p <= 100; p += 25) {
      double y = ratioTop + RATIO_H - p / 100.0 * RATIO_H;
      b.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"")
          .append(WIDTH - RIGHT).append("\" y1=\"").append(n(y)).append("\" y2=\"").append(n(y))
          .append("\"/><text class=\"tick\" x=\"").append(LEFT - 6).append("\" y=\"")
          .append(n(y + 4)).append("\" text-anchor=\"end\">").append(p).append(" %</text>\n");
    }
    double latMax = latencyScale(pts);
    double latStep = Svg.tickStep(latMax, 4);
    for (double v = 0; v <= latMax + 1e-9; v += latStep) {
      double y = latTop + LAT_H - v / latMax * LAT_H;
      b.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"")
          .append(WIDTH - RIGHT).append("\" y1=\"").append(n(y)).append("\" y2=\"").append(n(y))
          .append("\"/><text class=\"tick\" x=\"").append(LEFT - 6).append("\" y=\"")
          .append(n(y + 4)).append("\" text-anchor=\"end\">").append(n(v)).append("</text>\n");
    }
    StringBuilder ratio = new StringBuilder();
    StringBuilder mean = new StringBuilder();
    StringBuilder max = new StringBuilder();
    for (SeriesPoint p : pts) {
      double x = x(p.offsetSeconds() + s.bucketSeconds() / 2.0, span);
      ratio.append(ratio.isEmpty() ? "M" : " L").append(n(x)).append(' ')
          .append(n(ratioTop + RATIO_H - p.successRatio() * RATIO_H));
      mean.append(mean.isEmpty() ? "M" : " L").append(n(x)).append(' ')
          .append(n(latTop + LAT_H - Math.min(1, p.meanLatencyMs() / latMax) * LAT_H));
      max.append(max.isEmpty() ? "M" : " L").append(n(x)).append(' ')
          .append(n(latTop + LAT_H - Math.min(1, p.maxLatencyMs() / latMax) * LAT_H));
    }
    b.append("<path class=\"line-max\" d=\"").append(max).append("\"/>\n");
    b.append("<path class=\"line-ratio\" d=\"").append(ratio).append("\"/>\n");
    b.append("<path class=\"line-mean\" d=\"").append(mean).append("\"/>\n");
    double step = Svg.timeStep(span, 10);
    int axisY = latTop + LAT_H + 18;
    for (double t = 0; t <= span + 1e-9; t += step) {
      b.append("<text class=\"tick\" x=\"").append(n(x(t, span))).append("\" y=\"")
          .append(axisY).append("\" text-anchor=\"middle\">").append(xml(Svg.timeLabel(t, false)))
          .append("</text>");
    }
    b.append("\n<text class=\"tick\" x=\"").append(LEFT).append("\" y=\"").append(axisY + 18)
        .append("\">time since the run started · bucket ").append(s.bucketSeconds())
        .append(" s</text>");
    legend(b, WIDTH - RIGHT, axisY + 18);
    b.append("</svg>\n");
    return b.toString();
  }

  private static double latencyScale(List<SeriesPoint> pts) {
    double[] maxes = pts.stream().mapToDouble(SeriesPoint::maxLatencyMs).sorted().toArray();
    double meanMax = pts.stream().mapToDouble(SeriesPoint::meanLatencyMs).max().orElse(1);
    double q = maxes[(int) Math.floor((maxes.length - 1) * 0.98)];
    double top = Math.max(Math.max(q, meanMax * 1.2), 1);
    double step = Svg.tickStep(top, 4);
    return Math.ceil(top / step) * step;
  }

  private static double offset(Instant origin, Instant t) {
    return Duration.between(origin, t).toMillis() / 1000.0;
  }

  private static double x(double seconds, double span) {
    return LEFT + Math.max(0, Math.min(1, seconds / span)) * (WIDTH - LEFT - RIGHT);
  }

  private static void shading(StringBuilder b, Analysis a, Instant origin, double span, int top,
      int bottom) {
    for (StepResult st : a.steps()) {
      Moments m = st.moments();
      Optional<Instant> from = m.requested().or(m::start);
      Optional<Instant> to = m.platformRestored().or(m::end);
      if (from.isEmpty() || to.isEmpty()) {
        continue;
      }
      double x0 = x(offset(origin, from.get()), span);
      double x1 = x(offset(origin, to.get()), span);
      b.append("<g class=\"fault-period").append(st.platformSide() ? "" : " pause")
          .append("\"><title>").append(xml(st.name())).append(": ").append(xml(from.get()
              .toString())).append(" – ").append(xml(to.get().toString())).append("</title>")
          .append("<rect x=\"").append(n(x0)).append("\" y=\"").append(top).append("\" width=\"")
          .append(n(Math.max(1.5, x1 - x0))).append("\" height=\"").append(bottom - top)
          .append("\"/><text x=\"").append(n(x0 + 3)).append("\" y=\"").append(top - 6)
          .append("\">").append(xml(st.name())).append("</text></g>\n");
    }
  }

  private static void panel(StringBuilder b, int top, int h, String title) {
    b.append("<rect class=\"panel\" x=\"").append(LEFT).append("\" y=\"").append(top)
        .append("\" width=\"").append(WIDTH - LEFT - RIGHT).append("\" height=\"").append(h)
        .append("\"/><text class=\"panel-title\" x=\"").append(WIDTH - RIGHT).append("\" y=\"")
        .append(top - 6).append("\" text-anchor=\"end\">").append(title).append("</text>\n");
  }

  private static void legend(StringBuilder b, int right, int y) {
    String[][] items = {{"line-ratio", "success ratio"}, {"line-mean", "mean latency"},
        {"line-max", "max latency"}, {"fault", "fault in force"}};
    double x = right;
    StringBuilder g = new StringBuilder();
    for (int i = items.length - 1; i >= 0; i--) {
      double w = Svg.textWidth(items[i][1], 11) + 26;
      x -= w;
      if (items[i][0].equals("fault")) {
        g.append("<rect class=\"legend-fault\" x=\"").append(n(x)).append("\" y=\"")
            .append(y - 9).append("\" width=\"16\" height=\"10\"/>");
      } else {
        g.append("<line class=\"").append(items[i][0]).append("\" x1=\"").append(n(x))
            .append("\" x2=\"").append(n(x + 16)).append("\" y1=\"").append(y - 4)
            .append("\" y2=\"").append(y - 4).append("\"/>");
      }
      g.append("<text class=\"tick\" x=\"").append(n(x + 20)).append("\" y=\"").append(y)
          .append("\">").append(items[i][1]).append("</text>");
    }
    b.append("<g class=\"legend\">").append(g).append("</g>\n");
  }
}
