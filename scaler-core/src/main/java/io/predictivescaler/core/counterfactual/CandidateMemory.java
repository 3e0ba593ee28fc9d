package io.predictivescaler.core.counterfactual;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

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

  /**
   * Where each candidate's sums sit in {@link #sums}, by name: the same hundred-odd names for every
   * workload, so one index serves them all and a workload keeps only its numbers.
   */
  private static final Map<String, Integer> SLOTS = new ConcurrentHashMap<>();

  private static final AtomicInteger NEXT_SLOT = new AtomicInteger();

  private static final int FIGURES = 4;

  /** Per slot: overload minutes, near-miss minutes, replica-hours, minutes; zeros until seen. */
  private double[] sums = new double[0];

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
      int at = FIGURES * SLOTS.computeIfAbsent(now.name(), name -> NEXT_SLOT.getAndIncrement());
      if (at + FIGURES > sums.length) {
        sums = Arrays.copyOf(sums, Math.max(at + FIGURES, FIGURES * NEXT_SLOT.get()));
      }
      sums[at] = keep * sums[at] + now.overloadMinutes();
      sums[at + 1] = keep * sums[at + 1] + now.nearMissMinutes();
      sums[at + 2] = keep * sums[at + 2] + now.replicaHours();
      sums[at + 3] = keep * sums[at + 3] + now.minutes();
      out.add(now.withFigures(sums[at], sums[at + 1], sums[at + 2], sums[at + 3]));
    }
    return out;
  }

  /** Forgets everything, e.g. when the policy's bounds change what a candidate would have done. */
  public void clear() {
    Arrays.fill(sums, 0);
  }
}
