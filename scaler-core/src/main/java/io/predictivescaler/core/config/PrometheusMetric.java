package io.predictivescaler.core.config;

import java.util.Objects;

/**
 * Load read from Prometheus: an instant-vector PromQL expression returning the workload's total
 * load, and the load one replica should carry: {@code targetPerReplica} while the forecast is
 * trusted, {@code reactiveTargetPerReplica} (the plain HPA's target, with the headroom a reactive
 * scaler needs) while it is not.
 */
public record PrometheusMetric(
    String query, double targetPerReplica, double reactiveTargetPerReplica) implements MetricSpec {

  public PrometheusMetric {
    Objects.requireNonNull(query, "query");
    if (query.isBlank()) {
      throw new IllegalArgumentException("query must not be blank");
    }
    requirePositive("targetPerReplica", targetPerReplica);
    requirePositive("reactiveTargetPerReplica", reactiveTargetPerReplica);
  }

  /** A metric with one target whatever the forecast's trust. */
  public PrometheusMetric(String query, double targetPerReplica) {
    this(query, targetPerReplica, targetPerReplica);
  }

  /** The query itself, as the HPA names an External metric by its selector. */
  @Override
  public String name() {
    return query;
  }

  private static void requirePositive(String field, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(field + " must be a finite number > 0, got " + value);
    }
  }
}
