package io.predictivescaler.core.decision;

/**
 * One metric of a workload at this tick: per-pod values ({@link PodMetric}), a single total ({@link
 * TotalMetric}), or a metric that could not be read ({@link UnavailableMetric}).
 */
public sealed interface MetricInput permits PodMetric, TotalMetric, UnavailableMetric {

  /** The metric's name, used in traces and explanations. */
  String name();

  /**
   * The metric as a plain HPA targets it, used when no forecast drives the decision: the same
   * metric unless it carries a separate reactive target.
   */
  default MetricInput atReactiveTarget() {
    return this;
  }

  /**
   * The metric read at a target {@code share} of the way from its reactive target (0) to its
   * predictive one (1): the same metric unless it carries a separate reactive target.
   */
  default MetricInput atBlendedTarget(double share) {
    return this;
  }
}
