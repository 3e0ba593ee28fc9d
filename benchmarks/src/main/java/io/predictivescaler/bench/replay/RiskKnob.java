package io.predictivescaler.bench.replay;

import io.predictivescaler.core.config.RiskBudget;
import java.util.List;

/**
 * Sweeps {@code predictive} over its own risk knob: the risk budget, as a share of minutes allowed
 * overloaded, from far stricter than any HPA setting to far looser. The values do not depend on the
 * {@code --sweep} range (which is in units of utilization); they are chosen to span at least the
 * replica-hours the HPA covers over 0.6 to 0.95.
 */
final class RiskKnob implements SweepKnob {

  /** Budgets visited, strictest first. */
  static final List<Double> BUDGETS =
      List.of(0.00001, 0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3);

  @Override
  public String name() {
    return "risk";
  }

  @Override
  public List<Double> values(SweepRange range) {
    return BUDGETS;
  }

  @Override
  public ReplaySettings apply(ReplaySettings settings, double value) {
    return settings.withRisk(RiskBudget.share(value));
  }
}
