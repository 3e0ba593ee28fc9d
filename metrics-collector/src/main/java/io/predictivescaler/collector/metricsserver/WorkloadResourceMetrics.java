package io.predictivescaler.collector.metricsserver;

import io.predictivescaler.collector.source.ResourceName;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A Deployment's resource usage from metrics-server, grouped the way the HPA's replica calculator
 * groups pods. Terminating and failed pods are left out entirely.
 *
 * @param timestamp newest metric timestamp among the pods (or the query time without metrics)
 * @param resource CPU (cores) or memory (bytes)
 * @param readyPods pods with a metric that count toward utilization
 * @param notReadyPods pending or not-yet-ready pods (their usage is not in {@code readyUsage})
 * @param missingPods running pods without a metric
 * @param readyUsage summed usage of the ready pods
 * @param readyRequests summed requests of the ready pods
 * @param totalUsage summed usage of every pod that has a metric (the workload's load)
 * @param utilization {@code readyUsage / readyRequests} as the HPA computes it (1.0 = 100 %); NaN
 *     without ready pods
 * @param pods every counted pod, by name
 */
public record WorkloadResourceMetrics(
    Instant timestamp,
    ResourceName resource,
    int readyPods,
    int notReadyPods,
    int missingPods,
    double readyUsage,
    double readyRequests,
    double totalUsage,
    double utilization,
    List<PodResourceUsage> pods) {

  public WorkloadResourceMetrics {
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(resource, "resource");
    pods = List.copyOf(pods);
  }

  /** Pods the HPA would consider: ready + not ready + missing. */
  public int podCount() {
    return readyPods + notReadyPods + missingPods;
  }
}
