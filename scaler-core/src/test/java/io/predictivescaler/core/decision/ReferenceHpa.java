package io.predictivescaler.core.decision;

import java.util.ArrayList;
import java.util.List;

/**
 * An independent, deliberately naive transcription of the HPA controller for one workload with one
 * total AverageValue metric: horizontal.go {@code reconcileAutoscaler} range checks, {@code
 * stabilizeRecommendationWithBehaviors}, {@code convertDesiredReplicasWithBehaviorRate} and the
 * rate limit helpers, with unbounded lists instead of {@link DecisionState}. Used as the oracle for
 * "without a forecast the pipeline is the HPA".
 */
final class ReferenceHpa {

  private record Sample(long at, int value) {}

  private final List<Sample> recommendations = new ArrayList<>();
  private final List<Sample> upEvents = new ArrayList<>();
  private final List<Sample> downEvents = new ArrayList<>();
  private boolean seeded;

  int decide(long now, int current, double load, double target, ScalingPolicy p) {
    if (!seeded) {
      recommendations.add(new Sample(now, current));
      seeded = true;
    }
    if (current == 0 && p.minReplicas() != 0) {
      return 0;
    }
    int desired;
    if (current > p.maxReplicas()) {
      desired = p.maxReplicas();
    } else if (current < p.minReplicas()) {
      desired = p.minReplicas();
    } else {
      double ratio = load / (target * current);
      int metric = p.tolerance().isWithin(ratio) ? current : (int) Math.ceil(load / target);
      desired = normalize(now, current, metric, p);
    }
    if (desired > current) {
      upEvents.add(new Sample(now, desired - current));
    } else if (desired < current) {
      downEvents.add(new Sample(now, current - desired));
    }
    return desired;
  }

  private int normalize(long now, int current, int desired, ScalingPolicy p) {
    ScalingRules up = p.behavior().scaleUp();
    ScalingRules down = p.behavior().scaleDown();
    int upRecommendation = desired;
    int downRecommendation = desired;
    long upCutoff = now - up.stabilizationWindow().toMillis();
    long downCutoff = now - down.stabilizationWindow().toMillis();
    for (Sample rec : recommendations) {
      if (rec.at() > upCutoff) {
        upRecommendation = Math.min(rec.value(), upRecommendation);
      }
      if (rec.at() > downCutoff) {
        downRecommendation = Math.max(rec.value(), downRecommendation);
      }
    }
    recommendations.add(new Sample(now, desired));
    int recommendation = current;
    if (recommendation < upRecommendation) {
      recommendation = upRecommendation;
    }
    if (recommendation > downRecommendation) {
      recommendation = downRecommendation;
    }
    if (recommendation > current) {
      int limit = Math.max(current, limit(now, current, up, true));
      int maximumAllowed = Math.min(p.maxReplicas(), limit);
      return Math.min(recommendation, maximumAllowed);
    }
    if (recommendation < current) {
      int limit = Math.min(current, limit(now, current, down, false));
      int minimumAllowed = Math.max(p.minReplicas(), limit);
      return Math.max(recommendation, minimumAllowed);
    }
    return recommendation;
  }

  private int limit(long now, int current, ScalingRules rules, boolean scaleUp) {
    if (rules.selectPolicy() == SelectPolicy.DISABLED) {
      return current;
    }
    boolean pickMax = (rules.selectPolicy() == SelectPolicy.MAX) == scaleUp;
    long result = pickMax ? Long.MIN_VALUE : Long.MAX_VALUE;
    for (RatePolicy policy : rules.policies()) {
      long cutoff = now - policy.period().toMillis();
      long start = current - changeAfter(upEvents, cutoff) + changeAfter(downEvents, cutoff);
      long proposed;
      if (policy.type() == RatePolicyType.PODS) {
        proposed = scaleUp ? start + policy.value() : start - policy.value();
      } else if (scaleUp) {
        proposed = (long) Math.ceil(start * (1 + policy.value() / 100.0));
      } else {
        proposed = (long) (start * (1 - policy.value() / 100.0));
      }
      result = pickMax ? Math.max(result, proposed) : Math.min(result, proposed);
    }
    return (int) result;
  }

  private static long changeAfter(List<Sample> events, long cutoff) {
    long sum = 0;
    for (Sample event : events) {
      if (event.at() > cutoff) {
        sum += event.value();
      }
    }
    return sum;
  }
}
