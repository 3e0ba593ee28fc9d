package io.predictivescaler.core.tick;

import io.predictivescaler.collector.metricsserver.PodResourceUsage;
import io.predictivescaler.collector.metricsserver.PodState;
import io.predictivescaler.collector.metricsserver.WorkloadResourceMetrics;
import io.predictivescaler.collector.window.WindowSnapshot;
import io.predictivescaler.core.config.ResourceMetric;
import io.predictivescaler.core.config.WorkloadPolicy;
import io.predictivescaler.core.decision.MetricInput;
import io.predictivescaler.core.decision.MetricTarget;
import io.predictivescaler.core.decision.PodMetric;
import io.predictivescaler.core.decision.UnavailableMetric;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Builds the observation of a metrics-server resource metric ({@code metric: {resource: cpu}}): the
 * decision's metric is a {@link PodMetric} with a Utilization target, its pods grouped as the HPA
 * groups them (ready, not ready, missing), and the forecast history is the window of the workload's
 * total usage (cores or bytes). The predictive stage sizes that total by the average ready-pod
 * request times the target percent, so both are in the same unit.
 *
 * <p>Metrics older than {@value WindowObservation#STALE_STEPS} steps, or none at all, make the
 * metric unavailable for the tick: no scale-down on missing data.
 */
public final class ResourceObservation {

  private ResourceObservation() {}

  /**
   * The observation of a workload with one resource metric.
   *
   * @param metrics the newest grouping of the workload's pods, null when none was read yet
   * @param window the total-usage window (the forecaster's history)
   */
  public static WorkloadObservation of(
      WorkloadPolicy policy,
      ReplicaCounts replicas,
      WorkloadResourceMetrics metrics,
      WindowSnapshot window,
      Instant now) {
    if (policy.metrics().size() != 1 || !(policy.metric() instanceof ResourceMetric resource)) {
      throw new IllegalArgumentException(
          "a resource observation needs one resource metric, got " + policy.metrics());
    }
    return new WorkloadObservation(
        replicas.desired(),
        replicas.ready(),
        List.of(of(resource, policy.step(), metrics, window, now)));
  }

  /**
   * One resource metric of a workload.
   *
   * @param metrics the newest grouping of the workload's pods for this resource, null when none was
   *     read yet
   * @param window the total-usage window (the forecaster's history)
   */
  public static MetricObservation of(
      ResourceMetric resource,
      Duration step,
      WorkloadResourceMetrics metrics,
      WindowSnapshot window,
      Instant now) {
    MetricInput metric = metric(step, resource, resource.name(), metrics, now);
    double load = metric instanceof PodMetric ? metrics.totalUsage() : Double.NaN;
    return new MetricObservation(metric, load, WindowSeries.of(window));
  }

  private static MetricInput metric(
      Duration step,
      ResourceMetric resource,
      String name,
      WorkloadResourceMetrics metrics,
      Instant now) {
    if (metrics == null) {
      return new UnavailableMetric(name, "no metrics-server reading yet");
    }
    Duration staleAfter = step.multipliedBy(WindowObservation.STALE_STEPS);
    if (Duration.between(metrics.timestamp(), now).compareTo(staleAfter) > 0) {
      return new UnavailableMetric(
          name,
          "newest metrics-server reading is from "
              + metrics.timestamp()
              + ", older than "
              + WindowObservation.STALE_STEPS
              + " steps");
    }
    if (metrics.readyPods() == 0) {
      return new UnavailableMetric(name, "no ready pod has a metric");
    }
    double unreadyRequests = 0;
    double missingRequests = 0;
    for (PodResourceUsage pod : metrics.pods()) {
      if (pod.state() == PodState.NOT_READY) {
        unreadyRequests += orZero(pod.request());
      } else if (pod.state() == PodState.MISSING) {
        missingRequests += orZero(pod.request());
      }
    }
    if (!(metrics.readyRequests() > 0)) {
      return new UnavailableMetric(
          name, "pods have no " + resource.resource().yamlName() + " request to compare with");
    }
    return new PodMetric(
        name,
        MetricTarget.utilization(resource.targetUtilizationPercent()),
        metrics.readyPods(),
        metrics.readyUsage(),
        metrics.readyRequests(),
        metrics.notReadyPods(),
        unreadyRequests,
        metrics.missingPods(),
        missingRequests);
  }

  private static double orZero(double value) {
    return Double.isNaN(value) ? 0 : value;
  }
}
