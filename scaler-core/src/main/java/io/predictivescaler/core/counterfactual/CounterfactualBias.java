package io.predictivescaler.core.counterfactual;

import java.util.ArrayList;
import java.util.List;

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
  private BiasFactors factors = BiasFactors.NONE;

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
    refresh();
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
    refresh();
  }

  /**
   * The factors in force: real over modelled overload and replica-hours, of the forecast candidates
   * that ran and of the shadow HPA; {@link BiasFactors#NONE} until an interval with a forecast
   * candidate running was measured.
   */
  public BiasFactors factors() {
    return factors;
  }

  /** The figures corrected: each forecast candidate's by the forecast ratios, the HPA's by its. */
  public List<CandidateScore> correct(List<CandidateScore> scores) {
    if (!factors.measured()) {
      return scores;
    }
    List<CandidateScore> out = new ArrayList<>(scores.size());
    for (CandidateScore s : scores) {
      double overload = s.isHpa() ? factors.hpaOverload() : factors.forecastOverload();
      double cost = s.isHpa() ? factors.hpaCost() : factors.forecastCost();
      out.add(
          s.withFigures(
              s.overloadMinutes() * overload,
              s.nearMissMinutes() * overload,
              s.replicaHours() * cost,
              s.minutes()));
    }
    return out;
  }

  /** Forgets everything, with the candidates' figures (a policy change). */
  public void clear() {
    ranOverload = ranReplicaHours = realOverload = realReplicaHours = 0;
    hpaOverload = hpaReplicaHours = shadowOverload = shadowReplicaHours = 0;
    factors = BiasFactors.NONE;
  }

  /** The factors from the sums, once an interval is in them; only the sums change them. */
  private void refresh() {
    boolean measured = ranReplicaHours > 0 && hpaReplicaHours > 0 && realReplicaHours > 0;
    factors =
        measured
            ? new BiasFactors(
                true,
                ratio(realOverload, ranOverload),
                realReplicaHours / ranReplicaHours,
                ratio(shadowOverload, hpaOverload),
                shadowReplicaHours > 0 ? shadowReplicaHours / hpaReplicaHours : 1)
            : BiasFactors.NONE;
  }

  private static double ratio(double real, double counterfactual) {
    return (real + PRIOR_MINUTES) / (counterfactual + PRIOR_MINUTES);
  }
}
