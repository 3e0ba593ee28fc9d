package io.predictivescaler.core.tick;

import io.predictivescaler.collector.metricsserver.WorkloadResourceMetrics;
import io.predictivescaler.collector.window.WindowSnapshot;
import io.predictivescaler.core.config.PrometheusMetric;
import io.predictivescaler.core.config.ResourceMetric;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.config.WorkloadPolicy;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The service's observer: replicas from memory (the Deployment informer's cache, or the poller of
 * other kinds), the load window and the metrics-server grouping from what the collector last handed
 * over. Every lookup answers from memory; nothing here waits for the network or an event loop.
 */
public final class ClusterObserver implements WorkloadObserver {

  private final Function<TargetRef, Optional<ReplicaCounts>> replicas;
  private final Function<TargetRef, Optional<WindowSnapshot>> windows;
  private final Function<TargetRef, Optional<WorkloadResourceMetrics>> resources;

  /**
   * @param replicas the target's counts; empty when it does not exist
   * @param windows the newest copy of the workload's load window; empty before the first one
   * @param resources the newest metrics-server grouping of the workload's pods
   */
  public ClusterObserver(
      Function<TargetRef, Optional<ReplicaCounts>> replicas,
      Function<TargetRef, Optional<WindowSnapshot>> windows,
      Function<TargetRef, Optional<WorkloadResourceMetrics>> resources) {
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
    WindowSnapshot window =
        windows.apply(target).orElseGet(() -> new WindowSnapshot(now, policy.step(), new float[0]));
    if (policy.metric() instanceof ResourceMetric) {
      WorkloadResourceMetrics metrics = resources.apply(target).orElse(null);
      return Optional.of(ResourceObservation.of(policy, counts.get(), metrics, window, now));
    }
    if (policy.metric() instanceof PrometheusMetric) {
      return Optional.of(
          WindowObservation.of(policy, counts.get().desired(), counts.get().ready(), window, now));
    }
    throw new IllegalArgumentException("unknown metric kind " + policy.metric());
  }
}
