package io.predictivescaler.core.decision;

import java.util.Objects;

/**
 * A metric's target, as in autoscaling/v2 {@code MetricTarget}. For {@link TargetType#UTILIZATION}
 * the value is a percent of requests (80 means 80 %).
 */
public record MetricTarget(TargetType type, double value) {

  public MetricTarget {
    Objects.requireNonNull(type, "type");
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          "target value must be a finite number > 0, got " + value + " for " + type);
    }
  }

  /**
   * The target {@code share} of the way from {@code reactive} (0) to {@code predictive} (1): where
   * a forecast candidate reads its metric's reactive part.
   */
  public static double between(double reactive, double predictive, double share) {
    return reactive + share * (predictive - reactive);
  }

  public static MetricTarget utilization(double percent) {
    return new MetricTarget(TargetType.UTILIZATION, percent);
  }

  public static MetricTarget averageValue(double perPod) {
    return new MetricTarget(TargetType.AVERAGE_VALUE, perPod);
  }

  public static MetricTarget value(double total) {
    return new MetricTarget(TargetType.VALUE, total);
  }
}
