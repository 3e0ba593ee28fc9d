package io.predictivescaler.core.tick;

import io.predictivescaler.core.decision.MetricInput;
import io.predictivescaler.forecast.RegularSeries;
import java.util.Objects;

/**
 * What the tick reads of one metric of a workload: the metric for the decision pipeline, and the
 * history of its load series for that metric's forecaster (in the unit its forecast is sized in).
 *
 * @param metric the metric the decision pipeline scales on (may be unavailable this tick)
 * @param observedLoad the newest load sample, NaN when there is none
 * @param history the load series up to the newest sample, oldest first, NaN for gaps
 */
public record MetricObservation(MetricInput metric, double observedLoad, RegularSeries history) {

  public MetricObservation {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(history, "history");
  }

  /** The same observation with an empty history that ends where this one's ends. */
  MetricObservation withoutHistory() {
    if (history.size() == 0) {
      return this;
    }
    RegularSeries empty =
        new RegularSeries(history.end().plus(history.step()), history.step(), new float[0]);
    return new MetricObservation(metric, observedLoad, empty);
  }
}
