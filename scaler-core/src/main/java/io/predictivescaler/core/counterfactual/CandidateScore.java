package io.predictivescaler.core.counterfactual;

import java.util.Locale;

/**
 * How one candidate did in a counterfactual replay of the workload's recent history.
 *
 * @param name "hpa", or "q0.95+10%"-style for predictive at a quantile level and headroom
 * @param level the quantile level; NaN for the HPA
 * @param headroom the share added on top of the band (0 for none)
 * @param reactiveShare where the reactive part's target lies between the plain HPA's (0) and the
 *     predictive target (1); 1 for the HPA, which has one target
 * @param overloadMinutes minutes in which load exceeded Ready capacity
 * @param nearMissMinutes minutes in which load came within {@link LightCluster#NEAR_MISS} of it
 *     without exceeding it
 * @param replicaHours the integral of replicas
 * @param minutes the minutes replayed
 */
public record CandidateScore(
    String name,
    double level,
    double headroom,
    double reactiveShare,
    double overloadMinutes,
    double nearMissMinutes,
    double replicaHours,
    double minutes) {

  /** How much a near-miss minute counts against the budget, next to an overloaded one. */
  public static final double NEAR_MISS_WEIGHT = 0.1;

  /** Overload minutes plus weighted near misses: what the choice compares against the budget. */
  public double risk() {
    return overloadMinutes + NEAR_MISS_WEIGHT * nearMissMinutes;
  }

  /** The same candidate with other figures: pooled over more hours, or corrected. */
  public CandidateScore withFigures(
      double overloadMinutes, double nearMissMinutes, double replicaHours, double minutes) {
    return new CandidateScore(
        name,
        level,
        headroom,
        reactiveShare,
        overloadMinutes,
        nearMissMinutes,
        replicaHours,
        minutes);
  }

  public boolean isHpa() {
    return Double.isNaN(level);
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%s: %.0f overload min, %.0f near-miss min, %.1f replica-h",
        name,
        overloadMinutes,
        nearMissMinutes,
        replicaHours);
  }
}
