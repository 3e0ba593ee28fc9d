package io.predictivescaler.core.config;

import java.time.Duration;
import java.util.Objects;

/**
 * One rate limit (autoscaling/v2 {@code HPAScalingPolicy}): at most {@code value} pods or percent
 * of the current replicas per {@code period}.
 */
public record ScalingPolicy(ScalingPolicyType type, int value, Duration period) {

  /** HPA's upper bound for {@code periodSeconds}. */
  public static final Duration MAX_PERIOD = Duration.ofMinutes(30);

  public ScalingPolicy {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(period, "period");
    if (value <= 0) {
      throw new IllegalArgumentException("value must be > 0, got " + value);
    }
    if (period.isNegative() || period.isZero() || period.compareTo(MAX_PERIOD) > 0) {
      throw new IllegalArgumentException("period must be in (0, 30m], got " + period);
    }
  }

  public static ScalingPolicy pods(int value, Duration period) {
    return new ScalingPolicy(ScalingPolicyType.PODS, value, period);
  }

  public static ScalingPolicy percent(int value, Duration period) {
    return new ScalingPolicy(ScalingPolicyType.PERCENT, value, period);
  }
}
