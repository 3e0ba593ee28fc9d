package io.predictivescaler.core.counterfactual;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each candidate's counterfactual figures summed over past re-picks, older hours weighing less, so
 * that a choice rests on several days rather than on the last one alone. A day's replay is a small
 * sample: candidates a few percent apart swap places from one day to the next on noise, and a
 * choice that follows the last day chases it. Each re-pick adds only the hours since the previous
 * one, so no hour is counted twice. Pure: the caller says how much time passed.
 */
public final class CandidateMemory {

  /**
   * How long the past keeps weight: figures fade by {@code e} every this many hours (ten days, so
   * that a week with its weekend weighs in). Long, because what is learned is which calibrated
   * level suits the workload's risk, and the bands themselves follow drift: adaptive conformal
   * inference keeps each level's coverage where it belongs as the load changes.
   */
  public static final double MEMORY_HOURS = 240;

  private final Map<String, CandidateScore> sums = new HashMap<>();

  /**
   * Fades what was remembered by the hours since the last addition, adds the latest figures, and
   * returns the sums in the latest figures' order. A candidate seen for the first time starts from
   * its latest figures alone.
   */
  public List<CandidateScore> add(List<CandidateScore> latest, double hoursSinceLast) {
    if (!(hoursSinceLast >= 0) || Double.isInfinite(hoursSinceLast)) {
      throw new IllegalArgumentException(
          "hoursSinceLast must be finite and >= 0, got " + hoursSinceLast);
    }
    double keep = Math.exp(-hoursSinceLast / MEMORY_HOURS);
    List<CandidateScore> out = new ArrayList<>(latest.size());
    for (CandidateScore now : latest) {
      CandidateScore past = sums.get(now.name());
      CandidateScore sum =
          past == null
              ? now
              : now.withFigures(
                  keep * past.overloadMinutes() + now.overloadMinutes(),
                  keep * past.nearMissMinutes() + now.nearMissMinutes(),
                  keep * past.replicaHours() + now.replicaHours(),
                  keep * past.minutes() + now.minutes());
      sums.put(now.name(), sum);
      out.add(sum);
    }
    return out;
  }

  /** Forgets everything, e.g. when the policy's bounds change what a candidate would have done. */
  public void clear() {
    sums.clear();
  }
}
