package io.predictivescaler.core.tick;

import io.predictivescaler.core.decision.MetricInput;
import io.predictivescaler.forecast.RegularSeries;
import java.util.Objects;

/**
 * What the tick reads of one workload: its replicas, its metric for the decision pipeline, and the
 * history of its load series for the forecaster (in the unit the forecast summary is sized in).
 *
 * @param currentReplicas the target's desired replicas ({@code spec.replicas})
 * @param readyReplicas pods Ready and serving
 * @param metric the metric the decision pipeline scales on (may be unavailable this tick)
 * @param observedLoad the newest load sample, NaN when there is none
 * @param history the load series up to the newest sample, oldest first, NaN for gaps
 */
public record WorkloadObservation(
    int currentReplicas,
    int readyReplicas,
    MetricInput metric,
    double observedLoad,
    RegularSeries history) {

  public WorkloadObservation {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(history, "history");
    if (currentReplicas < 0) {
      throw new IllegalArgumentException("currentReplicas must be >= 0, got " + currentReplicas);
    }
    if (readyReplicas < 0) {
      throw new IllegalArgumentException("readyReplicas must be >= 0, got " + readyReplicas);
    }
  }

  /** The same observation with an empty history that ends where this one's ends. */
  WorkloadObservation withoutHistory() {
    RegularSeries empty =
        new RegularSeries(history.end().plus(history.step()), history.step(), new float[0]);
    return new WorkloadObservation(currentReplicas, readyReplicas, metric, observedLoad, empty);
  }
}
