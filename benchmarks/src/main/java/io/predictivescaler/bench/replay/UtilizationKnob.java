package io.predictivescaler.bench.replay;

import java.util.List;
import java.util.Objects;

/**
 * {@link SweepKnob}: one strategy's target utilization, over the {@code --sweep} range as given.
 */
record UtilizationKnob(String strategy) implements SweepKnob {

  static final String NAME = "utilization";

  UtilizationKnob {
    Objects.requireNonNull(strategy, "strategy");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Double> values(SweepRange range) {
    return range.values();
  }

  @Override
  public ReplaySettings apply(ReplaySettings settings, double value) {
    return settings.withUtilizationFor(strategy, value);
  }
}
