package io.predictivescaler.bench.report;

import io.predictivescaler.bench.replay.SweepPoint;
import io.predictivescaler.bench.sim.ReplayMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cost/risk frontier of a sweep as inline SVG: overload minutes against replica-hours, one line
 * per strategy through its utilizations, and the oracle as a single point.
 */
final class FrontierChart {

  private static final int WIDTH = 1200;
  private static final int HEIGHT = 420;
  private static final int LEFT = 70;
  private static final int RIGHT = 30;
  private static final int TOP = 30;
  private static final int BOTTOM = 44;

  private FrontierChart() {}

  /**
   * @param oracle the oracle's metrics, or {@code null} when it did not run
   */
  static String render(List<SweepPoint> sweep, ReplayMetrics oracle, Map<String, String> colors) {
    Map<String, List<SweepPoint>> byStrategy = new LinkedHashMap<>();
    for (SweepPoint point : sweep) {
      byStrategy.computeIfAbsent(point.strategy(), k -> new ArrayList<>()).add(point);
    }
    double minX = Double.MAX_VALUE;
    double maxX = 0;
    double maxY = 0;
    for (SweepPoint p : sweep) {
      minX = Math.min(minX, p.metrics().replicaHours());
      maxX = Math.max(maxX, p.metrics().replicaHours());
      maxY = Math.max(maxY, p.metrics().overloadMinutes());
    }
    if (oracle != null) {
      minX = Math.min(minX, oracle.replicaHours());
      maxX = Math.max(maxX, oracle.replicaHours());
    }
    double x0 = Math.max(0, minX - (maxX - minX) * 0.05 - 1e-9);
    double x1 = maxX + (maxX - minX) * 0.05 + 1e-9;
    double y1 = Svg.niceCeil(maxY * 1.1);
    Scale scale = new Scale(x0, x1, y1);

    StringBuilder svg = new StringBuilder();
    int series = byStrategy.size() + (oracle != null ? 1 : 0);
    svg.append("<svg id=\"chart-frontier\" class=\"chart\" data-series-count=\"")
        .append(series)
        .append("\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT + "\" role=\"img\"><g class=\"axes\">");
    for (double v : Svg.ticks(y1, 5)) {
      String y = Svg.num(scale.y(v));
      svg.append("<line x1=\"" + LEFT + "\" x2=\"" + (WIDTH - RIGHT) + "\" y1=\"" + y + "\" y2=\"")
          .append(y + "\" class=\"grid\"/><text x=\"" + (LEFT - 6) + "\" y=\"" + y)
          .append("\" class=\"ylab\">" + Svg.label(v) + "</text>");
    }
    double xStep = Svg.niceStep((x1 - x0) / 8);
    for (double v = Math.ceil(x0 / xStep) * xStep; v <= x1; v += xStep) {
      String x = Svg.num(scale.x(v));
      svg.append("<line x1=\"" + x + "\" x2=\"" + x + "\" y1=\"" + TOP + "\" y2=\"")
          .append((HEIGHT - BOTTOM) + "\" class=\"grid\"/><text x=\"" + x + "\" y=\"")
          .append((HEIGHT - BOTTOM + 16) + "\" class=\"xlab\">" + Svg.label(v) + "</text>");
    }
    svg.append("<text x=\"8\" y=\"18\" class=\"ylab-title\">overload minutes</text>")
        .append("<text x=\"" + (WIDTH - RIGHT) + "\" y=\"" + (HEIGHT - 6))
        .append("\" class=\"xlab-title\">replica-hours</text></g>");

    for (Map.Entry<String, List<SweepPoint>> entry : byStrategy.entrySet()) {
      String color = colors.getOrDefault(entry.getKey(), "#555");
      StringBuilder d = new StringBuilder();
      StringBuilder dots = new StringBuilder();
      for (SweepPoint p : entry.getValue()) {
        String x = Svg.num(scale.x(p.metrics().replicaHours()));
        String y = Svg.num(scale.y(p.metrics().overloadMinutes()));
        d.append(d.length() == 0 ? 'M' : 'L').append(x).append(',').append(y);
        dots.append("<circle cx=\"" + x + "\" cy=\"" + y + "\" r=\"4\" fill=\"" + color + "\">")
            .append("<title>" + Svg.escape(entry.getKey()) + " at " + p.label())
            .append(": " + Svg.label(p.metrics().overloadMinutes()) + " overload min, ")
            .append(Svg.label(p.metrics().replicaHours()) + " replica-h</title></circle>")
            .append("<text x=\"" + x + "\" y=\"" + y + "\" dx=\"6\" dy=\"-6\" class=\"dotlab\">")
            .append(p.setting().values().iterator().next() + "</text>");
      }
      svg.append("<g data-series=\"" + Svg.escape(entry.getKey()) + "\">")
          .append(
              "<path d=\"" + d + "\" fill=\"none\" stroke=\"" + color + "\" stroke-width=\"2\"/>")
          .append(dots)
          .append("</g>");
    }
    if (oracle != null) {
      String x = Svg.num(scale.x(oracle.replicaHours()));
      String y = Svg.num(scale.y(oracle.overloadMinutes()));
      svg.append("<g data-series=\"oracle\"><rect x=\"" + x + "\" y=\"" + y)
          .append("\" width=\"10\" height=\"10\" transform=\"translate(-5,-5)\" fill=\"")
          .append(colors.getOrDefault("oracle", "#000") + "\"/><text x=\"" + x + "\" y=\"" + y)
          .append("\" dx=\"8\" dy=\"-8\" class=\"dotlab\">oracle</text></g>");
    }
    int lx = LEFT + 200;
    for (String name : byStrategy.keySet()) {
      svg.append("<circle cx=\"" + lx + "\" cy=\"15\" r=\"4\" fill=\"")
          .append(colors.getOrDefault(name, "#555") + "\"/><text x=\"" + (lx + 8))
          .append("\" y=\"19\" class=\"legend\">" + Svg.escape(name) + "</text>");
      lx += 30 + name.length() * 8;
    }
    return svg.append("</svg>").toString();
  }

  private record Scale(double x0, double x1, double y1) {
    double x(double value) {
      return LEFT + (value - x0) / (x1 - x0) * (WIDTH - LEFT - RIGHT);
    }

    double y(double value) {
      return HEIGHT - BOTTOM - value / y1 * (HEIGHT - TOP - BOTTOM);
    }
  }
}
