package io.predictivescaler.core.decision;

/** autoscaling/v2 {@code HPAScalingPolicyType}. */
public enum RatePolicyType {
  /** An absolute number of pods per period. */
  PODS,
  /** A percent of the replicas at the start of the period. */
  PERCENT
}
