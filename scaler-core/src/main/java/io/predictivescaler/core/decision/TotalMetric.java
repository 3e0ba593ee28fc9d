package io.predictivescaler.core.decision;

import java.util.Objects;

/**
 * A metric read as one number for the whole workload (HPA Object or External metrics, e.g. a
 * Prometheus {@code sum(rate(...))}). With a {@link TargetType#VALUE} target the HPA scales by
 * {@code ceil(value / target * readyReplicas)}; with {@link TargetType#AVERAGE_VALUE} by {@code
 * ceil(value / target)}. A non-finite or negative value makes the metric invalid for this tick.
 */
public record TotalMetric(String name, MetricTarget target, double value) implements MetricInput {

  public TotalMetric {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(target, "target");
    if (target.type() == TargetType.UTILIZATION) {
      throw new IllegalArgumentException(
          "target of total metric " + name + " must be VALUE or AVERAGE_VALUE, got UTILIZATION");
    }
  }

  public static TotalMetric averageValue(String name, double targetPerReplica, double value) {
    return new TotalMetric(name, MetricTarget.averageValue(targetPerReplica), value);
  }

  public static TotalMetric value(String name, double target, double value) {
    return new TotalMetric(name, MetricTarget.value(target), value);
  }
}
