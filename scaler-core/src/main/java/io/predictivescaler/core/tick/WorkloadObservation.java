package io.predictivescaler.core.tick;

import io.predictivescaler.core.decision.MetricInput;
import io.predictivescaler.forecast.RegularSeries;
import java.util.List;

/**
 * What the tick reads of one workload: its replicas, and each of its metrics (in the policy's
 * order) with the history its forecaster reads.
 *
 * @param currentReplicas the target's desired replicas ({@code spec.replicas})
 * @param readyReplicas pods Ready and serving
 * @param metrics one observation per metric of the policy, in its order; at least one
 */
public record WorkloadObservation(
    int currentReplicas, int readyReplicas, List<MetricObservation> metrics) {

  public WorkloadObservation {
    metrics = List.copyOf(metrics);
    if (metrics.isEmpty()) {
      throw new IllegalArgumentException("an observation needs at least one metric");
    }
    if (currentReplicas < 0) {
      throw new IllegalArgumentException("currentReplicas must be >= 0, got " + currentReplicas);
    }
    if (readyReplicas < 0) {
      throw new IllegalArgumentException("readyReplicas must be >= 0, got " + readyReplicas);
    }
  }

  /** An observation of a workload with one metric. */
  public WorkloadObservation(
      int currentReplicas,
      int readyReplicas,
      MetricInput metric,
      double observedLoad,
      RegularSeries history) {
    this(
        currentReplicas,
        readyReplicas,
        List.of(new MetricObservation(metric, observedLoad, history)));
  }

  /** The first metric, the only one of a {@link #forMetric} view (see {@link #metrics()}). */
  public MetricInput metric() {
    return metrics.get(0).metric();
  }

  /** The first metric's newest load sample, NaN when there is none. */
  public double observedLoad() {
    return metrics.get(0).observedLoad();
  }

  /** The first metric's load series, what its forecaster reads. */
  public RegularSeries history() {
    return metrics.get(0).history();
  }

  /** The workload seen through its {@code i}-th metric alone, for that metric's forecast. */
  WorkloadObservation forMetric(int i) {
    return metrics.size() == 1
        ? this
        : new WorkloadObservation(currentReplicas, readyReplicas, List.of(metrics.get(i)));
  }

  /** The same observation with empty load histories that end where these ones end. */
  WorkloadObservation withoutHistory() {
    return new WorkloadObservation(
        currentReplicas,
        readyReplicas,
        metrics.stream().map(MetricObservation::withoutHistory).toList());
  }
}
