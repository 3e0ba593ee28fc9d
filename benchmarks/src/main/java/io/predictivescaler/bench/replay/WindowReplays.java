package io.predictivescaler.bench.replay;

import io.predictivescaler.bench.sim.ReplayMetrics;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Every whole window of {@code days} days of a trace, each replayed on its own from a cold start
 * (see {@link ReplayWindows}).
 *
 * @param days the windows' length in days
 * @param outcomes each window's figures, oldest first
 */
public record WindowReplays(int days, List<WindowOutcome> outcomes) {

  public WindowReplays {
    if (days < 1) {
      throw new IllegalArgumentException("days must be >= 1, got " + days);
    }
    outcomes = List.copyOf(outcomes);
  }

  /** Windows in which predictive missed the default contract. */
  public List<WindowOutcome> missed() {
    return outcomes.stream().filter(w -> !w.keepsContract()).toList();
  }

  /**
   * Predictive's overload minutes over hpa's, each summed over the windows; NaN where hpa's is 0.
   */
  public double overloadRatio() {
    return ratio(ReplayMetrics::overloadMinutes);
  }

  /** Predictive's replica-hours over hpa's, each summed over the windows; NaN without windows. */
  public double replicaHoursRatio() {
    return ratio(ReplayMetrics::replicaHours);
  }

  private double ratio(ToDoubleFunction<ReplayMetrics> figure) {
    double hpa = 0;
    double predictive = 0;
    for (WindowOutcome w : outcomes) {
      hpa += figure.applyAsDouble(w.hpa());
      predictive += figure.applyAsDouble(w.predictive());
    }
    return hpa > 0 ? predictive / hpa : Double.NaN;
  }
}
