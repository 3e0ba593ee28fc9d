package io.predictivescaler.core.tick;

import io.predictivescaler.core.decision.ForecastSummary;
import io.predictivescaler.forecast.Forecast;
import java.util.Objects;

/**
 * One metric's forecast at a tick: the forecaster's full forecast and what the decision pipeline
 * was given of it.
 *
 * @param metric the metric's name, as its {@link io.predictivescaler.core.decision.MetricInput}
 * @param forecast the forecaster's full forecast; null when none was made (no samples yet)
 * @param summary the calibrated peak the decision sizes, and whether it may be used
 * @param calibration the calibration's state after this tick; null when no forecast was made
 */
public record MetricForecast(
    String metric, Forecast forecast, ForecastSummary summary, CalibrationStatus calibration) {

  public MetricForecast {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(summary, "summary");
  }
}
