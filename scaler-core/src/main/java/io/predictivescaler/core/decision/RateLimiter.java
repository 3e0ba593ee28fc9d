package io.predictivescaler.core.decision;

/**
 * The HPA's rate policies (horizontal.go {@code calculateScaleUpLimitWithScalingRules} and {@code
 * calculateScaleDownLimitWithBehaviors}): each policy allows a change relative to the replicas at
 * the start of its period, i.e. the current count minus the pods added plus the pods removed by
 * scale events within the period.
 */
final class RateLimiter {

  private RateLimiter() {}

  /** The most replicas the scale-up rules allow now (may be below current, callers clamp). */
  static int scaleUpLimit(int current, DecisionState state, long nowMillis, ScalingRules rules) {
    if (rules.selectPolicy() == SelectPolicy.DISABLED) {
      return current;
    }
    boolean min = rules.selectPolicy() == SelectPolicy.MIN;
    long result = min ? Long.MAX_VALUE : Long.MIN_VALUE;
    for (RatePolicy policy : rules.policies()) {
      long start = periodStart(current, state, nowMillis, policy);
      long proposed =
          policy.type() == RatePolicyType.PODS
              ? start + policy.value()
              : (long) Math.ceil(start * (1 + policy.value() / 100.0));
      result = min ? Math.min(result, proposed) : Math.max(result, proposed);
    }
    return saturate(result);
  }

  /** The fewest replicas the scale-down rules allow now (may be above current, callers clamp). */
  static int scaleDownLimit(int current, DecisionState state, long nowMillis, ScalingRules rules) {
    if (rules.selectPolicy() == SelectPolicy.DISABLED) {
      return current;
    }
    boolean min = rules.selectPolicy() == SelectPolicy.MIN;
    long result = min ? Long.MIN_VALUE : Long.MAX_VALUE;
    for (RatePolicy policy : rules.policies()) {
      long start = periodStart(current, state, nowMillis, policy);
      long proposed =
          policy.type() == RatePolicyType.PODS
              ? start - policy.value()
              : (long) (start * (1 - policy.value() / 100.0));
      result = min ? Math.max(result, proposed) : Math.min(result, proposed);
    }
    return saturate(result);
  }

  private static long periodStart(
      int current, DecisionState state, long nowMillis, RatePolicy policy) {
    long cutoff = nowMillis - policy.period().toMillis();
    return current - state.addedAfter(cutoff) + state.removedAfter(cutoff);
  }

  private static int saturate(long value) {
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
  }
}
