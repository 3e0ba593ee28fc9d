package io.predictivescaler.bench.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A time-series chart as inline SVG: lines, bands and marked periods over a tick axis.
 *
 * <p>The {@code <svg>} carries {@code id}, {@code class="chart"} and {@code data-series-count};
 * each series is an element with {@code data-series="<name>"}, so tests can check a DOM dump.
 * Series longer than {@link #MAX_POINTS} are downsampled keeping each bucket's min and max.
 */
final class SvgChart {

  static final int MAX_POINTS = 2000;
  private static final int WIDTH = 1200;
  private static final int HEIGHT = 300;
  private static final int LEFT = 70;
  private static final int RIGHT = 60;
  private static final int TOP = 30;
  private static final int BOTTOM = 34;
  private static final long[] TIME_TICKS = {
    60, 300, 900, 1800, 3600, 3 * 3600, 6 * 3600, 12 * 3600, 86_400, 2 * 86_400, 7 * 86_400
  };

  private final String id;
  private final long startEpoch;
  private final long stepSeconds;
  private final int ticks;
  private final List<String> layers = new ArrayList<>();
  private final List<LegendItem> legend = new ArrayList<>();
  private String yLabel = "";
  private double yMax = 1;
  private String rightLabel;
  private double rightUnit;
  private int seriesCount;

  SvgChart(String id, long startEpoch, long stepSeconds, int ticks) {
    this.id = id;
    this.startEpoch = startEpoch;
    this.stepSeconds = stepSeconds;
    this.ticks = Math.max(ticks, 2);
  }

  SvgChart yAxis(String label, double max) {
    this.yLabel = label;
    this.yMax = Svg.niceCeil(max * 1.05);
    return this;
  }

  /** A second axis on the right counting units of {@code valuePerUnit}, e.g. replicas. */
  SvgChart rightAxis(String label, double valuePerUnit) {
    this.rightLabel = label;
    this.rightUnit = valuePerUnit;
    return this;
  }

  SvgChart line(String series, String label, String color, double[] values, boolean dashed) {
    Downsampler.Points points = Downsampler.minMax(values, MAX_POINTS);
    StringBuilder d = new StringBuilder();
    boolean pen = false;
    for (int i = 0; i < points.size(); i++) {
      double y = points.y()[i];
      if (Double.isNaN(y)) {
        pen = false;
        continue;
      }
      d.append(pen ? 'L' : 'M').append(Svg.num(x(points.x()[i]))).append(',').append(Svg.num(y(y)));
      pen = true;
    }
    layers.add(
        "<path data-series=\""
            + series
            + "\" d=\""
            + d
            + "\" fill=\"none\" stroke=\""
            + color
            + "\" stroke-width=\"1.3\""
            + (dashed ? " stroke-dasharray=\"5,3\"" : "")
            + "/>");
    addLegend(label, color, dashed ? "dashed" : "line");
    return this;
  }

  SvgChart band(String series, String label, String color, double[] low, double[] high) {
    Downsampler.Envelope env = Downsampler.envelope(low, high, MAX_POINTS / 2);
    StringBuilder d = new StringBuilder();
    int i = 0;
    while (i < env.size()) {
      if (Double.isNaN(env.low()[i]) || Double.isNaN(env.high()[i])) {
        i++;
        continue;
      }
      int end = i;
      while (end < env.size() && !Double.isNaN(env.low()[end]) && !Double.isNaN(env.high()[end])) {
        end++;
      }
      for (int k = i; k < end; k++) {
        d.append(k == i ? 'M' : 'L')
            .append(Svg.num(x(env.x()[k])))
            .append(',')
            .append(Svg.num(y(env.high()[k])));
      }
      for (int k = end - 1; k >= i; k--) {
        d.append('L').append(Svg.num(x(env.x()[k]))).append(',').append(Svg.num(y(env.low()[k])));
      }
      d.append('Z');
      i = end;
    }
    layers.add(
        "<path data-series=\""
            + series
            + "\" d=\""
            + d
            + "\" fill=\""
            + color
            + "\" fill-opacity=\"0.25\" stroke=\"none\"/>");
    addLegend(label, color, "band");
    return this;
  }

  /** Shades the ticks where {@code flagged}; periods closer than a pixel are merged. */
  SvgChart marks(String name, String label, String color, boolean[] flagged) {
    double minGap = (double) ticks / (WIDTH - LEFT - RIGHT);
    StringBuilder rects = new StringBuilder();
    int periods = 0;
    int drawn = 0;
    int i = 0;
    int start = -1;
    int end = -1;
    while (i < flagged.length) {
      if (!flagged[i]) {
        i++;
        continue;
      }
      int from = i;
      while (i < flagged.length && flagged[i]) {
        i++;
      }
      periods++;
      if (start >= 0 && from - end <= minGap) {
        end = i;
        continue;
      }
      if (start >= 0) {
        appendRect(rects, start, end, color);
        drawn++;
      }
      start = from;
      end = i;
    }
    if (start >= 0) {
      appendRect(rects, start, end, color);
      drawn++;
    }
    layers.add(
        0,
        "<g data-marks=\""
            + name
            + "\" data-periods=\""
            + periods
            + "\" data-drawn=\""
            + drawn
            + "\">"
            + rects
            + "</g>");
    seriesCount--;
    addLegend(label, color, "band");
    return this;
  }

  String render() {
    StringBuilder svg = new StringBuilder();
    svg.append("<svg id=\"")
        .append(id)
        .append("\" class=\"chart\" data-series-count=\"")
        .append(seriesCount)
        .append("\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(HEIGHT)
        .append("\" preserveAspectRatio=\"none\" role=\"img\">");
    axes(svg);
    layers.forEach(svg::append);
    legend(svg);
    return svg.append("</svg>").toString();
  }

  private void axes(StringBuilder svg) {
    svg.append("<g class=\"axes\">");
    for (double v : Svg.ticks(yMax, 5)) {
      String y = Svg.num(y(v));
      svg.append(
              "<line x1=\"" + LEFT + "\" x2=\"" + (WIDTH - RIGHT) + "\" y1=\"" + y + "\" y2=\"" + y)
          .append("\" class=\"grid\"/>")
          .append("<text x=\"" + (LEFT - 6) + "\" y=\"" + y + "\" class=\"ylab\">")
          .append(Svg.label(v))
          .append("</text>");
    }
    if (rightLabel != null) {
      for (double r : Svg.ticks(yMax / rightUnit, 5)) {
        svg.append("<text x=\"" + (WIDTH - RIGHT + 6) + "\" y=\"" + Svg.num(y(r * rightUnit)))
            .append("\" class=\"rlab\">")
            .append(Svg.label(r))
            .append("</text>");
      }
      svg.append("<text x=\"" + (WIDTH - 8) + "\" y=\"" + (TOP - 10) + "\" class=\"rlab-title\">")
          .append(Svg.escape(rightLabel))
          .append("</text>");
    }
    svg.append("<text x=\"8\" y=\"" + (TOP - 10) + "\" class=\"ylab-title\">")
        .append(Svg.escape(yLabel))
        .append("</text>");
    long span = (ticks - 1) * stepSeconds;
    long every = TIME_TICKS[TIME_TICKS.length - 1];
    for (long candidate : TIME_TICKS) {
      if (span / candidate <= 8) {
        every = candidate;
        break;
      }
    }
    DateTimeFormatter format =
        DateTimeFormatter.ofPattern(
                span <= 86_400 ? "HH:mm" : every >= 86_400 ? "MM-dd" : "MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);
    long first = Math.floorDiv(startEpoch + every - 1, every) * every;
    for (long t = first; t <= startEpoch + span; t += every) {
      String x = Svg.num(x((double) (t - startEpoch) / stepSeconds));
      svg.append("<line x1=\"" + x + "\" x2=\"" + x + "\" y1=\"" + TOP + "\" y2=\"")
          .append(HEIGHT - BOTTOM)
          .append("\" class=\"grid\"/><text x=\"" + x + "\" y=\"" + (HEIGHT - BOTTOM + 16))
          .append("\" class=\"xlab\">")
          .append(format.format(Instant.ofEpochSecond(t)))
          .append("</text>");
    }
    svg.append("<rect x=\"" + LEFT + "\" y=\"" + TOP + "\" width=\"" + (WIDTH - LEFT - RIGHT))
        .append("\" height=\"" + (HEIGHT - TOP - BOTTOM) + "\" class=\"frame\"/></g>");
  }

  private void legend(StringBuilder svg) {
    int x = LEFT + 90;
    for (LegendItem item : legend) {
      String color = item.color();
      switch (item.kind()) {
        case "band" ->
            svg.append("<rect x=\"" + x + "\" y=\"10\" width=\"16\" height=\"9\" fill=\"")
                .append(color)
                .append("\" fill-opacity=\"0.35\"/>");
        default ->
            svg.append(
                    "<line x1=\"" + x + "\" x2=\"" + (x + 16) + "\" y1=\"15\" y2=\"15\" stroke=\"")
                .append(color)
                .append("\" stroke-width=\"2\"")
                .append(item.kind().equals("dashed") ? " stroke-dasharray=\"4,2\"" : "")
                .append("/>");
      }
      svg.append("<text x=\"" + (x + 21) + "\" y=\"19\" class=\"legend\">")
          .append(Svg.escape(item.label()))
          .append("</text>");
      x += 34 + item.label().length() * 7;
    }
  }

  private void addLegend(String label, String color, String kind) {
    seriesCount++;
    legend.add(new LegendItem(label, color, kind));
  }

  private void appendRect(StringBuilder rects, int from, int to, String color) {
    double x1 = x(from);
    double width = Math.max(1, x(to) - x1);
    rects
        .append("<rect x=\"" + Svg.num(x1) + "\" y=\"" + TOP + "\" width=\"" + Svg.num(width))
        .append("\" height=\"" + (HEIGHT - TOP - BOTTOM) + "\" fill=\"" + color + "\"/>");
  }

  private double x(double tick) {
    return LEFT + tick / (ticks - 1) * (WIDTH - LEFT - RIGHT);
  }

  private double y(double value) {
    return HEIGHT - BOTTOM - value / yMax * (HEIGHT - TOP - BOTTOM);
  }

  /** kind: line, dashed or band. */
  private record LegendItem(String label, String color, String kind) {}
}
