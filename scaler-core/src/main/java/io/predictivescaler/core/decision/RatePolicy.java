package io.predictivescaler.core.decision;

import java.time.Duration;
import java.util.Objects;

/**
 * One rate limit, autoscaling/v2 {@code HPAScalingPolicy}: at most {@code value} pods (or percent
 * of the replicas at the start of the period) per {@code period}.
 */
public record RatePolicy(RatePolicyType type, int value, Duration period) {

  /** The HPA API's upper bound for {@code periodSeconds}. */
  public static final Duration MAX_PERIOD = Duration.ofMinutes(30);

  public RatePolicy {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(period, "period");
    if (value <= 0) {
      throw new IllegalArgumentException("value must be > 0, got " + value);
    }
    if (period.isNegative() || period.isZero() || period.compareTo(MAX_PERIOD) > 0) {
      throw new IllegalArgumentException("period must be in (0s, 30m], got " + period);
    }
  }

  public static RatePolicy pods(int value, Duration period) {
    return new RatePolicy(RatePolicyType.PODS, value, period);
  }

  public static RatePolicy percent(int value, Duration period) {
    return new RatePolicy(RatePolicyType.PERCENT, value, period);
  }

  @Override
  public String toString() {
    return value
        + (type == RatePolicyType.PODS ? " pods" : " %")
        + " per "
        + period.toSeconds()
        + "s";
  }
}
