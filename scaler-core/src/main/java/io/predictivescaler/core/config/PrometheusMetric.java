package io.predictivescaler.core.config;

import java.util.Objects;

/**
 * Load read from Prometheus: an instant-vector PromQL expression returning the workload's total
 * load, and the load one replica should carry.
 */
public record PrometheusMetric(String query, double targetPerReplica) implements MetricSpec {

  public PrometheusMetric {
    Objects.requireNonNull(query, "query");
    if (query.isBlank()) {
      throw new IllegalArgumentException("query must not be blank");
    }
    if (!(targetPerReplica > 0) || Double.isInfinite(targetPerReplica)) {
      throw new IllegalArgumentException(
          "targetPerReplica must be a finite number > 0, got " + targetPerReplica);
    }
  }
}
