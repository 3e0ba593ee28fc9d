package io.predictivescaler.bench.replay;

import java.util.List;
import java.util.Map;

/**
 * The setting a {@code --sweep} varies for one strategy: its name in the report, the values it
 * visits, and how a value changes the replay settings that strategy is built from.
 *
 * <p>A strategy sweeps the knob that trades its cost against its risk: {@code hpa} its target
 * utilization, a forecasting strategy may sweep its own risk knob (a band quantile, say) instead.
 * Registered per strategy in {@link SweepKnobs}.
 */
public interface SweepKnob {

  /** The knob's name, the key of each sweep entry's {@code setting}, e.g. {@code utilization}. */
  String name();

  /** The values to visit for the command line's {@code --sweep from:to:step}, in report order. */
  List<Double> values(SweepRange range);

  /** {@code settings} with this knob at {@code value} for the swept strategy. */
  ReplaySettings apply(ReplaySettings settings, double value);

  /**
   * What a sweep entry's {@code setting} says of {@code value}: by default {name: value}; a knob
   * may name a value that is not a number (e.g. {@code risk: hpa}).
   */
  default Map<String, Object> setting(double value) {
    return Map.of(name(), value);
  }

  /** Sweeps {@code strategy}'s target utilization over the {@code --sweep} range itself. */
  static SweepKnob utilizationOf(String strategy) {
    return new UtilizationKnob(strategy);
  }
}
