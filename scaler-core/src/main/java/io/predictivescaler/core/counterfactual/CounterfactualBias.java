package io.predictivescaler.core.counterfactual;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How far the light cluster model is off, measured on the workload itself: at each re-pick the
 * counterfactual figures of the candidate that ran are set against what really ran, and the HPA's
 * against the shadow HPA run beside it, over the same hours. The model reads a bucket's load and
 * Ready capacity coarsely, and its errors are not the same for a reactive and a forecast-led
 * candidate (on one-minute web traffic it rated forecast candidates safer against the HPA than they
 * ran); the correction scales each family's figures by its own measured ratio, so that the choice
 * compares what the candidates would really have done. Sums fade as {@link CandidateMemory}'s do.
 * Pure: the caller says how much time passed.
 */
public final class CounterfactualBias {

  /**
   * Overload minutes each ratio starts from on both sides: a ratio of few minutes is mostly noise,
   * and one short episode should move it little.
   */
  public static final double PRIOR_MINUTES = 10;

  private double ranOverload;
  private double ranReplicaHours;
  private double realOverload;
  private double realReplicaHours;
  private double hpaOverload;
  private double hpaReplicaHours;
  private double shadowOverload;
  private double shadowReplicaHours;

  /**
   * Fades the sums by the hours since the last call and adds one interval's figures.
   *
   * @param ran the counterfactual figures, over the interval, of the candidate that ran in it
   * @param hpa the HPA's counterfactual figures over the same interval
   * @param realized what really ran and what the shadow HPA had over it
   */
  public void add(
      CandidateScore ran, CandidateScore hpa, RealizedOutcome realized, double hoursSinceLast) {
    if (ran.isHpa() || !hpa.isHpa()) {
      throw new IllegalArgumentException(
          "need a forecast candidate that ran and the HPA, got " + ran.name() + ", " + hpa.name());
    }
    fade(hoursSinceLast);
    ranOverload += ran.overloadMinutes();
    ranReplicaHours += ran.replicaHours();
    realOverload += realized.overloadMinutes();
    realReplicaHours += realized.replicaHours();
    hpaOverload += hpa.overloadMinutes();
    hpaReplicaHours += hpa.replicaHours();
    shadowOverload += realized.shadowOverloadMinutes();
    shadowReplicaHours += realized.shadowReplicaHours();
  }

  /** Fades the sums by the hours since the last call, for an interval that measured nothing. */
  public void fade(double hoursSinceLast) {
    if (!(hoursSinceLast >= 0) || Double.isInfinite(hoursSinceLast)) {
      throw new IllegalArgumentException(
          "hoursSinceLast must be finite and >= 0, got " + hoursSinceLast);
    }
    double keep = Math.exp(-hoursSinceLast / CandidateMemory.MEMORY_HOURS);
    ranOverload *= keep;
    ranReplicaHours *= keep;
    realOverload *= keep;
    realReplicaHours *= keep;
    hpaOverload *= keep;
    hpaReplicaHours *= keep;
    shadowOverload *= keep;
    shadowReplicaHours *= keep;
  }

  /** True once an interval with a forecast candidate running was measured. */
  public boolean measured() {
    return ranReplicaHours > 0 && hpaReplicaHours > 0 && realReplicaHours > 0;
  }

  /** Real over counterfactual overload of the forecast candidates that ran; 1 until measured. */
  public double forecastOverload() {
    return measured() ? ratio(realOverload, ranOverload) : 1;
  }

  /** Real over counterfactual replica-hours of the forecast candidates that ran. */
  public double forecastCost() {
    return measured() ? realReplicaHours / ranReplicaHours : 1;
  }

  /** The shadow HPA's over the counterfactual HPA's overload. */
  public double hpaOverload() {
    return measured() ? ratio(shadowOverload, hpaOverload) : 1;
  }

  /** The shadow HPA's over the counterfactual HPA's replica-hours. */
  public double hpaCost() {
    return measured() && shadowReplicaHours > 0 ? shadowReplicaHours / hpaReplicaHours : 1;
  }

  /** The factors in force. */
  public BiasFactors factors() {
    return measured()
        ? new BiasFactors(true, forecastOverload(), forecastCost(), hpaOverload(), hpaCost())
        : BiasFactors.NONE;
  }

  /** The figures corrected: each forecast candidate's by the forecast ratios, the HPA's by its. */
  public List<CandidateScore> correct(List<CandidateScore> scores) {
    if (!measured()) {
      return scores;
    }
    List<CandidateScore> out = new ArrayList<>(scores.size());
    for (CandidateScore s : scores) {
      double overload = s.isHpa() ? hpaOverload() : forecastOverload();
      double cost = s.isHpa() ? hpaCost() : forecastCost();
      out.add(
          new CandidateScore(
              s.name(),
              s.level(),
              s.headroom(),
              s.reactiveShare(),
              s.overloadMinutes() * overload,
              s.nearMissMinutes() * overload,
              s.replicaHours() * cost,
              s.minutes()));
    }
    return out;
  }

  /** The correction in force, for explanations; empty until measured. */
  public String describe() {
    if (!measured()) {
      return "";
    }
    return String.format(
        Locale.ROOT,
        "figures corrected by what ran: forecast overload x%.2f, cost x%.3f; HPA overload x%.2f,"
            + " cost x%.3f",
        forecastOverload(),
        forecastCost(),
        hpaOverload(),
        hpaCost());
  }

  /** Forgets everything, with the candidates' figures (a policy change). */
  public void clear() {
    ranOverload = ranReplicaHours = realOverload = realReplicaHours = 0;
    hpaOverload = hpaReplicaHours = shadowOverload = shadowReplicaHours = 0;
  }

  private static double ratio(double real, double counterfactual) {
    return (real + PRIOR_MINUTES) / (counterfactual + PRIOR_MINUTES);
  }
}
