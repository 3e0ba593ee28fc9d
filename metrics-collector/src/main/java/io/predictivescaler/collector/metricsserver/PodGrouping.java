package io.predictivescaler.collector.metricsserver;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import io.predictivescaler.collector.source.ResourceName;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Groups pods as the HPA's replica calculator does ({@code groupPods} in kubernetes' {@code
 * pkg/controller/podautoscaler/replica_calculator.go}): terminating and failed pods are ignored,
 * pending pods are not ready, pods without a metric are missing, and for CPU a pod that is not
 * ready (or became ready after its metric window began, during its first 5 minutes) is not ready.
 */
final class PodGrouping {

  static final Duration CPU_INITIALIZATION_PERIOD = Duration.ofMinutes(5);
  static final Duration DELAY_OF_INITIAL_READINESS_STATUS = Duration.ofSeconds(30);

  WorkloadResourceMetrics group(
      ResourceName resource,
      List<Pod> pods,
      Map<String, PodMetrics> metrics,
      Instant now,
      String where) {
    List<PodResourceUsage> out = new ArrayList<>();
    int ready = 0;
    int notReady = 0;
    int missing = 0;
    double readyUsage = 0;
    double readyRequests = 0;
    double totalUsage = 0;
    Instant newest = null;
    for (Pod pod : pods) {
      String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
      if (pod.getMetadata().getDeletionTimestamp() != null || "Failed".equals(phase)) {
        continue;
      }
      String podName = pod.getMetadata().getName();
      double request = MetricsServerSource.podRequest(pod, resource.key());
      PodMetrics metric = metrics.get(podName);
      if ("Pending".equals(phase)) {
        notReady++;
        double usage =
            metric == null
                ? Double.NaN
                : MetricsServerSource.containerUsage(metric, resource.key());
        out.add(new PodResourceUsage(podName, PodState.NOT_READY, usage, request));
        continue;
      }
      if (metric == null) {
        missing++;
        out.add(new PodResourceUsage(podName, PodState.MISSING, Double.NaN, request));
        continue;
      }
      double usage = MetricsServerSource.containerUsage(metric, resource.key());
      totalUsage += usage;
      Instant stamp = parse(metric.getTimestamp());
      if (stamp != null && (newest == null || stamp.isAfter(newest))) {
        newest = stamp;
      }
      if (resource == ResourceName.CPU && cpuUnready(pod, metric, stamp, now)) {
        notReady++;
        out.add(new PodResourceUsage(podName, PodState.NOT_READY, usage, request));
        continue;
      }
      ready++;
      readyUsage += usage;
      readyRequests += request;
      out.add(new PodResourceUsage(podName, PodState.READY, usage, request));
    }
    out.sort(Comparator.comparing(PodResourceUsage::pod));
    double utilization =
        ready == 0 || !(readyRequests > 0) ? Double.NaN : readyUsage / readyRequests;
    return new WorkloadResourceMetrics(
        newest == null ? now : newest,
        resource,
        ready,
        notReady,
        missing,
        readyUsage,
        readyRequests,
        totalUsage,
        utilization,
        out);
  }

  private static boolean cpuUnready(Pod pod, PodMetrics metric, Instant stamp, Instant now) {
    PodCondition condition = MetricsServerSource.readyCondition(pod);
    Instant start = pod.getStatus() == null ? null : parse(pod.getStatus().getStartTime());
    if (condition == null || start == null) {
      return true;
    }
    boolean readyNow = !"False".equals(condition.getStatus());
    Instant transition = parse(condition.getLastTransitionTime());
    if (start.plus(CPU_INITIALIZATION_PERIOD).isAfter(now)) {
      Duration window = window(metric);
      return !readyNow
          || (stamp != null && transition != null && stamp.isBefore(transition.plus(window)));
    }
    return !readyNow
        && transition != null
        && start.plus(DELAY_OF_INITIAL_READINESS_STATUS).isAfter(transition);
  }

  private static Duration window(PodMetrics metric) {
    if (metric.getWindow() == null || metric.getWindow().getDuration() == null) {
      return Duration.ZERO;
    }
    return metric.getWindow().getDuration();
  }

  private static Instant parse(String timestamp) {
    return timestamp == null || timestamp.isEmpty() ? null : Instant.parse(timestamp);
  }
}
