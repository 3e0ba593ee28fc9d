package io.predictivescaler.bench.report;

import io.predictivescaler.bench.sim.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One zoomable time chart of the report, as the spec {@code report.js} draws with uPlot: shared x
 * (epoch seconds, UTC), series downsampled together by a {@link Downsampler}, filled bands between
 * two series, and shaded periods. Values are rounded and {@code NaN} becomes {@code null} (a gap).
 */
final class TimeChart {

  private final String id;
  private final String yLabel;
  private final int height;
  private final long startEpoch;
  private final long stepSeconds;
  private final int from;
  private final int to;
  private final Downsampler downsampler;
  private final List<Map<String, Object>> series = new ArrayList<>();
  private final List<Map<String, Object>> bands = new ArrayList<>();
  private final List<Map<String, Object>> marks = new ArrayList<>();

  /** Y axis label of every time chart: values are in replicas' worth (see {@link RunSeries}). */
  static final String Y_LABEL = "replicas' worth";

  /** A chart of {@code scenario}'s ticks {@code from} to {@code to}, inclusive. */
  static TimeChart of(String id, int height, Scenario scenario, int from, int to, int maxPoints) {
    return new TimeChart(
        id,
        Y_LABEL,
        height,
        scenario.start().getEpochSecond(),
        scenario.stepSeconds(),
        from,
        to,
        maxPoints);
  }

  /** Ticks {@code from} to {@code to}, inclusive, at most {@code maxPoints} points per series. */
  TimeChart(
      String id,
      String yLabel,
      int height,
      long startEpoch,
      long stepSeconds,
      int from,
      int to,
      int maxPoints) {
    this.id = id;
    this.yLabel = yLabel;
    this.height = height;
    this.startEpoch = startEpoch;
    this.stepSeconds = stepSeconds;
    this.from = from;
    this.to = to;
    this.downsampler = new Downsampler(from, to, maxPoints);
  }

  /** kind: {@code line}, {@code step} (a count that changes at ticks) or {@code dashed} (step). */
  TimeChart line(String label, String color, String kind, double[] values) {
    return add(label, color, kind, downsampler.minMax(values));
  }

  /** A filled band between {@code lower} and {@code upper}, drawn as two thin edges. */
  TimeChart band(String label, String color, String fill, double[] lower, double[] upper) {
    int low = series.size();
    add(label + " low", color, "band", downsampler.low(lower));
    add(label + " high", color, "band", downsampler.high(upper));
    Map<String, Object> band = new LinkedHashMap<>();
    band.put("low", low);
    band.put("high", low + 1);
    band.put("fill", fill);
    bands.add(band);
    return this;
  }

  /** Shades the flagged ticks; periods closer than a pixel of a 1200-pixel chart are merged. */
  TimeChart marks(String color, boolean[] flagged) {
    int mergeGap = Math.max(1, (to - from + 1) / 1200);
    int start = -1;
    int end = -1;
    for (int i = from; i <= to + 1; i++) {
      boolean on = i <= to && flagged[i];
      if (on && start >= 0 && i - end <= mergeGap) {
        end = i;
      } else if (on) {
        addMark(start, end, color);
        start = i;
        end = i;
      }
    }
    addMark(start, end, color);
    return this;
  }

  int seriesCount() {
    return series.size();
  }

  /** The element {@code report.js} draws the chart into. */
  String div() {
    return "<div id=\""
        + id
        + "\" class=\"chart\" data-series-count=\""
        + series.size()
        + "\"></div>";
  }

  Map<String, Object> spec() {
    List<Long> x = new ArrayList<>();
    for (int tick : downsampler.ticks()) {
      x.add(epoch(tick));
    }
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("id", id);
    spec.put("yLabel", yLabel);
    spec.put("height", height);
    spec.put("x", x);
    spec.put("series", series);
    spec.put("bands", bands);
    spec.put("marks", marks);
    return spec;
  }

  private TimeChart add(String label, String color, String kind, double[] values) {
    List<Double> rounded = new ArrayList<>(values.length);
    for (double v : values) {
      rounded.add(Double.isFinite(v) ? Math.round(v * 1000) / 1000.0 : null);
    }
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("label", label);
    s.put("color", color);
    s.put("kind", kind);
    s.put("values", rounded);
    series.add(s);
    return this;
  }

  private void addMark(int start, int end, String color) {
    if (start < 0) {
      return;
    }
    Map<String, Object> mark = new LinkedHashMap<>();
    mark.put("from", epoch(start));
    mark.put("to", epoch(end + 1));
    mark.put("color", color);
    marks.add(mark);
  }

  private long epoch(int tick) {
    return startEpoch + tick * stepSeconds;
  }
}
