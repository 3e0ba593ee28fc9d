package io.predictivescaler.core.service;

import io.predictivescaler.collector.metricsserver.MetricsServerSource;
import io.predictivescaler.collector.metricsserver.WorkloadResourceMetrics;
import io.predictivescaler.collector.source.InstantSample;
import io.predictivescaler.collector.source.MetricQuery;
import io.predictivescaler.collector.source.MetricSource;
import io.predictivescaler.collector.source.ResourceQuery;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.config.WorkloadKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The metrics-server source as the collector sees it (a workload's total usage per step), keeping
 * each workload's newest pod grouping on the side so that the tick builds the HPA's Utilization
 * metric from the same reading, without a second round of API calls.
 */
final class ResourceUsageSource implements MetricSource {

  private final MetricsServerSource delegate;
  private final Map<TargetRef, WorkloadResourceMetrics> latest = new ConcurrentHashMap<>();

  ResourceUsageSource(MetricsServerSource delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public CompletionStage<InstantSample> instant(MetricQuery query, Instant at) {
    if (!(query instanceof ResourceQuery resource)) {
      throw new IllegalArgumentException(
          "source " + name() + " reads resource queries, got " + query.describe());
    }
    TargetRef target =
        new TargetRef(
            new WorkloadKind(resource.apiVersion(), resource.kind()),
            resource.namespace(),
            resource.name());
    return delegate
        .workloadMetrics(resource, at)
        .thenApply(
            metrics -> {
              latest.put(target, metrics);
              return metrics.readyPods() + metrics.notReadyPods() == 0
                      || Double.isNaN(metrics.totalUsage())
                  ? InstantSample.empty(at, List.of())
                  : InstantSample.of(at, metrics.totalUsage());
            });
  }

  /** The newest grouping of the workload's pods. */
  Optional<WorkloadResourceMetrics> latest(TargetRef target) {
    return Optional.ofNullable(latest.get(target));
  }

  /** Drops what is kept for a workload that left the policy. */
  void forget(TargetRef target) {
    latest.remove(target);
  }
}
