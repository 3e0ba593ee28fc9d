package io.predictivescaler.core.decision;

import java.util.Objects;

/**
 * A metric read as one number for the whole workload (HPA Object or External metrics, e.g. a
 * Prometheus {@code sum(rate(...))}). With a {@link TargetType#VALUE} target the HPA scales by
 * {@code ceil(value / target * readyReplicas)}; with {@link TargetType#AVERAGE_VALUE} by {@code
 * ceil(value / target)}. A non-finite or negative value makes the metric invalid for this tick.
 *
 * <p>It carries two targets: {@code target} applies while a forecast drives the decision, {@code
 * reactiveTarget} (the plain HPA's target, with the headroom a reactive scaler needs) when the
 * decision is reactive only. The pipeline picks one by the forecast's status.
 */
public record TotalMetric(
    String name, MetricTarget target, MetricTarget reactiveTarget, double value)
    implements MetricInput {

  public TotalMetric {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(reactiveTarget, "reactiveTarget");
    if (target.type() == TargetType.UTILIZATION) {
      throw new IllegalArgumentException(
          "target of total metric " + name + " must be VALUE or AVERAGE_VALUE, got UTILIZATION");
    }
    if (reactiveTarget.type() != target.type()) {
      throw new IllegalArgumentException(
          "reactiveTarget of total metric "
              + name
              + " must have the target's type "
              + target.type()
              + ", got "
              + reactiveTarget.type());
    }
  }

  /** A metric with one target, whether a forecast drives the decision or not. */
  public TotalMetric(String name, MetricTarget target, double value) {
    this(name, target, target, value);
  }

  public static TotalMetric averageValue(String name, double targetPerReplica, double value) {
    return new TotalMetric(name, MetricTarget.averageValue(targetPerReplica), value);
  }

  /** An AverageValue metric whose reactive-only target differs from the predictive one. */
  public static TotalMetric averageValue(
      String name, double targetPerReplica, double reactiveTargetPerReplica, double value) {
    return new TotalMetric(
        name,
        MetricTarget.averageValue(targetPerReplica),
        MetricTarget.averageValue(reactiveTargetPerReplica),
        value);
  }

  public static TotalMetric value(String name, double target, double value) {
    return new TotalMetric(name, MetricTarget.value(target), value);
  }

  @Override
  public MetricInput atBlendedTarget(double share) {
    if (share >= 1 || reactiveTarget.equals(target)) {
      return this;
    }
    if (share <= 0) {
      return atReactiveTarget();
    }
    double blended = MetricTarget.between(reactiveTarget.value(), target.value(), share);
    return new TotalMetric(name, new MetricTarget(target.type(), blended), value);
  }

  @Override
  public MetricInput atReactiveTarget() {
    return reactiveTarget.equals(target) ? this : new TotalMetric(name, reactiveTarget, value);
  }
}
