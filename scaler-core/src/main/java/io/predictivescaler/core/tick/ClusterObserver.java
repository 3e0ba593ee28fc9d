package io.predictivescaler.core.tick;

import io.predictivescaler.collector.metricsserver.WorkloadResourceMetrics;
import io.predictivescaler.collector.window.WindowSnapshot;
import io.predictivescaler.core.config.MetricSpec;
import io.predictivescaler.core.config.PrometheusMetric;
import io.predictivescaler.core.config.ResourceMetric;
import io.predictivescaler.core.config.ResourceName;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.config.WorkloadPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The service's observer: replicas from memory (the Deployment informer's cache, or the poller of
 * other kinds), and for each metric its load window and metrics-server grouping from what the
 * collector last handed over. Every lookup answers from memory; nothing here waits for the network
 * or an event loop.
 */
public final class ClusterObserver implements WorkloadObserver {

  private final Function<TargetRef, Optional<ReplicaCounts>> replicas;
  private final BiFunction<TargetRef, Integer, Optional<WindowSnapshot>> windows;
  private final BiFunction<TargetRef, ResourceName, Optional<WorkloadResourceMetrics>> resources;

  /**
   * @param replicas the target's counts; empty when it does not exist
   * @param windows the newest copy of the load window of the workload's metric at an index of its
   *     policy's metrics; empty before the first one
   * @param resources the newest metrics-server grouping of the workload's pods for a resource
   */
  public ClusterObserver(
      Function<TargetRef, Optional<ReplicaCounts>> replicas,
      BiFunction<TargetRef, Integer, Optional<WindowSnapshot>> windows,
      BiFunction<TargetRef, ResourceName, Optional<WorkloadResourceMetrics>> resources) {
    this.replicas = Objects.requireNonNull(replicas, "replicas");
    this.windows = Objects.requireNonNull(windows, "windows");
    this.resources = Objects.requireNonNull(resources, "resources");
  }

  @Override
  public Optional<WorkloadObservation> observe(WorkloadPolicy policy, Instant now) {
    TargetRef target = policy.target();
    Optional<ReplicaCounts> counts = replicas.apply(target);
    if (counts.isEmpty()) {
      return Optional.empty();
    }
    List<MetricObservation> metrics = new ArrayList<>(policy.metrics().size());
    for (int i = 0; i < policy.metrics().size(); i++) {
      MetricSpec spec = policy.metrics().get(i);
      WindowSnapshot window =
          windows
              .apply(target, i)
              .orElseGet(() -> new WindowSnapshot(now, policy.step(), new float[0]));
      if (spec instanceof ResourceMetric resource) {
        WorkloadResourceMetrics grouping =
            resources.apply(target, resource.resource()).orElse(null);
        metrics.add(ResourceObservation.of(resource, policy.step(), grouping, window, now));
      } else if (spec instanceof PrometheusMetric prometheus) {
        metrics.add(WindowObservation.of(prometheus, policy.step(), window, now));
      } else {
        throw new IllegalArgumentException("unknown metric kind " + spec);
      }
    }
    return Optional.of(
        new WorkloadObservation(counts.get().desired(), counts.get().ready(), metrics));
  }
}
