package io.predictivescaler.core.counterfactual;

import io.predictivescaler.core.decision.ForecastReplicas;
import io.predictivescaler.core.decision.MetricTarget;
import io.predictivescaler.core.decision.TotalReplicas;

/**
 * The light cluster model counterfactual replays run: the replay simulator's semantics on the
 * workload's own recorded buckets. Per bucket a candidate recommends replicas from what it saw
 * then; scale-ups become Ready {@code startupBuckets} later, scale-downs act at once (not-Ready
 * pods first) and only after the scale-down stabilization window, which holds the recommendations
 * without the band's part, and the band's part only for its lead window, as the decision pipeline
 * does (a bucket's band is its highest, so that hold starts with the bucket); a candidate whose
 * reactive part is at the predictive target (reactive share 1) has all of its recommendation held
 * for the lead window only, in buckets with a band; the load the bucket really had is the one
 * observed {@code delayBuckets} later (the metric delay). Rate policies are left out: they only
 * matter in the rare ticks where they bind, and they bind every candidate alike.
 *
 * @param bucketSeconds bucket width
 * @param delayBuckets metric delay in buckets
 * @param startupBuckets pod start-up in buckets
 * @param downWindowBuckets scale-down stabilization window in buckets
 * @param bandHoldBuckets how long the window holds a recommendation's band part, in buckets counted
 *     with the bucket itself (a bucket's band is its highest, so 1 holds it for the bucket only);
 *     at most the window
 * @param minReplicas lower bound
 * @param maxReplicas upper bound
 * @param targetPerReplica load one replica serves; overload is load above Ready times this
 * @param reactiveTargetPerReplica the plain HPA's target
 * @param tolerance the HPA tolerance around a usage ratio of 1
 */
