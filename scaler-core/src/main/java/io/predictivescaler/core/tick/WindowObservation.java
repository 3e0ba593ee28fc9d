package io.predictivescaler.core.tick;

import io.predictivescaler.collector.window.WindowSnapshot;
import io.predictivescaler.core.config.PrometheusMetric;
import io.predictivescaler.core.config.WorkloadPolicy;
import io.predictivescaler.core.decision.MetricInput;
import io.predictivescaler.core.decision.TotalMetric;
import io.predictivescaler.core.decision.UnavailableMetric;
import java.time.Duration;
import java.time.Instant;

/**
 * Builds a workload's observation from its load window: the newest sample is the decision's metric
 * (an AverageValue target of {@code targetPerReplica}), unless it is missing or older than {@value
 * #STALE_STEPS} steps, in which case the metric is unavailable for this tick and the pipeline does
 * not scale down on it. Shared by the service and replays so both read a window the same way.
 */
public final class WindowObservation {

  static final int STALE_STEPS = 5;

  private WindowObservation() {}

  public static WorkloadObservation of(
      WorkloadPolicy policy,
      int currentReplicas,
      int readyReplicas,
      WindowSnapshot window,
      Instant now) {
    double latest = Double.NaN;
    Instant newest = null;
    for (int i = window.size() - 1; i >= 0; i--) {
      if (!Float.isNaN(window.values()[i])) {
        latest = window.values()[i];
        newest = window.time(i);
        break;
      }
    }
    String name = metricName(policy);
    MetricInput metric;
    if (newest == null) {
      metric = new UnavailableMetric(name, "no sample in the window yet");
    } else if (Duration.between(newest, now).compareTo(policy.step().multipliedBy(STALE_STEPS))
        > 0) {
      metric =
          new UnavailableMetric(
              name, "newest sample is from " + newest + ", older than " + STALE_STEPS + " steps");
      latest = Double.NaN;
    } else {
      metric = TotalMetric.averageValue(name, targetPerReplica(policy), latest);
    }
    return new WorkloadObservation(
        currentReplicas, readyReplicas, metric, latest, WindowSeries.of(window));
  }

  private static String metricName(WorkloadPolicy policy) {
    return policy.metric() instanceof PrometheusMetric p ? p.query() : "load";
  }

  private static double targetPerReplica(WorkloadPolicy policy) {
    if (policy.metric() instanceof PrometheusMetric p) {
      return p.targetPerReplica();
    }
    throw new IllegalArgumentException(
        "a window observation needs a prometheus metric, got " + policy.metric());
  }
}
