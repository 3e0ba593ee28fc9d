package io.predictivescaler.core.config;

/**
 * What load a workload is scaled on, and how much of it one replica should carry: a PromQL query
 * with a per-replica target, or a metrics-server resource with a utilization target.
 */
public sealed interface MetricSpec permits PrometheusMetric, ResourceMetric {}