public record LightCluster(
    long bucketSeconds,
    int delayBuckets,
    int startupBuckets,
    int downWindowBuckets,
    int bandHoldBuckets,
    int minReplicas,
    int maxReplicas,
    double targetPerReplica,
    double reactiveTargetPerReplica,
    double tolerance) {

  /** Load within this share below Ready capacity counts as a near miss. */
  public static final double NEAR_MISS = 0.05;

  /** A cluster that holds the band's part through the whole scale-down window, as the HPA would. */
  public LightCluster(
      long bucketSeconds,
      int delayBuckets,
      int startupBuckets,
      int downWindowBuckets,
      int minReplicas,
      int maxReplicas,
      double targetPerReplica,
      double reactiveTargetPerReplica,
      double tolerance) {
    this(
        bucketSeconds,
        delayBuckets,
        startupBuckets,
        downWindowBuckets,
        downWindowBuckets,
        minReplicas,
        maxReplicas,
        targetPerReplica,
        reactiveTargetPerReplica,
        tolerance);
  }

  /**
   * Replays one candidate: the HPA when {@code bands} is null, else predictive with those bands
   * raised by {@code headroom} (a share: 0.1 sizes for 110 % of the band).
   */
  public CandidateScore replay(
      String name, double level, double headroom, float[] loads, float[] bands) {
    return replay(name, level, headroom, 1, loads, loads, bands, 0);
  }

  /**
   * As {@link #replay(String, double, double, float[], float[])}, with each bucket's mean load
   * beside its highest: a bucket whose highest load exceeds Ready capacity counts for the share of
   * it above capacity, read off a straight line through its mean to its highest ({@link
   * #overloadedShare}), as the replay's per-tick accounting would have it. Only the buckets from
   * {@code scoreFrom} on are scored: the earlier ones only bring the replayed cluster to the state
   * it would have been in, so that a re-pick can score just the hours since the previous one. A
   * predictive candidate's reactive part reads the load at the target {@code reactiveShare} of the
   * way from the HPA's target to the predictive one.
   */
  public CandidateScore replay(
      String name,
      double level,
      double headroom,
      double reactiveShare,
      float[] loads,
      float[] means,
      float[] bands,
      int scoreFrom) {
    int n = loads.length;
    int[] arrivals = new int[n + startupBuckets + 1];
    int[] recs = new int[n];
    int[] held = new int[n];
    int bandHold = Math.min(bandHoldBuckets, downWindowBuckets);
    int current = -1;
    int ready = 0;
    int notReady = 0;
    double overload = 0;
    double nearMiss = 0;
    double replicaBuckets = 0;
    double accounted = 0;
    double minutes = bucketSeconds / 60.0;
    double blended = blendedTarget(reactiveShare);
    for (int b = 0; b < n; b++) {
      ready += arrivals[b];
      notReady -= arrivals[b];
      float seen = loads[b];
      if (current < 0) {
        if (Float.isNaN(seen)) {
          continue;
        }
        current = clamp(TotalReplicas.needed(seen, reactiveTargetPerReplica));
        ready = current;
      }
      int rec;
      if (Float.isNaN(seen)) {
        rec = current;
        held[b] = rec;
      } else if (bands == null || Double.isNaN(bands[b])) {
        rec = reactive(current, seen, reactiveTargetPerReplica);
        held[b] = rec;
      } else {
        held[b] = reactive(current, seen, blended);
        int sized = ForecastReplicas.needed(bands[b] * (1 + headroom), targetPerReplica);
        rec = Math.max(held[b], clamp(sized));
      }
      recs[b] = rec;
      int desired = rec;
      if (rec < current) {
        boolean bandAlone = bands != null && !Double.isNaN(bands[b]) && reactiveShare == 1;
        int heldFor = bandAlone ? bandHold : downWindowBuckets;
        for (int k = Math.max(0, b - heldFor + 1); k < b; k++) {
          desired = Math.max(desired, held[k]);
        }
        for (int k = Math.max(0, b - bandHold + 1); k < b; k++) {
          desired = Math.max(desired, recs[k]);
        }
        desired = Math.min(desired, current);
      }
      if (desired > current && startupBuckets == 0) {
        // this bucket's arrivals were already counted above: no start-up is Ready at once
        ready += desired - current;
      } else if (desired > current) {
        arrivals[b + startupBuckets] += desired - current;
        notReady += desired - current;
      } else if (desired < current) {
        int remove = current - desired;
        int fromPending = Math.min(remove, notReady);
        cancelNewest(arrivals, b, fromPending);
        notReady -= fromPending;
        ready -= remove - fromPending;
      }
      current = desired;
      int truthAt = b + delayBuckets;
      if (b < scoreFrom) {
        continue;
      }
      if (truthAt < n && !Float.isNaN(loads[truthAt])) {
        double capacity = ready * targetPerReplica;
        double load = loads[truthAt];
        double average = Float.isNaN(means[truthAt]) ? load : means[truthAt];
        if (load > capacity) {
          double share = overloadedShare(load, average, capacity);
          overload += minutes * share;
          // the rest of a bucket whose peak crossed capacity came at least as near as a miss
          nearMiss += minutes * (1 - share);
        } else if (load > capacity * (1 - NEAR_MISS)) {
          nearMiss += minutes;
        }
        accounted += minutes;
      }
      replicaBuckets += current;
    }
    return new CandidateScore(
        name,
        level,
        headroom,
        bands == null ? 1 : reactiveShare,
        overload,
        nearMiss,
        replicaBuckets * bucketSeconds / 3600.0,
        accounted);
  }

  /**
   * The share of a bucket whose highest load exceeds {@code capacity}, read as a straight line from
   * {@code 2 * mean - highest} to {@code highest}: the replay's per-tick load between two samples
   * is one, and a bucket holds at most a few of them. A bucket overloaded at its peak alone counts
   * for the part of it above capacity, not for half of it.
   */
  static double overloadedShare(double highest, double mean, double capacity) {
    double spread = 2 * (highest - mean);
    if (!(spread > 0)) {
      return 1;
    }
    return Math.min(1, (highest - capacity) / spread);
  }

  /** The reactive part's per-replica target {@code share} of the way from the HPA's to ours. */
  public double blendedTarget(double share) {
    return MetricTarget.between(reactiveTargetPerReplica, targetPerReplica, share);
  }

  private int reactive(int current, float seen, double target) {
    double ratio = current == 0 ? Double.POSITIVE_INFINITY : seen / (current * target);
    if (Math.abs(ratio - 1) <= tolerance) {
      return current;
    }
    return clamp(TotalReplicas.needed(seen, target));
  }

  private static void cancelNewest(int[] arrivals, int from, int count) {
    for (int i = arrivals.length - 1; i > from && count > 0; i--) {
      int take = Math.min(count, arrivals[i]);
      arrivals[i] -= take;
      count -= take;
    }
  }

  private int clamp(int replicas) {
    return Math.max(minReplicas, Math.min(maxReplicas, replicas));
  }
}
