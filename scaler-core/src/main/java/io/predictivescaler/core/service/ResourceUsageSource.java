package io.predictivescaler.core.service;

import io.predictivescaler.collector.metricsserver.MetricsServerSource;
import io.predictivescaler.collector.metricsserver.WorkloadResourceMetrics;
import io.predictivescaler.collector.source.InstantSample;
import io.predictivescaler.collector.source.MetricQuery;
import io.predictivescaler.collector.source.MetricSource;
import io.predictivescaler.collector.source.ResourceQuery;
import io.predictivescaler.core.config.ResourceName;
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
 * The metrics-server source as the collector sees it (a workload's total usage of a resource per
 * step), keeping each workload's newest pod grouping per resource on the side so that the tick
 * builds the HPA's Utilization metric from the same reading, without a second round of API calls.
 */
final class ResourceUsageSource implements MetricSource {

  /** A workload's pods, read for one resource. */
  private record Usage(TargetRef target, ResourceName resource) {}

  private final MetricsServerSource delegate;
  private final Map<Usage, WorkloadResourceMetrics> latest = new ConcurrentHashMap<>();

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
              latest.put(new Usage(target, resourceOf(resource)), metrics);
              return metrics.readyPods() + metrics.notReadyPods() == 0
                      || Double.isNaN(metrics.totalUsage())
                  ? InstantSample.empty(at, List.of())
                  : InstantSample.of(at, metrics.totalUsage());
            });
  }

  /** The newest grouping of the workload's pods for {@code resource}. */
  Optional<WorkloadResourceMetrics> latest(TargetRef target, ResourceName resource) {
    return Optional.ofNullable(latest.get(new Usage(target, resource)));
  }

  /** Drops what is kept for a workload that left the policy. */
  void forget(TargetRef target) {
    latest.keySet().removeIf(usage -> usage.target().equals(target));
  }

  private static ResourceName resourceOf(ResourceQuery query) {
    return ResourceName.fromYaml(query.resource().key())
        .orElseThrow(
            () -> new IllegalArgumentException("no policy resource for " + query.describe()));
  }
}
