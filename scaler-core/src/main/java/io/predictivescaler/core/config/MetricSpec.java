package io.predictivescaler.core.config;

/**
 * What load a workload is scaled on, and how much of it one replica should carry: a PromQL query
 * with a per-replica target, or a metrics-server resource with a utilization target. A workload has
 * one or several ({@code metric:} or {@code metrics:}), each forecast on its own.
 */
public sealed interface MetricSpec permits PrometheusMetric, ResourceMetric {

  /**
   * The metric's name in decisions, traces and Events, unique within a workload: the PromQL query,
   * or {@code cpu utilization}.
   */
  String name();
}
