package io.predictivescaler.core.counterfactual;

import java.util.Locale;

/**
 * How one candidate did in a counterfactual replay of the workload's recent history.
 *
 * @param name "hpa", or "q0.95+10%"-style for predictive at a quantile level and headroom, or
 *     "q0.8|q0.95"-style for a split candidate (busy level, then quiet level)
 * @param level the quantile level (a split candidate's at busy loads); NaN for the HPA
 * @param headroom the share added on top of the band (0 for none)
 * @param reactiveShare where the reactive part's target lies between the plain HPA's (0) and the
 *     predictive target (1); 1 for the HPA, which has one target
 * @param overloadMinutes minutes in which load exceeded Ready capacity
 * @param nearMissMinutes minutes in which load came within {@link LightCluster#NEAR_MISS} of it
 *     without exceeding it
 * @param replicaHours the integral of replicas
 * @param minutes the minutes replayed
 * @param quietLevel a split candidate's level below {@code splitLoad}; NaN for any other
 * @param splitLoad the load below which a split candidate runs its quiet level; NaN for any other
 */
public record CandidateScore(
    String name,
    double level,
    double headroom,
    double reactiveShare,
    double overloadMinutes,
    double nearMissMinutes,
    double replicaHours,
    double minutes,
    double quietLevel,
    double splitLoad) {

  /** A candidate at one level whatever the load. */
  public CandidateScore(
      String name,
      double level,
      double headroom,
      double reactiveShare,
      double overloadMinutes,
      double nearMissMinutes,
      double replicaHours,
      double minutes) {
    this(
        name,
        level,
        headroom,
        reactiveShare,
        overloadMinutes,
        nearMissMinutes,
        replicaHours,
        minutes,
        Double.NaN,
        Double.NaN);
  }

  /** True for a candidate whose band is at one level at busy loads and another at quiet ones. */
  public boolean isSplit() {
    return !Double.isNaN(splitLoad);
  }

  /** The level in force at {@code load}: a split candidate's quiet level below its split load. */
  public double levelAt(double load) {
    return isSplit() && load < splitLoad ? quietLevel : level;
  }

  /** The same figures for a split candidate: at {@code quiet} below {@code load}. */
  public CandidateScore split(double quiet, double load) {
    return new CandidateScore(
        name,
        level,
        headroom,
        reactiveShare,
        overloadMinutes,
        nearMissMinutes,
        replicaHours,
        minutes,
        quiet,
        load);
  }

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
        minutes,
        quietLevel,
        splitLoad);
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
