package io.predictivescaler.core.tick;

import io.predictivescaler.core.config.PrometheusMetric;
import io.predictivescaler.core.config.WorkloadPolicy;
import io.predictivescaler.core.decision.MetricInput;
import io.predictivescaler.core.decision.TargetType;
import io.predictivescaler.core.decision.TotalMetric;

/**
 * The metric as a plain HPA would target it: with {@code reactiveTargetPerReplica}, the headroom a
 * reactive scaler needs. Used when the forecast is not trusted and for the shadow HPA, so that
 * falling back to reactive scaling is never less safe than the HPA the SRE would otherwise run.
 */
final class ReactiveTarget {

  private ReactiveTarget() {}

  static MetricInput of(WorkloadPolicy policy, MetricInput metric) {
    if (policy.metric() instanceof PrometheusMetric p
        && p.reactiveTargetPerReplica() != p.targetPerReplica()
        && metric instanceof TotalMetric total
        && total.target().type() == TargetType.AVERAGE_VALUE) {
      return TotalMetric.averageValue(total.name(), p.reactiveTargetPerReplica(), total.value());
    }
    return metric;
  }
}
