package io.predictivescaler.core.decision;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** Stabilization and rate limits for one direction, autoscaling/v2 {@code HPAScalingRules}. */
public record ScalingRules(
    Duration stabilizationWindow, SelectPolicy selectPolicy, List<RatePolicy> policies) {

  /** The HPA API's upper bound for {@code stabilizationWindowSeconds}. */
  public static final Duration MAX_STABILIZATION_WINDOW = Duration.ofHours(1);

  public ScalingRules {
    Objects.requireNonNull(stabilizationWindow, "stabilizationWindow");
    Objects.requireNonNull(selectPolicy, "selectPolicy");
    policies = List.copyOf(policies);
    if (stabilizationWindow.isNegative()
        || stabilizationWindow.compareTo(MAX_STABILIZATION_WINDOW) > 0) {
      throw new IllegalArgumentException(
          "stabilizationWindow must be in [0s, 1h], got " + stabilizationWindow);
    }
    if (policies.isEmpty() && selectPolicy != SelectPolicy.DISABLED) {
      throw new IllegalArgumentException(
          "policies must not be empty unless selectPolicy is DISABLED, got selectPolicy "
              + selectPolicy);
    }
  }

  public ScalingRules withStabilizationWindow(Duration window) {
    return new ScalingRules(window, selectPolicy, policies);
  }

  public ScalingRules withSelectPolicy(SelectPolicy select) {
    return new ScalingRules(stabilizationWindow, select, policies);
  }

  public ScalingRules withPolicies(List<RatePolicy> newPolicies) {
    return new ScalingRules(stabilizationWindow, selectPolicy, newPolicies);
  }

  /** The longest policy period; zero without policies. */
  public Duration longestPeriod() {
    Duration longest = Duration.ZERO;
    for (RatePolicy policy : policies) {
      if (policy.period().compareTo(longest) > 0) {
        longest = policy.period();
      }
    }
    return longest;
  }
}
