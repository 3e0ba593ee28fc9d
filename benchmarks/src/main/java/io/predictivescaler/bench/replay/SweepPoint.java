package io.predictivescaler.bench.replay;

import io.predictivescaler.bench.sim.ReplayMetrics;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One run of a {@code --sweep}.
 *
 * @param strategy the strategy's name
 * @param setting the swept knob(s) and the value each ran at, e.g. {@code {utilization=0.8}}
 * @param utilization the target utilization the run used (the swept value when the knob is the
 *     utilization)
 * @param metrics how it did
 * @param bandCoverage share of forecast ticks whose load was within the upper band, {@code NaN}
 *     when the strategy gave no forecast
 */
public record SweepPoint(
    String strategy,
    Map<String, Object> setting,
    double utilization,
    ReplayMetrics metrics,
    double bandCoverage) {

  public SweepPoint {
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(metrics, "metrics");
    setting = Collections.unmodifiableMap(new TreeMap<>(setting));
  }

  /**
   * E.g. {@code hpa@0.75}, or {@code predictive@quantile=0.95} for a knob other than utilization.
   */
  public String label() {
    return label(strategy, setting);
  }

  static String label(String strategy, Map<String, Object> setting) {
    return strategy
        + "@"
        + new TreeMap<>(setting)
            .entrySet().stream()
                .map(
                    e ->
                        e.getKey().equals(UtilizationKnob.NAME)
                            ? String.valueOf(e.getValue())
                            : e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
  }
}
