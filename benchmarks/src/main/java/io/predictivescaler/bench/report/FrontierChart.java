package io.predictivescaler.bench.report;

import io.predictivescaler.bench.replay.SweepPoint;
import io.predictivescaler.bench.sim.ReplayMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cost/risk frontier of a sweep as the spec {@code report.js} draws: overload minutes against
 * replica-hours, one line per swept strategy through its knob's values (each point labelled with
 * its value), and the oracle as a single point.
 */
final class FrontierChart {

  static final String ID = "chart-frontier";

  private FrontierChart() {}

  /**
   * @param oracle the oracle's metrics, or {@code null} when it did not run
   */
  static Map<String, Object> spec(
      List<SweepPoint> sweep, ReplayMetrics oracle, Map<String, String> colors) {
    Map<String, Map<String, Object>> byStrategy = new LinkedHashMap<>();
    for (SweepPoint point : sweep) {
      Map<String, Object> strategy =
          byStrategy.computeIfAbsent(
              point.strategy(),
              name -> {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("name", name);
                s.put("color", colors.getOrDefault(name, "#555555"));
                s.put("knob", String.join(",", point.setting().keySet()));
                s.put("points", new ArrayList<Map<String, Object>>());
                return s;
              });
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> points = (List<Map<String, Object>>) strategy.get("points");
      Map<String, Object> p = xy(point.metrics());
      p.put("label", valueLabel(point));
      points.add(p);
    }
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("id", ID);
    spec.put("height", 420);
    spec.put("strategies", new ArrayList<>(byStrategy.values()));
    if (oracle != null) {
      Map<String, Object> o = xy(oracle);
      o.put("color", colors.getOrDefault("oracle", "#000000"));
      spec.put("oracle", o);
    }
    return spec;
  }

  /** Series the chart draws: one per swept strategy, plus the oracle. */
  static int seriesCount(List<SweepPoint> sweep, ReplayMetrics oracle) {
    return (int) sweep.stream().map(SweepPoint::strategy).distinct().count()
        + (oracle != null ? 1 : 0);
  }

  private static Map<String, Object> xy(ReplayMetrics m) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("x", Math.round(m.replicaHours() * 1000) / 1000.0);
    p.put("y", Math.round(m.overloadMinutes() * 1000) / 1000.0);
    return p;
  }

  private static String valueLabel(SweepPoint point) {
    StringBuilder label = new StringBuilder();
    point.setting().values().forEach(v -> label.append(label.length() > 0 ? "," : "").append(v));
    return label.toString();
  }
}
